import { parseArgs } from "node:util";
import { createApiFixture } from "../bench/lib/api-fixture";
import { buildNext, freePort, startNext } from "../bench/lib/next-server";
import { checkIdempotentBurst, checkSlotRace, findRaceTarget, tally, type RaceApi, type RaceTarget } from "../tests/support/booking-race";
import { runMain } from "./lib/run-main";

/**
 * The concurrency checks against a real server: 100 parallel POSTs for one slot → exactly one 201 and
 * 99 × 409 problem+json, no 5xx; 20 parallel POSTs sharing one Idempotency-Key → one appointment, the
 * same body replayed, no 5xx. Exits 1 when either fails.
 *
 *   npm run test:api-concurrency    `next start` on a fresh PostgreSQL database (BENCH_DATABASE_URL,
 *                                   default the local server; BENCH_SKIP_BUILD=1 reuses the build)
 *   npm run test:api-concurrency -- --url http://localhost:3000 --key KEY
 *                                   a server already running (`npm run dev`), with a staff key that has
 *                                   appointments:read/write, services:read and customers:read; the
 *                                   races send 123 requests with it, so raise API_RATE_LIMIT_PER_MINUTE
 */

async function checkRaces(api: RaceApi, target: RaceTarget): Promise<string[]> {
  const race = await checkSlotRace(api, target.race);
  console.log(`100 parallel POSTs for one slot: ${JSON.stringify(tally(race.outcomes))}`);
  const burst = await checkIdempotentBurst(api, target.burst, `concurrency-check-${Date.now()}`);
  const ids = new Set(burst.outcomes.filter((o) => o.status === 201).map((o) => o.body.id));
  console.log(`20 parallel POSTs with one Idempotency-Key: ${JSON.stringify(tally(burst.outcomes))}, ${ids.size} distinct appointment(s)`);
  return [...race.problems, ...burst.problems];
}

async function againstFreshServer(): Promise<string[]> {
  const fixture = await createApiFixture();
  try {
    buildNext();
    const server = await startNext(fixture.url, Number(process.env.BENCH_PORT) || (await freePort()), {
      API_RATE_LIMIT_PER_MINUTE: "100000",
    });
    try {
      const startsAt = new Date(Math.ceil(Date.now() / 86_400_000) * 86_400_000 + 10 * 86_400_000 + 10 * 3_600_000).toISOString();
      const race = { serviceId: fixture.serviceId, customerId: fixture.customerId, staffId: fixture.staffIds[0]!, startsAt };
      const burst = { ...race, startsAt: new Date(Date.parse(startsAt) + 86_400_000).toISOString() };
      return await checkRaces({ baseUrl: server.url, key: fixture.key, send: fetch }, { race, burst });
    } finally {
      await server.stop();
    }
  } finally {
    await fixture.drop();
  }
}

runMain(async () => {
  const { values } = parseArgs({ options: { url: { type: "string" }, key: { type: "string" } } });
  if (Boolean(values.url) !== Boolean(values.key)) throw new Error("--url and --key go together");
  let failures: string[];
  if (values.url && values.key) {
    const api = { baseUrl: values.url.replace(/\/$/, ""), key: values.key, send: fetch };
    failures = await checkRaces(api, await findRaceTarget(api));
  } else {
    failures = await againstFreshServer();
  }
  if (failures.length) throw new Error(failures.join("\n"));
  console.log("OK: concurrency holds.");
});
