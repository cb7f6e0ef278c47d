import "server-only";
import { runAfterResponse } from "@/lib/after-response";
import { logger } from "@/lib/logger";
import { notifyOutboxWorker } from "./mutations";
import { publishUntilCaughtUp, type PublishSummary } from "./publisher";
import { notificationSettings } from "./settings";

// One publisher run at a time per process, and at most one more waiting. This is what keeps a subject's
// events in order within a process: two overlapping passes would each skip the rows the other holds
// (SKIP LOCKED), so a later pass could send an appointment's reschedule while an earlier one still holds
// its confirmation. It also means awaiting a call (scripts, tests) sees every row committed before it
// published: a caller that arrives while a run is in progress joins the waiting run, which starts after
// it. Re-measured for issue 20: it neither saves nor costs measurable CPU per booking; it stays for this.
let running: Promise<PublishSummary | undefined> | undefined;
let waiting: Promise<PublishSummary | undefined> | undefined;

function startRun(): Promise<PublishSummary | undefined> {
  const run = publishUntilCaughtUp()
    .catch((error: unknown) => {
      // The rows stay pending; the relay (cron or `npm run outbox:relay`) publishes them later.
      logger.error({ err: error instanceof Error ? error.message : String(error) }, "publishing the outbox failed");
      return undefined;
    })
    .finally(() => {
      if (running === run) running = undefined;
    });
  running = run;
  return run;
}

async function wakeWorker(): Promise<undefined> {
  // A lost wake-up only waits for the worker's next sweep.
  await notifyOutboxWorker().catch((error: unknown) =>
    logger.warn({ err: error instanceof Error ? error.message : String(error) }, "could not wake the outbox worker; its sweep publishes"),
  );
  return undefined;
}

function publishCoalesced(): Promise<PublishSummary | undefined> {
  if (waiting) return waiting;
  if (!running) return startRun();
  waiting = running.then(() => {
    waiting = undefined;
    return startRun();
  });
  return waiting;
}

/**
 * Call after a mutation that wrote outbox rows has committed. Inside a Next request (server action,
 * route handler) the work is scheduled with `after()`, i.e. once the response has been sent, so
 * notifications never slow the request down; anywhere else it runs now and can be awaited. With
 * OUTBOX_PUBLISHER=worker it only wakes the worker, which publishes.
 */
export function publishOutboxAfterResponse(): Promise<PublishSummary | undefined> {
  if (notificationSettings().publisher === "worker") return runAfterResponse(wakeWorker);
  return runAfterResponse(publishCoalesced);
}
