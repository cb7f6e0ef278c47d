import { describe, expect, it } from "vitest";
import pg from "pg";
import { isDatabaseUnavailable, isExclusionViolation, sqlStateOf } from "@/lib/db-errors";

describe("reading SQLSTATE from driver adapter errors", () => {
  it("finds the original code inside a Prisma known-request error", () => {
    const error = Object.assign(new Error("conflict"), {
      code: "P2039",
      meta: { driverAdapterError: { cause: { originalCode: "23P01", message: "conflicting key value" } } },
    });
    expect(sqlStateOf(error)).toBe("23P01");
    expect(isExclusionViolation(error)).toBe(true);
  });

  it("follows a cause chain", () => {
    const error = new Error("outer", { cause: { originalCode: "40001" } });
    expect(sqlStateOf(error)).toBe("40001");
    expect(isExclusionViolation(error)).toBe(false);
  });

  it("reads pg's own errors, as the hot reads on the pool receive them", () => {
    const shutdown = Object.assign(new pg.DatabaseError("terminating connection due to administrator command", 0, "error"), {
      severity: "FATAL",
      code: "57P01",
    });
    expect(sqlStateOf(shutdown)).toBe("57P01");
    expect(isDatabaseUnavailable(shutdown)).toBe(true);
    const syntax = Object.assign(new pg.DatabaseError("syntax error", 0, "error"), { severity: "ERROR", code: "42601" });
    expect(isDatabaseUnavailable(syntax)).toBe(false);
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {
      code: "ECONNREFUSED",
      syscall: "connect",
      errno: -111,
    });
    expect(isDatabaseUnavailable(refused)).toBe(true);
  });

  it("does not guess from message text", () => {
    expect(isExclusionViolation(new Error("violates exclusion constraint"))).toBe(false);
    expect(sqlStateOf(undefined)).toBeUndefined();
  });
});
