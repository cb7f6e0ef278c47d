import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

/**
 * Starts the baseline (`bench/baseline-main.ts`) in a process of its own, as `next start` runs in its own:
 * the load generator's event loop must not be shared with either server.
 */
export async function startBaseline(databaseUrl: string, port: number, poolSize: number) {
  const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/lib/allow-server-only.mjs", "bench/baseline-main.ts"], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, BASELINE_DATABASE_URL: databaseUrl, BASELINE_PORT: String(port), BASELINE_POOL_SIZE: String(poolSize) },
  });
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the baseline server exited with code ${code}`)));
    createInterface({ input: child.stdout! }).on("line", (line) => {
      if (line === "listening") resolve();
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.removeAllListeners("exit");
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 3_000).unref();
      }),
  };
}
