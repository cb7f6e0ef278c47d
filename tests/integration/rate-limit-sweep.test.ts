import { afterEach, describe, expect, it, vi } from "vitest";
import { takeSignInAttempt } from "@/lib/auth/mutations";
import { db } from "@/lib/db";
import { bookingChangesPerCustomer } from "@/lib/rate-limit/policies";
import { takeAllowance } from "@/lib/rate-limit/take-allowance";

/** Old rate-limit windows are swept by a share of requests; a running lockout must survive every sweep. */

afterEach(() => {
  vi.restoreAllMocks();
});

describe("sweeping old rate-limit windows", () => {
  it("drops ended windows but keeps a sign-in lockout that is still running", async () => {
    const email = `sweep.${process.pid}@test.test`;
    await takeSignInAttempt(email, null, new Date("2030-01-01T09:40:00Z")); // window 09:30–09:45, ended
    await takeSignInAttempt(email, null, new Date("2030-01-01T10:01:00Z")); // window 10:00–10:15, running
    vi.spyOn(Math, "random").mockReturnValue(0); // this request sweeps
    await takeAllowance(bookingChangesPerCustomer, "someone", new Date("2030-01-01T10:14:00Z"));
    const key = `sign-in:account:${email}`;
    await vi.waitFor(async () => {
      expect(await db.rateLimitCounter.count({ where: { key, windowStart: new Date("2030-01-01T09:30:00Z") } })).toBe(0);
    });
    expect(await db.rateLimitCounter.findMany({ where: { key }, select: { windowStart: true, count: true } })).toEqual([
      { windowStart: new Date("2030-01-01T10:00:00Z"), count: 1 },
    ]);
  });
});
