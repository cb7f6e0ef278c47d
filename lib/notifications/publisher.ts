import "server-only";
import { forEachConcurrently } from "@/lib/for-each-concurrently";
import { logger } from "@/lib/logger";
import { raiseAlert } from "./alert";
import { runJobsInProcess, type EmbeddedRunOptions } from "./embedded-runner";
import { inngest } from "./jobs/inngest-client";
import { notificationJobs } from "./jobs/registry";
import {
  claimOutboxForRun,
  recordOutboxOutcome,
  withClaimedOutboxBatch,
  type ClaimedOutboxRow,
  type OutboxPick,
  type PublishOutcome,
  type RecordedOutcome,
} from "./mutations";
import { subjectIdOf, ZOutboxEvent, type TOutboxEvent } from "./outbox-events";
import { handOnLapsedHolds } from "@/lib/waitlist/hand-on-lapsed-holds";
import { expireLapsedPaymentHolds } from "@/lib/payments/mutations";
import { sendDueReminders } from "./send-due-reminders";
import { notificationSettings } from "./settings";
import { armWebhookRetryTimer } from "@/lib/webhooks/retry-timer";
import { sendDueWebhookDeliveries } from "@/lib/webhooks/send-deliveries";

export type PublishOptions = EmbeddedRunOptions & {
  batchSize?: number;
  maxBatches?: number;
  /** Embedded mode: how many appointments' rows run at once (default 8; 1 = one row at a time). */
  concurrency?: number;
};
export type PublishSummary = {
  mode: "inngest" | "embedded";
  published: number;
  failed: number;
  deadLettered: number;
  remindersSent?: number;
  webhookAttempts?: number;
  /** The pass stopped at its batch limit with full batches: more rows were due than one pass takes. */
  more: boolean;
};

export const DEFAULT_PUBLISH_CONCURRENCY = 8;

