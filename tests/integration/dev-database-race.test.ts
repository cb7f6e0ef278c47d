import { fork, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { frontDesk } from "@/prisma/seed-data";
import {
  apiRequest,
  checkIdempotentBurst,
  checkSlotRace,
  findRaceTarget,
  tally,
  type Outcome,
  type RaceApi,
} from "@/tests/support/booking-race";

/**
 * The 100-way race on the database `npm run dev` serves (issue 13): the dev runner's own start-up
 * (scripts/lib/dev-database.ts: the embedded database in a data directory of its own, migrated and
 * seeded with the demo salon; on CI's PostgreSQL run, this file's database instead), in a process of its
 * own as under `npm run dev`. The API's route handlers run here, with Next's default pool; the staff
 * key comes from the api-key CLI, and the operator CLIs are used while the load is on.
 */

const embedded = process.env.TEST_DATABASE_KIND === "pglite";
const dataDir = await mkdtemp(join(tmpdir(), "pamper-dev-race-"));
// What a CLI started in another terminal sees: the running embedded database through its lock file.
const cliEnv: NodeJS.ProcessEnv = { ...process.env, PGLITE_DATA_DIR: join(dataDir, "pglite"), LOG_LEVEL: "silent" };
if (embedded) delete cliEnv.DATABASE_URL;

const server = fork("tests/support/dev-database-process.ts", {
  execArgv: ["--import", "tsx"],
  env: { ...cliEnv, PGLITE_PORT: "0" },
  stdio: ["ignore", "ignore", "inherit", "ipc"],
});
const serverExited = new Promise<number | null>((resolve) => server.once("exit", resolve));
const serverUrl = await Promise.race([
  new Promise<string>((resolve) => server.once("message", (message) => resolve((message as { url: string }).url))),
  serverExited.then((code) => Promise.reject(new Error(`the dev database exited with code ${code} before it was ready`))),
]);
// The app modules read the environment once, on first use: point them at the dev database first.
process.env.DATABASE_URL = serverUrl;
process.env.API_RATE_LIMIT_PER_MINUTE = "100000";
const { dispatch } = await import("@/tests/support/api-router");

function runCli(script: "mailbox" | "api-key", args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "-s", script, "--", ...args], { env: cliEnv, stdio: ["ignore", "pipe", "inherit"] });
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout }));
  });
}

const created = await runCli("api-key", [
  "create",
  "--email",
  frontDesk.email,
  "--name",
  "race",
  "--scopes",
  "appointments:read,appointments:write,services:read,customers:read",
]);
const api: RaceApi = { baseUrl: "http://localhost", key: created.stdout.trim(), send: dispatch };
const target = await findRaceTarget(api);

afterAll(async () => {
  const { disconnectDatabase } = await import("@/lib/db");
  await disconnectDatabase();
  server.kill("SIGTERM");
  await serverExited;
  await rm(dataDir, { recursive: true, force: true });
});

const noServerErrors = (outcomes: Outcome[]) =>
  outcomes.filter((o) => o.status >= 500 || o.status === 401).map((o) => `${o.status} ${o.body.code}`);

describe("the dev runner's database under a booking race", () => {
  it("gives one booking and 99 SLOT_UNAVAILABLE problems, while the operator CLIs answer", async () => {
    expect(created.code).toBe(0);
    const clis = Promise.all([runCli("mailbox", ["list", "--json"]), runCli("api-key", ["list", "--json"])]);
    let clisDone = false;
    void clis.finally(() => (clisDone = true));

    const race = await checkSlotRace(api, target.race);
    expect(race.problems).toEqual([]);
    expect(noServerErrors(race.outcomes)).toEqual([]);

    // Keep the load on until both CLIs have finished, however long their start-up takes.
    const background: Outcome[] = [];
    while (!clisDone)
      background.push(...(await Promise.all(Array.from({ length: 10 }, () => apiRequest(api, "GET", "/appointments?limit=20")))));
    expect(tally(background)).toEqual(background.length ? { 200: background.length } : {});

    const [mailbox, keys] = await clis;
    expect(mailbox.code).toBe(0);
    expect(Array.isArray(JSON.parse(mailbox.stdout))).toBe(true);
    expect(keys.code).toBe(0);
    const listed = JSON.parse(keys.stdout) as Array<{ ownerEmail: string; name: string }>;
    expect(listed).toContainEqual(expect.objectContaining({ ownerEmail: frontDesk.email, name: "race" }));
  }, 120_000);

  it("gives one appointment for 20 POSTs sharing an Idempotency-Key, the same body replayed", async () => {
    const burst = await checkIdempotentBurst(api, target.burst, "dev-race-burst");
    expect(burst.problems).toEqual([]);
    expect(noServerErrors(burst.outcomes)).toEqual([]);
    const retry = await apiRequest(api, "POST", "/appointments", { body: target.burst, headers: { "idempotency-key": "dev-race-burst" } });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(burst.outcomes.find((o) => o.status === 201)!.body);
  }, 60_000);
});
