import { createApiFixture } from "../bench/lib/api-fixture";
import { buildNext, freePort, startNext } from "../bench/lib/next-server";
import { runMain } from "./lib/run-main";

/**
 * The issue-4 concurrency checks against the real server: `next start` on a fresh PostgreSQL database
 * (BENCH_DATABASE_URL, default the local server). 100 parallel POSTs for one slot → exactly one 201 and
 * 99 × 409 problem+json, no 5xx; 20 parallel POSTs sharing one Idempotency-Key → one appointment.
 * Exits 1 when either fails.   npm run test:api-concurrency   (BENCH_SKIP_BUILD=1 reuses the build)
 */

type Outcome = { status: number; contentType: string | null; body: { id?: string; code?: string } };

async function post(url: string, key: string, body: unknown, headers: Record<string, string> = {}): Promise<Outcome> {
  const response = await fetch(`${url}/api/v1/appointments`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, contentType: response.headers.get("content-type"), body: (await response.json()) as Outcome["body"] };
}

function tally(outcomes: Outcome[]): Record<number, number> {
  return outcomes.reduce<Record<number, number>>((counts, o) => ({ ...counts, [o.status]: (counts[o.status] ?? 0) + 1 }), {});
}

runMain(async () => {
  const fixture = await createApiFixture();
  const failures: string[] = [];
  try {
    buildNext();
    const server = await startNext(fixture.url, Number(process.env.BENCH_PORT) || (await freePort()), { API_RATE_LIMIT_PER_MINUTE: "100000" });
    try {
      const startsAt = new Date(Math.ceil(Date.now() / 86_400_000) * 86_400_000 + 10 * 86_400_000 + 10 * 3_600_000).toISOString();
      const base = { serviceId: fixture.serviceId, customerId: fixture.customerId, staffId: fixture.staffIds[0] };

      const race = await Promise.all(Array.from({ length: 100 }, () => post(server.url, fixture.key, { ...base, startsAt })));
      const counts = tally(race);
      console.log(`100 parallel POSTs for one slot: ${JSON.stringify(counts)}`);
      const problems = race.filter((o) => o.status === 409 && o.contentType === "application/problem+json" && o.body.code === "SLOT_UNAVAILABLE");
      if (counts[201] !== 1 || problems.length !== 99) failures.push(`expected 1 × 201 and 99 × 409 SLOT_UNAVAILABLE problem+json, got ${JSON.stringify(counts)}`);

      const idem = { "idempotency-key": "concurrency-check-1" };
      const other = { ...base, startsAt: new Date(Date.parse(startsAt) + 86_400_000).toISOString() };
      const burst = await Promise.all(Array.from({ length: 20 }, () => post(server.url, fixture.key, other, idem)));
      const ids = new Set(burst.filter((o) => o.status === 201).map((o) => o.body.id));
      console.log(`20 parallel POSTs with one Idempotency-Key: ${JSON.stringify(tally(burst))}, ${ids.size} distinct appointment(s)`);
      if (ids.size !== 1 || burst.some((o) => o.status >= 500)) failures.push("expected exactly one appointment and no 5xx from the idempotent burst");
    } finally {
      await server.stop();
    }
  } finally {
    await fixture.drop();
  }
  if (failures.length) throw new Error(failures.join("\n"));
  console.log("OK: concurrency holds under next start.");
});
