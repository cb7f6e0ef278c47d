import { z } from "zod";
import { DEFAULT_RETRY_SCHEDULE, parseRetrySchedule } from "@/lib/webhooks/retry-schedule";

/** Where the app answers when APP_URL is unset (local development). */
export const DEFAULT_APP_URL = "http://localhost:3000";

const serverEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z
    .string({ error: "is required (npm run dev sets it for the embedded database)" })
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  // A connection straight to PostgreSQL, for what a transaction-mode pooler (PgBouncer) cannot carry:
  // the outbox worker's LISTEN. Unset: DATABASE_URL.
  DIRECT_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL")
    .optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  APP_URL: z.url().default(DEFAULT_APP_URL),
  // Observability and edge behaviour (docs/OPERATIONS.md).
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters (a random secret)").optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  OTEL_SERVICE_NAME: z.string().min(1).default("pamper-book"),
  TRUSTED_PROXY: z
    .enum(["true", "false", "1", "0", ""])
    .default("")
    .transform((value) => value === "true" || value === "1"),
  // Reverse proxies in front of the app that append to X-Forwarded-For; 0 = clients connect directly.
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  // Accounts (next-auth v5). The secret signs session cookies and must be set in production (checked below).
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
  AUTH_URL: z.url().optional(),
  AUTH_TRUST_HOST: z.string().optional(),
  // Notifications: all optional, so a fresh checkout delivers every email to the local mailbox.
  // Unset: Resend when RESEND_API_KEY is set, else the local mailbox (refused in production unless explicit).
  MAIL_TRANSPORT: z.enum(["resend", "mailbox"]).optional(),
  RESEND_API_KEY: z
    .string()
    .regex(/^re_\S+$/, "must be a Resend API key (re_…)")
    .optional(),
  RESEND_BASE_URL: z.url().optional(),
  EMAIL_FROM: z.string().min(3).default("Pamper Book <bookings@pamper.example>"),
  INNGEST_EVENT_KEY: z.string().min(1).optional(),
  INNGEST_SIGNING_KEY: z
    .string()
    .regex(/^signkey-\S+$/, "must be an Inngest signing key (signkey-…)")
    .optional(),
  INNGEST_DEV: z.string().min(1).optional(),
  // Who publishes the outbox: each app instance right after its response ("request"), or only the
  // separate `npm run worker` process ("worker"), so app instances only write (docs/SCALING.md).
  OUTBOX_PUBLISHER: z.enum(["request", "worker"]).default("request"),
  ALERT_WEBHOOK_URL: z.url().optional(),
  EMAIL_SEND_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  // Public API (/api/v1): requests per API key per minute, and hours an Idempotency-Key is remembered.
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120),
  API_IDEMPOTENCY_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(24),
  // Web booking abuse limits: book/reschedule/cancel per signed-in user, and availability reads per IP.
  BOOKING_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(20),
  AVAILABILITY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120),
  // Webhooks (docs/WEBHOOKS.md). `npm run dev` allows private networks so a local receiver works.
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: z
    .enum(["true", "false", "1", "0", ""])
    .default("")
    .transform((value) => value === "true" || value === "1"),
  WEBHOOK_RETRY_SCHEDULE: z
    .string()
    .default(DEFAULT_RETRY_SCHEDULE)
    .transform((text, context) => {
      try {
        return parseRetrySchedule(text);
      } catch (error) {
        context.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
        return z.NEVER;
      }
    }),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  // Deposits and fees (docs/PAYMENTS.md). Unset outside production: the test checkout at /dev/checkout.
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_\S+$/, "must be a Stripe secret or restricted key (sk_test_…, sk_live_…)")
    .optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_\S+$/, "must be a Stripe webhook signing secret (whsec_…)")
    .optional(),
  // End-to-end tests of a production build only: keep the test checkout on under `next start`.
  PAYMENTS_TEST_CHECKOUT: z
    .enum(["true", "false", "1", "0", ""])
    .default("")
    .transform((value) => value === "true" || value === "1"),
  // Where the Stripe SDK sends its requests (a local stub in tests); unset: Stripe's API.
  STRIPE_API_BASE_URL: z.url().optional(),
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

