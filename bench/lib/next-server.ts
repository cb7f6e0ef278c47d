import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";

/**
 * Builds (unless BENCH_SKIP_BUILD=1 and a build exists) and runs `next start` on its own dist directory,
 * holding the server's own PID (npx would leave it running when killed).
 */

const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");
export const BENCH_DIST_DIR = process.env.BENCH_NEXT_DIST_DIR ?? ".next-bench-api";

export function buildNext(): void {
  if (process.env.BENCH_SKIP_BUILD === "1" && existsSync(`${BENCH_DIST_DIR}/BUILD_ID`)) return;
  // `next build` with a custom distDir rewrites tsconfig.json to include its type folder: put it back.
  const tsconfig = readFileSync("tsconfig.json", "utf8");
  console.error(`Building the app into ${BENCH_DIST_DIR} (set BENCH_SKIP_BUILD=1 to reuse it next time)…`);
  const result = spawnSync(process.execPath, [nextBin, "build"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_DIST_DIR: BENCH_DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (readFileSync("tsconfig.json", "utf8") !== tsconfig) writeFileSync("tsconfig.json", tsconfig);
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
}

/**
 * A port nobody is listening on. Fixed ports collide when two benches run at once (`npm run bench` while
 * someone runs `bench:api`): the second server fails to bind and its load would hit the first's server.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export type RunningServer = { url: string; pid: number; stop: () => Promise<void> };

export async function startNext(databaseUrl: string, port: number, env: Record<string, string> = {}): Promise<RunningServer> {
  // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=prof" profiles the server under load (NODE_OPTIONS refuses it).
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, nextBin, "start", "--port", String(port)], {
    stdio: ["ignore", process.env.BENCH_SERVER_STDOUT === "1" ? "inherit" : "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: BENCH_DIST_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      APP_URL: `http://localhost:${port}`,
      AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123",
      AUTH_TRUST_HOST: "true",
      // A production server refuses the local mailbox unless it is chosen on purpose.
      MAIL_TRANSPORT: "mailbox",
      ...env,
    },
  });
  const url = `http://localhost:${port}`;
  await waitUntilUp(`${url}/api/v1/openapi.json`, child);
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        // Next waits for pending after() work (e.g. a backlog of emails) before exiting; a bench does not.
        setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
      }),
  };
}

async function waitUntilUp(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`next start did not answer ${url} within 60 s`);
}
