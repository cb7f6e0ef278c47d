import { describe, expect, it } from "vitest";
import { InvalidEnvironmentError, parseServerEnv } from "@/lib/env";

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
});
