import pino, { type DestinationStream, type Logger, type LoggerOptions } from "pino";

// Keys whose values are secrets wherever they appear: at the top of a log object or up to two levels down
// (`{ user: { password } }`, `{ req: { headers: { authorization } } }`). Matching is case-sensitive, so both
// spellings that appear in practice are listed.
export const SECRET_KEYS: ReadonlySet<string> = new Set([
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
  "set-cookie",
  "connectionString",
  "databaseUrl",
  "DATABASE_URL",
  "RESEND_API_KEY",
  "INNGEST_SIGNING_KEY",
  "INNGEST_EVENT_KEY",
  "AUTH_SECRET",
  "METRICS_TOKEN",
]);

// Personal data that is useful in a masked form (which customer? which mailbox?) but must not be logged whole.
export const EMAIL_KEYS: ReadonlySet<string> = new Set(["email", "to", "customerEmail", "recipient"]);

// Objects nested deeper than this are logged as they are: log objects are flat by convention, and a
// bounded walk keeps every log line cheap.
const MAX_DEPTH = 2;

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

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function redactValue(key: string, value: unknown, depth: number): unknown {
  if (SECRET_KEYS.has(key)) return "[redacted]";
  if (EMAIL_KEYS.has(key)) return Array.isArray(value) ? value.map(maskIfEmail) : maskIfEmail(value);
  if (depth >= MAX_DEPTH) return value;
  if (Array.isArray(value)) return redactArray(value, depth + 1);
  if (value instanceof Error) return redactError(value, depth + 1);
  return isPlainObject(value) ? redactLogObject(value, depth + 1) : value;
}

/**
 * An error's own fields (a client library's `config`, a `token` it failed with) reach the line through
 * pino's error serializer, which runs after this walk: redact them here. The copy keeps the prototype,
 * message and stack, so the serializer still writes the error's type.
 */
function redactError(error: Error, depth: number): Error {
  let copy: Error | undefined;
  for (const key of Object.keys(error)) {
    const value: unknown = Reflect.get(error, key);
    const redacted = redactValue(key, value, depth);
    if (redacted === value) continue;
    copy ??= Object.create(Object.getPrototypeOf(error) as object, Object.getOwnPropertyDescriptors(error)) as Error;
    Reflect.set(copy, key, redacted);
  }
  return copy ?? error;
}

function redactArray(items: unknown[], depth: number): unknown[] {
  let copy: unknown[] | undefined;
  items.forEach((item, index) => {
    const redacted = isPlainObject(item) ? redactLogObject(item, depth) : item;
    if (redacted !== item) (copy ??= [...items])[index] = redacted;
  });
  return copy ?? items;
}

/**
 * Secrets replaced and addresses masked, in one walk over the keys that are there (copy-on-write, so the
 * caller's object is never changed). Every log line pays for this, so it must stay a few microseconds;
 * pino's `redact` with the same keys as path patterns costs about 100 µs a line, this walk under 2 µs
 * (`npm run bench:log-redaction`).
 */
export function redactLogObject(object: Record<string, unknown>, depth = 0): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const key in object) {
    if (!Object.hasOwn(object, key)) continue;
    const value = object[key];
    const redacted = redactValue(key, value, depth);
    if (redacted !== value) (copy ??= { ...object })[key] = redacted;
  }
  return copy ?? object;
}

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
    formatters: { log: (object) => redactLogObject(object) },
    transport:
      production || destination
        ? undefined
        : { target: "pino-pretty", options: { colorize: true, translateTime: "HH:MM:ss", ignore: "pid,hostname,service" } },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** A child logger whose bindings are redacted like any line: pino passes a child's bindings through no formatter. */
export function childLogger(parent: Logger, bindings: Record<string, unknown>): Logger {
  return parent.child(redactLogObject(bindings));
}

const globalForLogger = globalThis as unknown as { pamperLogger?: Logger };

export const logger: Logger = (globalForLogger.pamperLogger ??= createLogger());
