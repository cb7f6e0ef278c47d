import pino, { type DestinationStream, type Logger } from "pino";
import { createLogger, EMAIL_KEYS, maskEmail, SECRET_KEYS } from "@/lib/logger";
import { measure } from "./lib/measure";
import { printJsonResult, printTable, round } from "./lib/report";

/**
 * `npm run bench:log-redaction`: the logger's own one-pass redaction against pino's `redact` option (path
 * patterns, the way pino documents it) covering the same keys at the same depths, on the same log lines:
 * CPU per line, and whether both write the same thing for every key the logger redacts.
 */

// Every line is serialised and dropped: the figures are the logger's work, not a disk's or a pipe's.
const sink: DestinationStream = { write: () => undefined };

// The logger's walk checks keys at the top, one and two levels down, with array items at their parent's
// level; pino's patterns have to spell each depth out.
const paths = [...SECRET_KEYS, ...EMAIL_KEYS].flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

function maskAddresses(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskAddresses);
  return typeof value === "string" && value.includes("@") ? maskEmail(value) : value;
}

const pinoRedact = {
  paths,
  censor: (value: unknown, path: string[]) => (EMAIL_KEYS.has(path[path.length - 1] ?? "") ? maskAddresses(value) : "[redacted]"),
};

function pinoRedacting(destination: DestinationStream): Logger {
  return pino({ level: "info", base: { service: "pamper-book" }, redact: pinoRedact }, destination);
}

function projectLogger(destination: DestinationStream): Logger {
  const log = createLogger(destination);
  log.level = "info";
  return log;
}

const bare = pino({ level: "info", base: { service: "pamper-book" } }, sink);

/** The line every API request writes (with-api-route.ts): no secret in it, so redaction is pure overhead. */
const requestLine = () => ({
  requestId: "0f9c2b1e-6a43-4c1d-9a57-2f1f3c1d9e10",
  method: "GET",
  path: "/api/v1/appointments",
  status: 200,
  durationMs: 4.2,
  apiKeyId: "cm3k9x2pq0001ab12cd34ef56",
});
/** A line carrying secrets at every depth the logger covers, and addresses to mask. */
const secretLine = () => ({
  password: "hunter2-top",
  user: { passwordHash: "argon2-hash-value", apiKey: "pk_live_secret_value", email: "jane.doe@example.com" },
  req: { headers: { authorization: "Bearer sk-very-secret", cookie: "authjs.session-token=abc123cookie" } },
  attempts: [{ token: "array-held-token", status: 500 }],
  to: ["a.b@x.org"],
});

type Variant = { name: string; log: Logger };
const variants: Variant[] = [
  { name: "pino, no redaction (floor)", log: bare },
  { name: "one-pass walk (lib/logger.ts)", log: projectLogger(sink) },
  { name: "pino redact, path patterns", log: pinoRedacting(sink) },
];

const rows: Record<string, string | number>[] = [];
const result: Record<string, Record<string, number>> = {};
for (const { name, log } of variants) {
  const perLine: Record<string, number> = {};
  for (const [label, line] of [
    ["request line", requestLine],
    ["secrets line", secretLine],
  ] as const) {
    const { cpuMs } = measure(() => log.info(line(), "api request"), { warmupCalls: 2_000, minTotalMs: 1_500 });
    perLine[label] = cpuMs.median * 1000;
  }
  result[name] = perLine;
  rows.push({
    logger: name,
    "request line µs CPU": round(perLine["request line"]!, 2),
    "secrets line µs CPU": round(perLine["secrets line"]!, 2),
  });
}
printTable(rows);

/** Same object through both, compared on the JSON they produce (time and pid removed). */
function capture(kind: "walk" | "pino", object: Record<string, unknown>): string {
  let line = "";
  const destination: DestinationStream = { write: (text: string) => void (line = text) };
  const log = kind === "walk" ? projectLogger(destination) : pinoRedacting(destination);
  log.info(object, "check");
  const { time: _time, pid: _pid, hostname: _hostname, ...rest } = JSON.parse(line) as Record<string, unknown>;
  return JSON.stringify(rest);
}

const cases: Array<[string, Record<string, unknown>]> = [
  ...[...SECRET_KEYS].flatMap((key): Array<[string, Record<string, unknown>]> => [
    [`${key} at the top`, { [key]: "s3cret-value" }],
    [`${key} one level down`, { outer: { [key]: "s3cret-value" } }],
    [`${key} two levels down`, { outer: { inner: { [key]: "s3cret-value" } } }],
    [`${key} in an array item`, { items: [{ [key]: "s3cret-value" }] }],
  ]),
  ...[...EMAIL_KEYS].flatMap((key): Array<[string, Record<string, unknown>]> => [
    [`${key} address`, { [key]: "jane.doe@example.com" }],
    [`${key} address one level down`, { customer: { [key]: "jane.doe@example.com" } }],
    [`${key} non-address`, { [key]: "2030-01-31" }],
    [`${key} address list`, { [key]: ["a.b@x.org", "c@y.org"] }],
  ]),
  ["secret three levels down (beyond both)", { a: { b: { c: { password: "deep-secret" } } } }],
  ["an Error logged as err", { err: Object.assign(new Error("boom"), { token: "error-held-token" }) }],
  ["the request line", requestLine()],
];

const differences = cases.filter(([, object]) => capture("walk", object) !== capture("pino", object));
for (const [label, object] of differences) {
  console.error(`differs: ${label}\n  walk: ${capture("walk", object)}\n  pino: ${capture("pino", object)}`);
}
console.error(`${cases.length} cases compared, ${differences.length} written differently; pino redact paths: ${paths.length}.`);

printJsonResult({
  bench: "log-redaction",
  usPerLine: result,
  casesCompared: cases.length,
  casesDiffering: differences.map(([label]) => label),
});
