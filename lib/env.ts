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
