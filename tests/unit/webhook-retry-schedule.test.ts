import { describe, expect, it } from "vitest";
import { parseServerEnv } from "@/lib/env";
import { DEFAULT_RETRY_SCHEDULE, nextAttemptDelayMs, parseRetrySchedule } from "@/lib/webhooks/retry-schedule";

describe("webhook retry schedule", () => {
  it("defaults to immediately, then 10 s, 1 min, 10 min, 1 h, 6 h and 24 h", () => {
    expect(parseRetrySchedule(DEFAULT_RETRY_SCHEDULE)).toEqual([0, 10_000, 60_000, 600_000, 3_600_000, 21_600_000, 86_400_000]);
  });

  it("gives the wait before each attempt, and null once the schedule is used up", () => {
    const schedule = parseRetrySchedule("0, 250ms, 2s");
    expect([0, 1, 2, 3].map((attempts) => nextAttemptDelayMs(schedule, attempts))).toEqual([0, 250, 2_000, null]);
  });

  it("stops the process with WEBHOOK_RETRY_SCHEDULE named when an entry is not a duration", () => {
    expect(() => parseServerEnv({ DATABASE_URL: "postgresql://x/y", WEBHOOK_RETRY_SCHEDULE: "0,10 seconds" })).toThrow(
      /WEBHOOK_RETRY_SCHEDULE "10 seconds" is not a duration/,
    );
  });
});
