import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InvalidEnvironmentError, KNOWN_PLACEHOLDER_SECRETS, mailTransportOf, parseServerEnv } from "@/lib/env";

describe("environment validation", () => {
  it("accepts a PostgreSQL URL and fills in defaults", () => {
    const env = parseServerEnv({ DATABASE_URL: "postgresql://u:p@localhost:5432/db", NODE_ENV: "test" });
    expect(env).toMatchObject({ DATABASE_POOL_SIZE: 10, LOG_LEVEL: "info", APP_URL: "http://localhost:3000" });
  });

  it("names every missing or malformed variable in one error", () => {
    try {
      parseServerEnv({ NODE_ENV: "test", LOG_LEVEL: "loud", DATABASE_POOL_SIZE: "0" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidEnvironmentError);
      const message = (error as Error).message;
      expect(message).toContain("DATABASE_URL");
      expect(message).toContain("LOG_LEVEL");
      expect(message).toContain("DATABASE_POOL_SIZE");
    }
  });

  it("rejects a database URL that is not PostgreSQL", () => {
    expect(() => parseServerEnv({ DATABASE_URL: "mysql://localhost/db" })).toThrow(/DATABASE_URL must be a postgresql/);
  });

  it("publishes the outbox after each response unless the worker is chosen, and names a bad choice", () => {
    const base = { DATABASE_URL: "postgresql://u:p@localhost:5432/db", NODE_ENV: "test" };
    expect(parseServerEnv(base).OUTBOX_PUBLISHER).toBe("request");
    expect(parseServerEnv({ ...base, OUTBOX_PUBLISHER: "worker" }).OUTBOX_PUBLISHER).toBe("worker");
    expect(() => parseServerEnv({ ...base, OUTBOX_PUBLISHER: "cron" })).toThrow(/OUTBOX_PUBLISHER/);
    expect(() => parseServerEnv({ ...base, DIRECT_DATABASE_URL: "localhost:5432" })).toThrow(/DIRECT_DATABASE_URL must be a postgresql/);
  });
});

describe("production refuses an unsafe configuration", () => {
  const safe = {
    NODE_ENV: "production",
    DATABASE_URL: "postgresql://u:p@db:5432/app",
    AUTH_SECRET: "k9Vd1x7QeLr2mZpT0aWbYc4sHfJgNn8u",
    RESEND_API_KEY: "re_live_abcdefgh",
  };
  const problemsOf = (overrides: Record<string, string | undefined>): string => {
    try {
      parseServerEnv({ ...safe, ...overrides });
      return "";
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidEnvironmentError);
      return (error as Error).message;
    }
  };

  it("starts with its own secrets and a real mail transport", () => {
    expect(problemsOf({})).toBe("");
    expect(parseServerEnv(safe).TRUSTED_PROXY_HOPS).toBe(0);
  });

  it("refuses a secret published in docker-compose.yml or .env.example", () => {
    // Every secret default in docker-compose.yml and every secret sample in .env.example is on the list
    // (and the defaults compose used to carry, which stay published in the history).
    const compose = readFileSync("docker-compose.yml", "utf8");
    const example = readFileSync(".env.example", "utf8");
    const published = [
      ...[...compose.matchAll(/(?:AUTH_SECRET|METRICS_TOKEN)=\$\{\w+:-([^}]+)\}/g)].map((match) => match[1]!),
      ...[...example.matchAll(/^# (?:AUTH_SECRET|METRICS_TOKEN|RESEND_API_KEY|INNGEST_SIGNING_KEY|INNGEST_EVENT_KEY)=(\S+)$/gm)].map(
        (match) => match[1]!,
      ),
    ];
    expect(published.length).toBeGreaterThanOrEqual(2);
    for (const value of published) expect(KNOWN_PLACEHOLDER_SECRETS.has(value), value).toBe(true);
    expect(problemsOf({ AUTH_SECRET: "compose-only-secret-change-me-0123456789" })).toMatch(/AUTH_SECRET is a published placeholder/);
    expect(problemsOf({ METRICS_TOKEN: "compose-metrics-token-change-me" })).toMatch(/METRICS_TOKEN is a published placeholder/);
    expect(problemsOf({ RESEND_API_KEY: "re_xxxxxxxx" })).toMatch(/RESEND_API_KEY is a published placeholder/);
  });

  it("refuses INNGEST_DEV", () => {
    expect(problemsOf({ INNGEST_DEV: "1" })).toMatch(/INNGEST_DEV must not be set in production/);
  });

  it("refuses a missing AUTH_SECRET, or one shorter than 32 bytes", () => {
    expect(problemsOf({ AUTH_SECRET: undefined })).toMatch(/AUTH_SECRET is required in production/);
    expect(problemsOf({ AUTH_SECRET: "short" })).toMatch(/AUTH_SECRET/);
  });

  it("refuses the local mailbox unless MAIL_TRANSPORT=mailbox says so", () => {
    expect(problemsOf({ RESEND_API_KEY: undefined })).toMatch(/MAIL_TRANSPORT/);
    expect(problemsOf({ RESEND_API_KEY: undefined, MAIL_TRANSPORT: "mailbox" })).toBe("");
    expect(mailTransportOf(parseServerEnv({ ...safe, MAIL_TRANSPORT: "mailbox" }))).toBe("mailbox");
    expect(mailTransportOf(parseServerEnv(safe))).toBe("resend");
  });

  it("names every refusal at once", () => {
    const message = problemsOf({ AUTH_SECRET: "compose-only-secret-change-me-0123456789", INNGEST_DEV: "1", RESEND_API_KEY: undefined });
    expect(message).toMatch(/AUTH_SECRET/);
    expect(message).toMatch(/INNGEST_DEV/);
    expect(message).toMatch(/MAIL_TRANSPORT/);
  });

  it("development keeps working with none of it", () => {
    expect(() => parseServerEnv({ NODE_ENV: "development", DATABASE_URL: safe.DATABASE_URL, INNGEST_DEV: "1" })).not.toThrow();
    expect(problemsOf({ NODE_ENV: "development", MAIL_TRANSPORT: "resend", RESEND_API_KEY: undefined })).toMatch(
      /RESEND_API_KEY is required when MAIL_TRANSPORT=resend/,
    );
  });
});
