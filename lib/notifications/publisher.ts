import "server-only";
import { inngest } from "@/inngest/client";
import { notificationJobs } from "@/inngest/notification-jobs";
import { logger } from "@/lib/logger";
import { runJobsInProcess, type EmbeddedRunOptions } from "./embedded-runner";
import { pickPendingOutbox, recordOutboxOutcome, withClaimedOutboxBatch, type ClaimedOutboxRow, type PublishOutcome } from "./mutations";
import { ZOutboxEvent, type TOutboxEvent } from "./outbox-events";
import { sendDueReminders } from "./send-due-reminders";
import { notificationSettings } from "./settings";

export type PublishOptions = EmbeddedRunOptions & { batchSize?: number; maxBatches?: number };
export type PublishSummary = { mode: "inngest" | "embedded"; published: number; failed: number; remindersSent?: number };

function toEvent(row: ClaimedOutboxRow): TOutboxEvent {
  return ZOutboxEvent.parse({ name: row.type, data: row.payload });
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Inngest mode: send while the rows are locked; event id = outbox id, so a resend is deduplicated. */
async function publishBatchToInngest(batchSize: number): Promise<PublishOutcome[]> {
  return withClaimedOutboxBatch(batchSize, async (rows) => {
    try {
      await inngest.send(rows.map((row) => ({ id: row.id, ...toEvent(row) })));
      return rows.map((row) => ({ id: row.id }));
    } catch (error) {
      return rows.map((row) => ({ id: row.id, error: errorText(error) }));
    }
  });
}

/**
 * Embedded mode: run the handlers first and mark the row published after, so a process that dies
 * midway leaves the row for the relay (at-least-once); the consumers' dedupe keys make that one email.
 */
async function publishBatchInProcess(batchSize: number, options: EmbeddedRunOptions): Promise<PublishOutcome[]> {
  const outcomes: PublishOutcome[] = [];
  for (const row of await pickPendingOutbox(batchSize)) {
    let outcome: PublishOutcome;
    try {
      await runJobsInProcess({ id: row.id, ...toEvent(row) }, notificationJobs, options);
      outcome = { id: row.id };
    } catch (error) {
      outcome = { id: row.id, error: errorText(error) };
    }
    await recordOutboxOutcome(outcome);
    outcomes.push(outcome);
  }
  return outcomes;
}

/**
 * Publishes every pending outbox row, batch by batch, to Inngest when it is configured, otherwise to the
 * in-process runner. Never call `inngest.send()` without a server: it only rejects after retries.
 */
export async function publishPendingOutbox(options: PublishOptions = {}): Promise<PublishSummary> {
  const { mode } = notificationSettings();
  const batchSize = options.batchSize ?? 50;
  const summary: PublishSummary = { mode, published: 0, failed: 0 };
  for (let batch = 0; batch < (options.maxBatches ?? 20); batch++) {
    const outcomes = mode === "inngest" ? await publishBatchToInngest(batchSize) : await publishBatchInProcess(batchSize, options);
    const failed = outcomes.filter((outcome) => outcome.error).length;
    summary.published += outcomes.length - failed;
    summary.failed += failed;
    // A failed batch is left for the relay rather than hammered again now.
    if (outcomes.length < batchSize || failed > 0) break;
  }
  // Without Inngest nobody sleeps until reminder time: send whatever reminders have come due instead.
  if (mode === "embedded") summary.remindersSent = (await sendDueReminders()).sent;
  if (summary.failed > 0) logger.warn(summary, "some outbox events could not be published; the relay retries them");
  return summary;
}