export class InvalidEnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "InvalidEnvironmentError";
  }
}

/**
 * Secrets published in this repository (docker-compose.yml defaults, .env.example samples). Anyone can
 * read them, so a production instance signing sessions or guarding metrics with one is open to all.
 */
export const KNOWN_PLACEHOLDER_SECRETS: ReadonlySet<string> = new Set([
  "compose-only-secret-change-me-0123456789",
  "compose-metrics-token-change-me",
  "re_xxxxxxxx",
  "signkey-prod-xxxxxxxx",
]);

const SECRET_VARIABLES = [
  "AUTH_SECRET",
  "METRICS_TOKEN",
  "RESEND_API_KEY",
  "INNGEST_SIGNING_KEY",
  "INNGEST_EVENT_KEY",
  "STRIPE_SECRET_KEY",
  "STRIPE_WEBHOOK_SECRET",
] as const;

/** Where the app's email goes: an explicit MAIL_TRANSPORT, else Resend when a key is set, else the local mailbox. */
export function mailTransportOf(env: Pick<ServerEnv, "MAIL_TRANSPORT" | "RESEND_API_KEY">): "resend" | "mailbox" {
  return env.MAIL_TRANSPORT ?? (env.RESEND_API_KEY ? "resend" : "mailbox");
}

/** What production refuses even when every variable is well-formed: each would open the app to anyone. */
function productionProblems(env: ServerEnv): string[] {
  const problems: string[] = [];
  if (!env.AUTH_SECRET) problems.push("AUTH_SECRET is required in production (it signs session cookies)");
  // Measured in bytes: a 32-character secret of multi-byte characters is still at least 32 bytes.
  else if (Buffer.byteLength(env.AUTH_SECRET) < 32) problems.push("AUTH_SECRET must be at least 32 bytes in production");
  for (const name of SECRET_VARIABLES) {
    const value = env[name];
    if (value && KNOWN_PLACEHOLDER_SECRETS.has(value))
      problems.push(`${name} is a published placeholder value; generate a secret of your own`);
  }
  if (env.PAYMENTS_TEST_CHECKOUT && env.STRIPE_SECRET_KEY)
    problems.push("PAYMENTS_TEST_CHECKOUT must not be set with STRIPE_SECRET_KEY (it is for end-to-end tests without Stripe)");
  if (env.INNGEST_DEV) problems.push("INNGEST_DEV must not be set in production (it turns off Inngest request signing)");
  if (!env.MAIL_TRANSPORT && mailTransportOf(env) === "mailbox") {
    problems.push("MAIL_TRANSPORT: set RESEND_API_KEY, or MAIL_TRANSPORT=mailbox to keep every email in the database on purpose");
  }
  return problems;
}

/** Parses the environment, naming every missing or malformed variable in one error. */
export function parseServerEnv(source: Record<string, string | undefined>): ServerEnv {
  const result = serverEnvSchema.safeParse(source);
  if (!result.success) {
    throw new InvalidEnvironmentError(result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`));
  }
  const problems = result.data.NODE_ENV === "production" ? productionProblems(result.data) : [];
  if (result.data.STRIPE_SECRET_KEY && !result.data.STRIPE_WEBHOOK_SECRET)
    problems.push("STRIPE_WEBHOOK_SECRET is required when STRIPE_SECRET_KEY is set (it verifies Stripe's events)");
  if (result.data.MAIL_TRANSPORT === "resend" && !result.data.RESEND_API_KEY)
    problems.push("RESEND_API_KEY is required when MAIL_TRANSPORT=resend");
  if (problems.length > 0) throw new InvalidEnvironmentError(problems);
  return result.data;
}

let cached: ServerEnv | undefined;

/** The validated server environment, parsed on first use and then reused. */
export function env(): ServerEnv {
  cached ??= parseServerEnv(process.env);
  return cached;
}
