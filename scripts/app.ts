import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { startDevDatabase } from "./lib/dev-database";
import { localAuthSecret } from "./lib/local-auth-secret";
import { runMain } from "./lib/run-main";

/**
 * `npm run dev` (and the end-to-end test server): the embedded database unless DATABASE_URL is set,
 * pending migrations, the demo data on first run, then Next (`dev`, or `start` for a built app).
 * Ctrl-C stops Next first and the database last, so nothing is cut off mid-write.
 *
 * Usage: tsx scripts/app.ts dev|start [--fresh]   (--fresh empties the embedded database first)
 */

const require = createRequire(import.meta.url);

type NextCommand = "dev" | "start";

function parseArguments(argv: string[]): { command: NextCommand; fresh: boolean } {
  const [command = "dev", ...flags] = argv;
  if (command !== "dev" && command !== "start") throw new Error(`Unknown command "${command}": use dev or start`);
  const unknown = flags.filter((flag) => flag !== "--fresh");
  if (unknown.length > 0) throw new Error(`Unknown option ${unknown.join(", ")}`);
  return { command, fresh: flags.includes("--fresh") };
}

function startNext(command: NextCommand, databaseUrl: string, port: string): ChildProcess {
  const nextBin = require.resolve("next/dist/bin/next");
  return spawn(process.execPath, [nextBin, command, "--port", port], {
    stdio: "inherit",
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_TRUST_HOST: "1",
      ...process.env,
      AUTH_SECRET: process.env.AUTH_SECRET || localAuthSecret(),
      DATABASE_URL: databaseUrl,
      APP_URL: process.env.APP_URL ?? `http://localhost:${port}`,
      // A newcomer's first webhook points at a receiver on this machine: allowed in development only.
      ...(command === "dev" && { WEBHOOK_ALLOW_PRIVATE_NETWORKS: process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS ?? "true" }),
    },
  });
}

runMain(async () => {
  const { command, fresh } = parseArguments(process.argv.slice(2));
  const port = process.env.PORT ?? "3000";
  // Started before the signal handlers, so a Ctrl-C during migrations still closes the database.
  const database = startDevDatabase({ fresh });
  let next: ChildProcess | undefined;
  let shuttingDown: Promise<void> | undefined;

  const shutdown = (signal: NodeJS.Signals) => {
    shuttingDown ??= (async () => {
      if (next && next.exitCode === null) {
        next.kill(signal);
        await new Promise((resolve) => next!.once("exit", resolve));
      }
      await database.then(
        (opened) => opened.stop(),
        () => undefined,
      );
      process.exit(0);
    })();
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);

  const { url, stop } = await database;
  try {
    next = startNext(command, url, port);
    const code = await new Promise<number>((resolve) => next!.once("exit", (exitCode) => resolve(exitCode ?? 0)));
    if (shuttingDown) return await shuttingDown;
    if (code !== 0) throw new Error(`next ${command} exited with code ${code}`);
  } finally {
    if (!shuttingDown) await stop();
  }
});
