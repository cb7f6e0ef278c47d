import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { childLogger, createLogger, maskEmail } from "@/lib/logger";

/** Captures what the real logger configuration writes, one parsed JSON object per line. */
function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const log = createLogger(stream);
  log.level = "info";
  return { log, entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>), raw: () => lines.join("") };
}

describe("log redaction", () => {
  it("removes passwords, keys, tokens, cookies and authorization headers at any depth", () => {
    const { log, raw, entries } = capture();
    log.info(
      {
        password: "hunter2-top",
        user: { passwordHash: "argon2-hash-value", apiKey: "pk_live_secret_value" },
        req: { headers: { authorization: "Bearer sk-very-secret", cookie: "authjs.session-token=abc123cookie" } },
        session: { sessionToken: "session-token-value", accessToken: "access-token-value" },
        config: { RESEND_API_KEY: "re_resend_secret", DATABASE_URL: "postgresql://u:dbpass@host/db" },
        body: { data: { token: "deeply-nested-token" } },
      },
      "signing in",
    );
    const output = raw();
    for (const secret of [
      "hunter2-top",
      "argon2-hash-value",
      "pk_live_secret_value",
      "sk-very-secret",
      "abc123cookie",
      "session-token-value",
      "access-token-value",
      "re_resend_secret",
      "dbpass",
      "deeply-nested-token",
    ]) {
      expect(output).not.toContain(secret);
    }
    const [entry] = entries();
    expect(entry).toMatchObject({ password: "[redacted]", msg: "signing in" });
    expect(entry?.req).toEqual({ headers: { authorization: "[redacted]", cookie: "[redacted]" } });
  });

  it("masks email addresses, keeping the first letter and the domain", () => {
    const { log, raw, entries } = capture();
    log.info({ email: "jane.doe@example.com", customer: { email: "sam@salon.test" }, to: ["a.b@x.org"] }, "email queued");
    expect(raw()).not.toMatch(/jane\.doe|sam@|a\.b@/);
    expect(entries()[0]).toMatchObject({ email: "j***@example.com", customer: { email: "s***@salon.test" }, to: ["a***@x.org"] });
  });

  it("leaves non-address values under email-like keys alone (a date range's `to`)", () => {
    const { log, entries } = capture();
    log.info({ from: "2030-01-01", to: "2030-01-31" }, "availability");
    expect(entries()[0]).toMatchObject({ from: "2030-01-01", to: "2030-01-31" });
  });

  it("redacts inside arrays of objects and never changes the object the caller logged", () => {
    const { log, raw } = capture();
    const logged = { attempts: [{ token: "array-held-token", status: 500 }], user: { password: "caller-owned" } };
    log.info(logged, "retrying");
    expect(raw()).not.toMatch(/array-held-token|caller-owned/);
    expect(raw()).toContain('"status":500');
    expect(logged.user.password).toBe("caller-owned");
    expect(logged.attempts[0]?.token).toBe("array-held-token");
  });

  it("redacts the fields an error carries, keeping its type, message and stack", () => {
    const { log, raw, entries } = capture();
    const error = Object.assign(new TypeError("request failed"), {
      token: "error-held-token",
      headers: { authorization: "Bearer in-error" },
    });
    log.error({ err: error }, "call failed");
    expect(raw()).not.toMatch(/error-held-token|in-error/);
    expect(entries()[0]?.err).toMatchObject({ type: "TypeError", message: "request failed", token: "[redacted]" });
    expect(String((entries()[0]?.err as { stack?: unknown }).stack)).toContain("request failed");
    expect(error.token).toBe("error-held-token");
  });

  it("redacts a child logger's bindings too", () => {
    const { log, raw } = capture();
    childLogger(log, { session: { sessionToken: "bound-session-token" } }).info("hello");
    expect(raw()).not.toContain("bound-session-token");
  });

  it("masks malformed addresses entirely", () => {
    expect(maskEmail("@nobody")).toBe("[redacted]");
  });
});
