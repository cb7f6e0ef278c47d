import pino, { type DestinationStream, type Logger, type LoggerOptions } from "pino";

// Keys whose values are secrets wherever they appear: at the top of a log object or one level down
// (`{ user: { password } }`, `{ headers: { authorization } }`). Matching is case-sensitive, so both
// spellings that appear in practice are listed.
const SECRET_KEYS = [
  "password",
  "newPassword",
  "currentPassword",
  "passwordHash",
  "secret",
  "clientSecret",
  "token",
  "accessToken",
  "refreshToken",
  "access_token",
  "refresh_token",
  "id_token",
  "sessionToken",
  "apiKey",
  "key",
  "keyHash",
  "authorization",
  "Authorization",
  "cookie",
  "Cookie",
  '["set-cookie"]',
  "connectionString",
  "databaseUrl",
  "DATABASE_URL",
  "RESEND_API_KEY",
  "INNGEST_SIGNING_KEY",
  "INNGEST_EVENT_KEY",
  "AUTH_SECRET",
  "METRICS_TOKEN",
];

// Personal data that is useful in a masked form (which customer? which mailbox?) but must not be logged whole.
const EMAIL_KEYS = ["email", "to", "customerEmail", "recipient"];

function everywhere(key: string): string[] {
  const joiner = key.startsWith("[") ? "" : ".";
  return [key.startsWith("[") ? `*${key}` : key, `*${joiner}${key}`, `*.*${joiner}${key}`];
}

const REDACTED_PATHS = [...SECRET_KEYS.flatMap(everywhere), ...EMAIL_KEYS.flatMap(everywhere)];
const EMAIL_PATH_ENDINGS = new Set(EMAIL_KEYS);

/** "jane.doe@example.com" → "j***@example.com": enough to tell mailboxes apart, not enough to write to one. */
export function maskEmail(value: string): string {
  const at = value.lastIndexOf("@");
  if (at < 1) return "[redacted]";
  return `${value[0]}***${value.slice(at)}`;
}

// "to" is also a date-range bound in availability logs: only values that look like addresses are masked.
function maskIfEmail(value: unknown): unknown {
  return typeof value === "string" && value.includes("@") ? maskEmail(value) : value;
}

function censor(value: unknown, path: string[]): unknown {
  const key = path[path.length - 1] ?? "";
  if (!EMAIL_PATH_ENDINGS.has(key)) return "[redacted]";
  return Array.isArray(value) ? value.map(maskIfEmail) : maskIfEmail(value);
}

export const loggerRedaction: NonNullable<LoggerOptions["redact"]> = { paths: REDACTED_PATHS, censor };

/**
 * JSON lines in production (for log shippers), human-readable in development. Secrets and personal data
 * are redacted wherever they appear in a logged object. `destination` lets tests capture the output.
 */
export function createLogger(destination?: DestinationStream): Logger {
  const production = process.env.NODE_ENV === "production";
  const level = process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info");
  const options: LoggerOptions = {
    level,
    base: { service: "pamper-book" },
    redact: loggerRedaction,
    transport:
      production || destination
        ? undefined
        : { target: "pino-pretty", options: { colorize: true, translateTime: "HH:MM:ss", ignore: "pid,hostname,service" } },
  };
  return destination ? pino(options, destination) : pino(options);
}

const globalForLogger = globalThis as unknown as { pamperLogger?: Logger };

export const logger: Logger = (globalForLogger.pamperLogger ??= createLogger());
