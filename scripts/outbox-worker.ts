import { parseArgs } from "node:util";
import { z } from "zod";
import { runOperatorCommand } from "./lib/run-operator-command";

/**
 * The outbox publisher as a process of its own, for deployments that set OUTBOX_PUBLISHER=worker on the
 * app instances: it LISTENs for the NOTIFY they send after each committed change and publishes at once (to
 * Inngest when configured, otherwise by running the notification handlers here), and sweeps every
 * `--sweep-interval` seconds for anything a lost notification left. SIGTERM or SIGINT: stop listening,
 * finish the pass in progress, exit 0. Several workers may run (rows are claimed with SKIP LOCKED).
 *
 *   npm run worker [-- --sweep-interval SECONDS]
 *
 * Needs PostgreSQL: DATABASE_URL, and DIRECT_DATABASE_URL when DATABASE_URL goes through a
 * transaction-mode pooler (LISTEN needs a session of its own).
 */

const ZArgs = z.object({ "sweep-interval": z.coerce.number().int().min(1).max(3600).default(15) });

runOperatorCommand({
  parse: () => {
    if (!process.env.DATABASE_URL)
      throw new Error("npm run worker needs PostgreSQL: set DATABASE_URL. On the embedded database the app publishes after each response.");
    return ZArgs.parse(parseArgs({ options: { "sweep-interval": { type: "string" } } }).values);
  },
  permission: "outbox.manage",
  async run(args) {
    const { env } = await import("@/lib/env");
    const { logger } = await import("@/lib/logger");
    const { startOutboxWorker } = await import("@/lib/notifications/outbox-worker");
    const { DATABASE_URL, DIRECT_DATABASE_URL, OUTBOX_PUBLISHER } = env();
    const sweepIntervalMs = args["sweep-interval"] * 1000;
    const worker = await startOutboxWorker({ listenUrl: DIRECT_DATABASE_URL ?? DATABASE_URL, sweepIntervalMs });
    logger.info({ sweepIntervalMs, appInstancesPublish: OUTBOX_PUBLISHER === "request" }, "outbox worker listening");
    await new Promise<void>((resolve) => {
      process.once("SIGTERM", resolve);
      process.once("SIGINT", resolve);
    });
    logger.info("outbox worker stopping");
    await worker.stop();
  },
});
