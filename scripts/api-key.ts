import { parseArgs } from "node:util";
import { z } from "zod";
import { DEFAULT_KEY_LIFETIME_DAYS, expiryInDays, MAX_KEY_LIFETIME_DAYS } from "../lib/api-keys/expiry";
import { API_KEY_SCOPES, ZApiKeyScope } from "../lib/api-keys/schema";
import { parseCommandLineWith, runOperatorCommand } from "./lib/run-operator-command";

/**
 * API keys for /api/v1 from the server, for any owner (the dashboard makes keys for the signed-in staff
 * member only). `create` prints only the key on stdout
 * (so `KEY=$(npm run -s api-key -- create …)` works); everything else goes to stderr.
 *
 *   npm run -s api-key -- create --email OWNER --scopes a,b [--name N] [--expires-days D]   (D: 1–365, default 90)
 *   npm run -s api-key -- list [--json]
 *   npm run -s api-key -- revoke ID
 */

const USAGE = `usage:
  api-key create --email OWNER --scopes SCOPE[,SCOPE…] [--name NAME] [--expires-days DAYS (1–${MAX_KEY_LIFETIME_DAYS}, default ${DEFAULT_KEY_LIFETIME_DAYS})]
  api-key list [--json]
  api-key revoke ID
scopes: ${API_KEY_SCOPES.join(", ")}`;

const ZCreate = z.object({
  command: z.literal("create"),
  email: z.email({ error: "--email must be the owner's email address" }),
  scopes: z
    .string({ error: "--scopes is required" })
    .transform((list) =>
      list
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(ZApiKeyScope, { error: `--scopes must be a comma list of: ${API_KEY_SCOPES.join(", ")}` }).min(1)),
  name: z.string().min(1).max(100).optional(),
  expiresDays: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_KEY_LIFETIME_DAYS, { error: `--expires-days is at most ${MAX_KEY_LIFETIME_DAYS}` })
    .default(DEFAULT_KEY_LIFETIME_DAYS),
});
const ZList = z.object({ command: z.literal("list"), json: z.boolean().default(false) });
const ZRevoke = z.object({ command: z.literal("revoke"), id: z.string({ error: "revoke needs the key id (see list)" }).min(1) });
const ZCommand = z.discriminatedUnion("command", [ZCreate, ZList, ZRevoke], { error: "the command is create, list or revoke" });

function parseCommandLine() {
  const { values, positionals } = parseArgs({
    options: {
      email: { type: "string" },
      scopes: { type: "string" },
      name: { type: "string" },
      "expires-days": { type: "string" },
      json: { type: "boolean" },
    },
    allowPositionals: true,
  });
  const [command, id] = positionals;
  return parseCommandLineWith(ZCommand, { command, id, ...values, expiresDays: values["expires-days"] }, USAGE);
}

runOperatorCommand({
  parse: parseCommandLine,
  permission: "apiKeys.manageAny",
  async run(args) {
    const { findKeyOwnerByEmail, listApiKeys } = await import("@/lib/api-keys/data");
    const { createApiKey, revokeApiKey } = await import("@/lib/api-keys/mutations");
    const { operatorActor } = await import("@/lib/auth/actor");
    if (args.command === "create") {
      const owner = await findKeyOwnerByEmail(args.email);
      if (!owner) throw new Error(`No user with the email ${args.email}.`);
      const expiresAt = expiryInDays(args.expiresDays);
      const name = args.name ?? `${args.email} (${new Date().toISOString().slice(0, 10)})`;
      const created = await createApiKey(operatorActor, { ownerId: owner.id, name, scopes: args.scopes, expiresAt });
      console.error(
        `Created key ${created.id} (${created.prefix}…) acting as ${args.email} (${owner.role}). Store it now: it is not shown again.`,
      );
      console.log(created.key);
    } else if (args.command === "list") {
      const keys = await listApiKeys();
      if (args.json) return console.log(JSON.stringify(keys, null, 2));
      if (keys.length === 0) console.log("No API keys.");
      for (const k of keys) {
        const state = k.revokedAt ? "revoked" : k.expiresAt && k.expiresAt <= new Date() ? "expired" : "active";
        console.log(
          `${k.id}  ${k.prefix}…  ${state.padEnd(7)}  ${k.ownerEmail.padEnd(30)}  ${k.name}  [${k.scopes.join(",")}]  last used ${k.lastUsedAt?.toISOString() ?? "never"}`,
        );
      }
    } else {
      await revokeApiKey(operatorActor, args.id);
      console.error(`Revoked ${args.id}.`);
    }
  },
});
