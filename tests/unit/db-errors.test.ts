import { describe, expect, it } from "vitest";
import { isExclusionViolation, sqlStateOf } from "@/lib/db-errors";

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

  it("does not guess from message text", () => {
    expect(isExclusionViolation(new Error("violates exclusion constraint"))).toBe(false);
    expect(sqlStateOf(undefined)).toBeUndefined();
  });
});
