import type { Permission } from "@/lib/auth/permissions";
import type { TOutboxEvent, TOutboxEventName } from "../outbox-events";

/**
 * A notification job: one Inngest function's configuration and handler, written against the few step
 * tools it needs, so the same handler runs under Inngest (inngest/to-inngest-function.ts) and under the
 * embedded in-process runner, neither of which the job knows about.
 */
export type JobStep = {
  /** Runs `fn` once per run (memoised and retried by the runner); its result must be plain JSON. */
  run<T>(id: string, fn: () => Promise<T>): Promise<T>;
  sleepUntil(id: string, until: Date): Promise<void>;
};

export type JobEvent<N extends TOutboxEventName = TOutboxEventName> = Extract<TOutboxEvent, { name: N }> & { id?: string };

type Retries = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

export type NotificationJob<N extends TOutboxEventName = TOutboxEventName> = {
  id: string;
  name: string;
  events: readonly N[];
  retries: Retries;
  /** What the job does, checked for the SYSTEM principal in the permission table before each run. */
  permission: Permission;
  /** Inngest cancels a waiting run when one of these arrives (an expression over `event` and `async`). */
  cancelOn?: Array<{ event: TOutboxEventName; if: string }>;
  handler(context: { event: JobEvent<N>; step: JobStep }): Promise<unknown>;
};

/** Any job, whatever events it handles: what the registry lists, for the embedded runner and inngest/. */
export type AnyNotificationJob = Omit<NotificationJob, "events" | "handler"> & {
  events: readonly TOutboxEventName[];
  handler(context: { event: JobEvent; step: JobStep }): Promise<unknown>;
};
