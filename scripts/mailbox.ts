import { parseArgs } from "node:util";
import { z } from "zod";
import { runMain } from "./lib/run-main";
import { withDatabase } from "./lib/with-database";

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
  const parsed = ZArgs.safeParse({ command: positionals[0] ?? "list", ...values });
  if (!parsed.success) throw new Error(`${parsed.error.issues.map((i) => i.message).join("; ")}\nusage: mailbox list [--to EMAIL] [--limit N] [--json]`);
  return parsed.data;
}

runMain(async () => {
  const args = parseCommandLine();
  await withDatabase(async (url) => {
    // Set before the app modules load: their database client reads DATABASE_URL once.
    process.env.DATABASE_URL = url;
    const { assertCan } = await import("@/lib/auth/permissions");
    assertCan("OPERATOR", "emailLog.viewAccountEmails");
    const { listRecentEmails } = await import("@/lib/notifications/data");
    const { toMailboxEntry } = await import("@/lib/notifications/mailbox-entry");
    const { db } = await import("@/lib/db");
    try {
      const entries = (await listRecentEmails({ to: args.to, limit: args.limit })).map(toMailboxEntry);
      if (args.json) {
        console.log(JSON.stringify(entries, null, 2));
        return;
      }
      if (entries.length === 0) console.log("The mailbox is empty.");
      for (const e of entries) {
        console.log(`${e.createdAt}  ${e.status.padEnd(6)}  ${e.kind.padEnd(17)}  ${e.to.padEnd(32)}  ${e.subject}`);
      }
    } finally {
      await db.$disconnect();
    }
  });
});
