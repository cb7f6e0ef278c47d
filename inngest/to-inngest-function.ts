import { NonRetriableError } from "inngest";
import { assertCan } from "@/lib/auth/permissions";
import { alertJobFailure } from "@/lib/notifications/alert";
import { ZOutboxEvent } from "@/lib/notifications/outbox-events";
import { EmailSendError } from "@/lib/notifications/transport/mail-transport";
import { appointmentEvents, inngest } from "@/lib/notifications/jobs/inngest-client";
import type { AnyNotificationJob, JobStep } from "@/lib/notifications/jobs/job";

/** A failure that retrying cannot fix (e.g. the provider rejected the address) stops the retries. */
async function classify<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof EmailSendError && !error.retryable) throw new NonRetriableError(error.message, { cause: error });
    throw error;
  }
}

/** Wraps a notification job as a real Inngest function (retries with Inngest's backoff, onFailure alert). */
export function toInngestFunction(job: AnyNotificationJob) {
  return inngest.createFunction(
    {
      id: job.id,
      name: job.name,
      triggers: job.events.map((name) => appointmentEvents[name]),
      retries: job.retries,
      cancelOn: job.cancelOn,
      onFailure: ({ error, event }) => alertJobFailure({ jobId: job.id, error, event: event.data.event }),
    },
    async ({ event, step }) => {
      assertCan("SYSTEM", job.permission);
      // The trigger guarantees the name is one of job.events; parsing re-checks the payload at the edge.
      const parsed = ZOutboxEvent.parse({ name: event.name, data: event.data });
      const tools: JobStep = {
        // Step results are JSON-serialised by Inngest; job handlers only return plain JSON values.
        run: <T>(id: string, fn: () => Promise<T>) => step.run(id, () => classify(fn)) as Promise<T>,
        sleepUntil: async (id, until) => {
          await step.sleepUntil(id, until);
        },
      };
      return job.handler({ event: { ...parsed, id: event.id }, step: tools });
    },
  );
}