function toEvent(row: ClaimedOutboxRow): TOutboxEvent {
  return ZOutboxEvent.parse({ name: row.type, data: row.payload });
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Inngest mode: send while the rows are locked; event id = outbox id, so a resend is deduplicated. A row
 * whose payload no longer parses fails alone; the rest of the batch goes out.
 */
function publishBatchToInngest(pick: OutboxPick): Promise<RecordedOutcome[]> {
  return withClaimedOutboxBatch(pick, async (rows) => {
    const outcomes: PublishOutcome[] = [];
    const events: Array<TOutboxEvent & { id: string }> = [];
    for (const row of rows) {
      try {
        events.push({ id: row.id, ...toEvent(row) });
      } catch (error) {
        outcomes.push({ id: row.id, error: errorText(error) });
      }
    }
    if (events.length === 0) return outcomes;
    try {
      await inngest.send(events);
      return [...outcomes, ...events.map((event) => ({ id: event.id }))];
    } catch (error) {
      return [...outcomes, ...events.map((event) => ({ id: event.id, error: errorText(error) }))];
    }
  });
}

/**
 * Embedded mode: run the handlers first and mark the row published after, so a process that dies midway
 * leaves the row for the relay (at-least-once); the consumers' dedupe keys make that one email. A row
 * whose jobs failed after their own retries is failed too, and its next attempt re-runs only what did
 * not get through (sent emails are found SENT).
 */
async function publishRowInProcess(row: ClaimedOutboxRow, options: EmbeddedRunOptions): Promise<RecordedOutcome> {
  let error: string | undefined;
  try {
    const results = await runJobsInProcess({ id: row.id, ...toEvent(row) }, notificationJobs, options);
    const failed = results.filter((result) => result.status === "failed");
    if (failed.length > 0) error = failed.map((result) => `${result.jobId}: ${result.error}`).join("; ");
  } catch (thrown) {
    error = errorText(thrown);
  }
  return recordOutboxOutcome(row, error);
}

/** The subject a row is about, or the row itself when it has none (or no longer parses). */
function subjectKey(row: ClaimedOutboxRow): string {
  const parsed = ZOutboxEvent.safeParse({ name: row.type, data: row.payload });
  return (parsed.success ? subjectIdOf(parsed.data) : null) ?? row.id;
}

/**
 * Subjects in parallel (a mail provider's latency, not the database, is what a backlog waits on), each
 * subject's rows in order: a cancellation never overtakes the confirmation it follows, nor a service's
 * second change its first.
 */
async function publishBatchInProcess(pick: OutboxPick, concurrency: number, options: EmbeddedRunOptions): Promise<RecordedOutcome[]> {
  const bySubject = new Map<string, ClaimedOutboxRow[]>();
  for (const row of await claimOutboxForRun(pick)) {
    const key = subjectKey(row);
    bySubject.set(key, [...(bySubject.get(key) ?? []), row]);
  }
  const outcomes: RecordedOutcome[] = [];
  await forEachConcurrently([...bySubject.values()], concurrency, async (rows) => {
    for (const row of rows) outcomes.push(await publishRowInProcess(row, options));
  });
  return outcomes;
}

function alertDeadLetter(outcome: RecordedOutcome): Promise<void> {
  return raiseAlert(
    `Pamper Book: outbox event ${outcome.id} dead-lettered after ${outcome.attempts} attempts: ${outcome.error ?? "unknown error"}. Retry it from the dashboard's notification page.`,
    { outboxEventId: outcome.id, attempts: outcome.attempts, err: outcome.error },
  );
}

/**
 * Publishes every due outbox row, batch by batch, to Inngest when it is configured, otherwise to the
 * in-process runner. Never call `inngest.send()` without a server: it only rejects after retries. A row
 * is tried at most once per pass, so one that keeps failing never stops the rows behind it.
 */
export async function publishPendingOutbox(options: PublishOptions = {}): Promise<PublishSummary> {
  const { mode } = notificationSettings();
  const batchSize = options.batchSize ?? 50;
  const concurrency = options.concurrency ?? DEFAULT_PUBLISH_CONCURRENCY;
  const summary: PublishSummary = { mode, published: 0, failed: 0, deadLettered: 0, more: false };
  const skipIds: string[] = [];
  // Inngest mode sends fresh rows in batches, then rows that failed before one by one.
  const phases: Array<Omit<OutboxPick, "skipIds">> =
    mode === "inngest"
      ? [
          { limit: batchSize, retried: false },
          { limit: 1, retried: true },
        ]
      : [{ limit: batchSize }];
  for (const phase of phases) {
    const maxBatches = options.maxBatches ?? 20;
    for (let batch = 0; batch < maxBatches; batch++) {
      const pick = { ...phase, skipIds };
      const outcomes = mode === "inngest" ? await publishBatchToInngest(pick) : await publishBatchInProcess(pick, concurrency, options);
      const failed = outcomes.filter((outcome) => outcome.error);
      skipIds.push(...outcomes.map((outcome) => outcome.id));
      summary.published += outcomes.length - failed.length;
      summary.failed += failed.length;
      const dead = failed.filter((outcome) => outcome.dead);
      summary.deadLettered += dead.length;
      for (const outcome of dead) await alertDeadLetter(outcome);
      // Nothing left, or nothing got through (Inngest or the mail provider is down): leave it for later.
      if (outcomes.length < phase.limit || failed.length === outcomes.length) break;
      if (batch === maxBatches - 1) summary.more = true;
    }
  }
  // Without Inngest nobody sleeps until reminder time: send whatever reminders have come due instead.
  // …hand on the waitlist offers whose hold ended (Inngest sleeps through the hold instead), expire the
  // unpaid holds whose time ran out (likewise), and send
  // the webhook retries that came due; the timer covers those due before the next pass.
  if (mode === "embedded") {
    summary.remindersSent = (await sendDueReminders()).sent;
    await handOnLapsedHolds();
    await expireLapsedPaymentHolds();
    const webhooks = await sendDueWebhookDeliveries();
    summary.webhookAttempts = webhooks.attempted;
    armWebhookRetryTimer(webhooks.nextAttemptAt);
  }
  if (summary.failed > 0) logger.warn(summary, "some outbox events could not be published; the relay retries them");
  return summary;
}

/**
 * Passes until one ends below its batch limit. A pass is bounded (the relay's cron step must finish), but a
 * publisher woken by a change must not leave the rest of a burst's backlog for the next sweep: once a
 * burst ended there may be no later change to wake it.
 */
export async function publishUntilCaughtUp(options: PublishOptions = {}): Promise<PublishSummary> {
  let total = await publishPendingOutbox(options);
  while (total.more) {
    const next = await publishPendingOutbox(options);
    total = {
      ...next,
      published: total.published + next.published,
      failed: total.failed + next.failed,
      deadLettered: total.deadLettered + next.deadLettered,
      ...(total.remindersSent !== undefined && { remindersSent: total.remindersSent + (next.remindersSent ?? 0) }),
      ...(total.webhookAttempts !== undefined && { webhookAttempts: total.webhookAttempts + (next.webhookAttempts ?? 0) }),
    };
  }
  return total;
}
