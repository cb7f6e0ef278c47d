import { parseArgs } from "node:util";
import { z } from "zod";
import { runOperatorCommand } from "./lib/run-operator-command";

/**
 * Publishes outbox rows that were committed but never published (a crashed process, an Inngest outage):
 * to Inngest when INNGEST_EVENT_KEY / INNGEST_DEV is set, otherwise by running the notification handlers
 * here. Safe next to the app and other relays: rows are claimed with FOR UPDATE SKIP LOCKED and every
 * email is deduplicated.
 *
 *   npm run outbox:relay [-- --watch [--interval SECONDS]] [--batch N]
 */

const ZArgs = z.object({
  watch: z.boolean().default(false),
  interval: z.coerce.number().int().min(1).max(3600).default(30),
  batch: z.coerce.number().int().min(1).max(1000).default(50),
});

runOperatorCommand({
  parse: () =>
    ZArgs.parse(parseArgs({ options: { watch: { type: "boolean" }, interval: { type: "string" }, batch: { type: "string" } } }).values),
  permission: "outbox.manage",
  async run(args) {
    const { publishPendingOutbox } = await import("@/lib/notifications/publisher");
    do {
      const summary = await publishPendingOutbox({ batchSize: args.batch });
      console.log(
        `${new Date().toISOString()}  ${summary.mode}: published ${summary.published}, failed ${summary.failed}` +
          (summary.remindersSent === undefined ? "" : `, reminders sent ${summary.remindersSent}`),
      );
      if (args.watch) await new Promise((resolve) => setTimeout(resolve, args.interval * 1000));
    } while (args.watch);
  },
});
