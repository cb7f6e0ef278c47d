import { randomBytes } from "node:crypto";
import { runPrisma } from "../scripts/lib/prisma-cli";
import { startHttpStub } from "../tests/support/http-stub";
import { createEmptyPGlite, servePGlite } from "../tests/support/test-database";
import { printJsonResult, printTable, round } from "./lib/report";

/**
 * `npm run bench:outbox` — how fast the embedded publisher drains a backlog (after a mail-provider outage,
 * or a relay that was down). A backlog of BACKLOG bookings (a confirmation and a stylist notice each) is
 * published through the real Resend SDK against a local stub that answers after PROVIDER_LATENCY_MS,
 * once one row at a time (the baseline: the publisher before rows ran concurrently) and once with the
 * default concurrency, each on a backlog of its own in the same run. Every email must go out exactly once.
 */

const BACKLOG = Number(process.env.BENCH_OUTBOX_BACKLOG ?? 200);
const PROVIDER_LATENCY_MS = Number(process.env.BENCH_PROVIDER_LATENCY_MS ?? 60);

process.env.AUTH_SECRET ??= randomBytes(32).toString("base64");
process.env.LOG_LEVEL ??= "warn";

const provider = await startHttpStub(() => ({ status: 200, body: { id: `re_${randomBytes(6).toString("hex")}` } }), {
  latencyMs: PROVIDER_LATENCY_MS,
});
const served = await servePGlite(await createEmptyPGlite());
try {
  await runPrisma(["migrate", "deploy"], served.url);
  Object.assign(process.env, { DATABASE_URL: served.url, RESEND_API_KEY: "re_bench_key", RESEND_BASE_URL: provider.url });
  for (const name of ["INNGEST_EVENT_KEY", "INNGEST_DEV"]) delete process.env[name];
  const { db, disconnectDatabase } = await import("@/lib/db");
  const { DEFAULT_PUBLISH_CONCURRENCY, publishPendingOutbox } = await import("@/lib/notifications/publisher");
  const { bookWithOutbox, seedSalon } = await import("../tests/support/notifications-fixtures");
  const salon = await seedSalon();

  async function drain(concurrency: number) {
    const ids: string[] = [];
    for (let i = 0; i < BACKLOG; i++) ids.push((await bookWithOutbox(salon)).id);
    const requestsBefore = provider.requests.length;
    const started = performance.now();
    let passes = 0;
    while ((await db.outboxEvent.count({ where: { publishedAt: null } })) > 0) {
      await publishPendingOutbox({ concurrency });
      passes++;
    }
    const seconds = (performance.now() - started) / 1000;
    const emails = await db.emailMessage.count({ where: { appointmentId: { in: ids }, status: "SENT" } });
    const providerCalls = provider.requests.length - requestsBefore;
    if (emails !== 2 * BACKLOG || providerCalls !== 2 * BACKLOG)
      throw new Error(`expected ${2 * BACKLOG} emails once each, got ${emails} rows and ${providerCalls} provider calls`);
    return { concurrency, seconds: round(seconds, 2), emailsPerSecond: round(emails / seconds, 1), passes };
  }

  const baseline = await drain(1);
  const concurrent = await drain(DEFAULT_PUBLISH_CONCURRENCY);
  printTable([baseline, concurrent].map((run) => ({ ...run, rows: BACKLOG, emails: 2 * BACKLOG })));
  printJsonResult({
    backlogRows: BACKLOG,
    providerLatencyMs: PROVIDER_LATENCY_MS,
    baselineDrainSeconds: baseline.seconds,
    concurrentDrainSeconds: concurrent.seconds,
    concurrency: DEFAULT_PUBLISH_CONCURRENCY,
    speedup: round(baseline.seconds / concurrent.seconds, 2),
  });
  await disconnectDatabase();
} finally {
  await served.stop();
  await provider.close();
}
