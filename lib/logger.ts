import pino, { type Logger } from "pino";

/**
 * JSON lines in production (for log shippers), human-readable in development. Secrets and personal data
 * are redacted wherever they appear in a logged object.
 */
function createLogger(): Logger {
  const production = process.env.NODE_ENV === "production";
  const level = process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info");
  return pino({
    level,
    base: { service: "pamper-book" },
    redact: {
      paths: [
        "password",
        "*.password",
        "passwordHash",
        "*.passwordHash",
        "token",
        "*.token",
        "apiKey",
        "*.apiKey",
        "authorization",
        "*.authorization",
        "headers.authorization",
        "headers.cookie",
      ],
      censor: "[redacted]",
    },
    transport: production
      ? undefined
      : { target: "pino-pretty", options: { colorize: true, translateTime: "HH:MM:ss", ignore: "pid,hostname,service" } },
  });
}

const globalForLogger = globalThis as unknown as { pamperLogger?: Logger };

export const logger: Logger = (globalForLogger.pamperLogger ??= createLogger());
