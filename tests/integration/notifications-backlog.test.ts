import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { publishPendingOutbox } from "@/lib/notifications/publisher";
import { resetNotificationSettings } from "@/lib/notifications/settings";
import { startHttpStub } from "../support/http-stub";
import { bookWithOutbox, cancelWithOutbox, seedSalon, type SalonFixture } from "../support/notifications-fixtures";

/**
 * A backlog (after a mail-provider outage) drains with several emails in flight at once, and still
 * exactly one email per (appointment, kind, version) — also when two publishers drain it together.
 */

// Long enough that rendering on a busy 2-core runner (two test files at a time) cannot hide the overlap.
const LATENCY_MS = 400;
const arrivals: number[] = [];
let counter = 0;
const provider = await startHttpStub(
  () => {
    arrivals.push(performance.now());
    return { status: 200, body: { id: `re_backlog_${++counter}` } };
  },
  { latencyMs: LATENCY_MS },
);
let salon: SalonFixture;

beforeAll(async () => {
  Object.assign(process.env, { RESEND_API_KEY: "re_test_backlog", RESEND_BASE_URL: provider.url, EMAIL_SEND_TIMEOUT_MS: "10000" });
  delete process.env.INNGEST_EVENT_KEY;
  delete process.env.INNGEST_DEV;
  resetNotificationSettings();
  salon = await seedSalon();
});

afterAll(async () => {
  for (const name of ["RESEND_API_KEY", "RESEND_BASE_URL", "EMAIL_SEND_TIMEOUT_MS"]) delete process.env[name];
  resetNotificationSettings();
  await provider.close();
});

/** The most provider calls that started within one provider round trip of each other. */
function peakInFlight(): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  let peak = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= LATENCY_MS) j++;
    peak = Math.max(peak, i - j + 1);
  }
  return peak;
}

describe("draining a notification backlog", () => {
  it(
    "sends a backlog concurrently, exactly once per appointment, kind and version, even with two publishers",
    { timeout: 120_000 },
    async () => {
      const ids: string[] = [];
      for (let i = 0; i < 30; i++) ids.push((await bookWithOutbox(salon)).id);
      // Some were cancelled during the outage too: their confirmation is void, their cancellation is not.
      for (const id of ids.slice(0, 5)) await cancelWithOutbox(id, "Outage made me rebook");

      await Promise.all([publishPendingOutbox({ concurrency: 8 }), publishPendingOutbox({ concurrency: 8 })]);

      expect(await db.outboxEvent.count({ where: { publishedAt: null } })).toBe(0);
      const emails = await db.emailMessage.findMany({
        where: { appointmentId: { in: ids } },
        select: { dedupeKey: true, status: true, kind: true },
      });
      expect(emails.every((email) => email.status === "SENT")).toBe(true);
      const keys = emails.map((email) => email.dedupeKey!);
      expect(new Set(keys).size).toBe(keys.length);
      expect(emails.filter((email) => email.kind === "confirmation")).toHaveLength(25);
      expect(emails.filter((email) => email.kind === "cancellation")).toHaveLength(5);
      expect(emails).toHaveLength(25 * 2 + 5 * 2);
      // One provider call per email: nothing was sent twice.
      const sentKeys = provider.requests.map((request) => request.headers["idempotency-key"]);
      expect(sentKeys).toHaveLength(keys.length);
      expect(new Set(sentKeys).size).toBe(keys.length);
      expect(peakInFlight()).toBeGreaterThanOrEqual(4);
    },
  );
});
