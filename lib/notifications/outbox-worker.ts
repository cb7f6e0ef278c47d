import "server-only";
import pg from "pg";
import { logger } from "@/lib/logger";
import { OUTBOX_CHANNEL } from "./mutations";
import { publishUntilCaughtUp, type PublishSummary } from "./publisher";

export type PassReason = "start" | "notify" | "sweep" | "reconnect";

export type OutboxWorkerOptions = {
  /**
   * A direct PostgreSQL URL for the listening connection. It is a plain `pg` client, not Prisma: LISTEN
   * needs a session of its own for as long as the worker runs, which neither the Prisma pool nor a
   * transaction-mode pooler keeps.
   */
  listenUrl: string;
  /** A pass this often even without a notification: NOTIFY is not durable, and reminders come due on their own. */
  sweepIntervalMs: number;
  /** Wait before listening again after the connection was lost. */
  reconnectDelayMs?: number;
  /** Told after every pass (tests, the command's log). */
  onPass?: (summary: PublishSummary, reason: PassReason) => void;
};

export type OutboxWorker = {
  /** Stops listening and sweeping, lets the pass in progress finish, then closes the connection. */
  stop(): Promise<void>;
};

/**
 * Publishes the outbox from a process of its own (`npm run worker`), so app instances only write: woken
 * by the NOTIFY app instances send after a change committed (`notifyOutboxWorker`), and sweeping on a
 * timer for whatever a lost notification, a writer that does not notify, or a backoff left due. The
 * publishing itself is the relay's core (`publishUntilCaughtUp()`, passes of `publishPendingOutbox()`):
 * rows are claimed with SKIP LOCKED, so any number of workers, relays and app instances may run.
 */
export async function startOutboxWorker(options: OutboxWorkerOptions): Promise<OutboxWorker> {
  const reconnectDelayMs = options.reconnectDelayMs ?? 1_000;
  let stopping = false;
  let inPass: Promise<void> | undefined;
  // Set when a wake-up arrives during a pass: that pass may have claimed before the new rows committed.
  let passAgain = false;
  let client: pg.Client | undefined;
  let reconnectTimer: NodeJS.Timeout | undefined;

  async function passes(reason: PassReason): Promise<void> {
    do {
      passAgain = false;
      try {
        const summary = await publishUntilCaughtUp();
        options.onPass?.(summary, reason);
        if (summary.published || summary.failed) logger.info({ ...summary, reason }, "outbox worker pass");
      } catch (error) {
        // The rows stay pending; the next wake-up or sweep tries again.
        logger.error({ err: error instanceof Error ? error.message : String(error), reason }, "outbox worker pass failed");
      }
    } while (passAgain && !stopping);
  }

  function wake(reason: PassReason): void {
    if (stopping) return;
    if (inPass) {
      passAgain = true;
      return;
    }
    inPass = passes(reason).finally(() => (inPass = undefined));
  }

  function reconnectLater(): void {
    clearTimeout(reconnectTimer);
    if (!stopping) reconnectTimer = setTimeout(reconnect, reconnectDelayMs);
  }

  async function listen(): Promise<void> {
    const next = new pg.Client({ connectionString: options.listenUrl, application_name: "pamper-outbox-worker" });
    next.on("notification", () => wake("notify"));
    next.on("error", (error) => logger.warn({ err: error.message }, "outbox worker lost its database connection"));
    next.on("end", () => {
      // Only the live listener's end matters; a connection that never got to LISTEN is handled below.
      if (client !== next) return;
      client = undefined;
      reconnectLater();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
    if (stopping) await next.end();
    else client = next;
  }

  function reconnect(): void {
    if (stopping) return;
    listen().then(
      // Rows committed while nobody listened sent their notifications to no one.
      () => wake("reconnect"),
      (error: unknown) => {
        logger.warn({ err: error instanceof Error ? error.message : String(error) }, "outbox worker could not listen again; retrying");
        reconnectLater();
      },
    );
  }

  // The first connection's failure is the caller's (a wrong URL should stop the process, not loop).
  await listen();
  wake("start");
  const sweep = setInterval(() => wake("sweep"), options.sweepIntervalMs);

  return {
    async stop() {
      stopping = true;
      clearInterval(sweep);
      clearTimeout(reconnectTimer);
      await inPass;
      await client?.end();
    },
  };
}
