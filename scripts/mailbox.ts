import { parseArgs } from "node:util";
import { z } from "zod";
import { parseCommandLineWith, runOperatorCommand } from "./lib/run-operator-command";

/**
 * The local mailbox for operators and tests: every email the app recorded, newest first, whichever
 * transport delivered it, with the content as the local mailbox delivered it (links included; emails
 * sent through Resend show the logged copy, whose account links are removed). Reaches the embedded
 * database while `npm run dev` is running.
 *
 *   npm run -s mailbox -- list [--to EMAIL] [--limit N] [--json]
 */

const ZArgs = z.object({
  command: z.literal("list", { error: 'the only command is "list"' }),
  to: z.email({ error: "--to must be an email address" }).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(20),
  json: z.boolean().default(false),
});

function parseCommandLine() {
  const { values, positionals } = parseArgs({
    options: { to: { type: "string" }, limit: { type: "string" }, json: { type: "boolean" } },
    allowPositionals: true,
  });
  return parseCommandLineWith(
    ZArgs,
    { command: positionals[0] ?? "list", ...values },
    "usage: mailbox list [--to EMAIL] [--limit N] [--json]",
  );
}

runOperatorCommand({
  parse: parseCommandLine,
  permission: "emailLog.viewAccountEmails",
  async run(args) {
    const { listRecentEmails } = await import("@/lib/notifications/data");
    const { toMailboxEntry } = await import("@/lib/notifications/mailbox-entry");
    const entries = (await listRecentEmails({ to: args.to, limit: args.limit })).map(toMailboxEntry);
    if (args.json) {
      console.log(JSON.stringify(entries, null, 2));
      return;
    }
    if (entries.length === 0) console.log("The mailbox is empty.");
    for (const e of entries) {
      console.log(`${e.createdAt}  ${e.status.padEnd(6)}  ${e.kind.padEnd(17)}  ${e.to.padEnd(32)}  ${e.subject}`);
    }
  },
});
