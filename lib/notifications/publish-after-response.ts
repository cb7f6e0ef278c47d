import "server-only";
import { after } from "next/server";
import { logger } from "@/lib/logger";
import { publishPendingOutbox, type PublishSummary } from "./publisher";

// One publisher at a time per process: concurrent requests would otherwise pick the same pending rows
// and render the same emails twice (harmless, thanks to dedupe keys, but wasted work).
let running: Promise<unknown> = Promise.resolve();

function publishSerially(): Promise<PublishSummary | undefined> {
  const next = running.then(
    () => publishPendingOutbox(),
    () => publishPendingOutbox(),
  );
  running = next.catch(() => undefined);
  return next.catch((error: unknown) => {
    // The rows stay pending; the relay (cron or `npm run outbox:relay`) publishes them later.
    logger.error({ err: error instanceof Error ? error.message : String(error) }, "publishing the outbox failed");
    return undefined;
  });
}

/**
 * Call after a mutation that wrote outbox rows has committed. Inside a Next request (server action,
 * route handler) the work is scheduled with `after()`, i.e. once the response has been sent, so
 * notifications never slow the request down; anywhere else it runs now and can be awaited.
 */
export function publishOutboxAfterResponse(): Promise<PublishSummary | undefined> {
  try {
    after(() => publishSerially());
    return Promise.resolve(undefined);
  } catch {
    // `after()` throws outside a request scope (scripts, tests, Inngest functions).
    return publishSerially();
  }
}
