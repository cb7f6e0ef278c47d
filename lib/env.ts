import { z } from "zod";

const serverEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z
    .string({ error: "is required (npm run dev sets it for the embedded database)" })
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  APP_URL: z.url().default("http://localhost:3000"),
  // Observability and edge behaviour (docs/OPERATIONS.md).
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters (a random secret)").optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  OTEL_SERVICE_NAME: z.string().min(1).default("pamper-book"),
  TRUSTED_PROXY: z
    .enum(["true", "false", "1", "0", ""])
    .default("")
    .transform((value) => value === "true" || value === "1"),
  // Accounts (next-auth v5). The secret signs session cookies and must be set in production (checked below).
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
  AUTH_URL: z.url().optional(),
  AUTH_TRUST_HOST: z.string().optional(),
  // Notifications: all optional, so a fresh checkout delivers every email to the local mailbox.
  RESEND_API_KEY: z.string().regex(/^re_\S+$/, "must be a Resend API key (re_…)").optional(),
  RESEND_BASE_URL: z.url().optional(),
  EMAIL_FROM: z.string().min(3).default("Pamper Book <bookings@pamper.example>"),
  INNGEST_EVENT_KEY: z.string().min(1).optional(),
  INNGEST_SIGNING_KEY: z.string().regex(/^signkey-\S+$/, "must be an Inngest signing key (signkey-…)").optional(),
  INNGEST_DEV: z.string().min(1).optional(),
  ALERT_WEBHOOK_URL: z.url().optional(),
  EMAIL_SEND_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  // Public API (/api/v1): requests per API key per minute, and hours an Idempotency-Key is remembered.
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120),
  API_IDEMPOTENCY_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(24),
  API_WRITE_CONCURRENCY: z.coerce.number().int().min(1).max(100).optional(),
  // Web booking abuse limits: book/reschedule/cancel per signed-in user, and availability reads per IP.
  BOOKING_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(20),
  AVAILABILITY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120),
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

export class InvalidEnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "InvalidEnvironmentError";
  }
}

/** Parses the environment, naming every missing or malformed variable in one error. */
export function parseServerEnv(source: Record<string, string | undefined>): ServerEnv {
  const result = serverEnvSchema.safeParse(source);
  if (result.success && result.data.NODE_ENV === "production" && !result.data.AUTH_SECRET) {
    throw new InvalidEnvironmentError(["AUTH_SECRET is required in production (it signs session cookies)"]);
  }
  if (result.success) return result.data;
  throw new InvalidEnvironmentError(
    result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`),
  );
}

let cached: ServerEnv | undefined;

/** The validated server environment, parsed on first use and then reused. */
export function env(): ServerEnv {
  cached ??= parseServerEnv(process.env);
  return cached;
}
