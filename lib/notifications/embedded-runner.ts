import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import { logger } from "@/lib/logger";
import { alertJobFailure } from "./alert";
import type { AnyNotificationJob, JobEvent, JobStep } from "./jobs/job";
import { EmailSendError } from "./transport/mail-transport";

/**
 * Runs notification jobs in this process when there is no Inngest server: the same handlers, with a
 * step runner that retries each step with exponential backoff and calls the failure alert when retries
 * run out. A sleep into the future cannot survive a restart without a durable scheduler, so the run ends
 * there ("deferred"); the reminder sweep (send-due-reminders.ts) sends the reminder once it is due.
 */

export type EmbeddedRunOptions = {
  /** Delay before retry number `attempt` (1-based). Default 1 s, 2 s, 4 s … capped at 30 s. */
  retryDelayMs?: (attempt: number) => number;
};

export type JobRunResult = { jobId: string; status: "completed" | "deferred" | "failed"; output?: unknown; error?: string };

class SleepDeferred extends Error {}

const defaultDelay = (attempt: number) => Math.min(30_000, 1_000 * 2 ** (attempt - 1));
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function embeddedStep(job: AnyNotificationJob, options: EmbeddedRunOptions): JobStep {
  const delay = options.retryDelayMs ?? defaultDelay;
  return {
    async run(_id, fn) {
      for (let attempt = 0; ; attempt++) {
        try {
          return await fn();
        } catch (error) {
          const permanent = error instanceof EmailSendError && !error.retryable;
          if (permanent || attempt >= job.retries) throw error;
          await wait(delay(attempt + 1));
        }
      }
    },
    async sleepUntil(_id, until) {
      if (until.getTime() > Date.now()) throw new SleepDeferred();
    },
  };
}

/** Runs every job triggered by `event`, one after another; never throws (failures are alerted). */
export async function runJobsInProcess(
  event: JobEvent,
  jobs: AnyNotificationJob[],
  options: EmbeddedRunOptions = {},
): Promise<JobRunResult[]> {
  const results: JobRunResult[] = [];
  for (const job of jobs.filter((candidate) => candidate.events.includes(event.name))) {
    try {
      assertCan("SYSTEM", job.permission);
      const output = await job.handler({ event, step: embeddedStep(job, options) });
      results.push({ jobId: job.id, status: "completed", output });
    } catch (error) {
      if (error instanceof SleepDeferred) {
        logger.info({ jobId: job.id, eventId: event.id }, "embedded mode: sleep deferred, run ends");
        results.push({ jobId: job.id, status: "deferred" });
        continue;
      }
      await alertJobFailure({ jobId: job.id, error, event });
      results.push({ jobId: job.id, status: "failed", error: error instanceof Error ? error.message : String(error) });
    }
  }
  return results;
}
