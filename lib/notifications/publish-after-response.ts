import "server-only";
import { runAfterResponse } from "@/lib/after-response";
import { logger } from "@/lib/logger";
import { notifyOutboxWorker } from "./mutations";
import { publishPendingOutbox, type PublishSummary } from "./publisher";
import { notificationSettings } from "./settings";

// Each call runs a publisher pass of its own: concurrent passes claim rows with SKIP LOCKED, so each row
// still goes out once.
function publishNow(): Promise<PublishSummary | undefined> {
  return publishPendingOutbox().catch((error: unknown) => {
    // The rows stay pending; the relay (cron or `npm run outbox:relay`) publishes them later.
    logger.error({ err: error instanceof Error ? error.message : String(error) }, "publishing the outbox failed");
    return undefined;
  });
}

async function wakeWorker(): Promise<undefined> {
  // A lost wake-up only waits for the worker's next sweep.
  await notifyOutboxWorker().catch((error: unknown) =>
    logger.warn({ err: error instanceof Error ? error.message : String(error) }, "could not wake the outbox worker; its sweep publishes"),
  );
  return undefined;
}

/**
 * Call after a mutation that wrote outbox rows has committed. Inside a Next request (server action,
 * route handler) the work is scheduled with `after()`, i.e. once the response has been sent, so
 * notifications never slow the request down; anywhere else it runs now and can be awaited. With
 * OUTBOX_PUBLISHER=worker it only wakes the worker, which publishes.
 */
export function publishOutboxAfterResponse(): Promise<PublishSummary | undefined> {
  if (notificationSettings().publisher === "worker") return runAfterResponse(wakeWorker);
  return runAfterResponse(publishNow);
}
