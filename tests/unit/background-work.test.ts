import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

/**
 * A test file's database (or a stopping server's) goes away right after its last request: the retry
 * timer and the sends it started must be stoppable, and stopping must wait for a send in flight.
 */
const sendDueWebhookDeliveries = vi.fn();
vi.mock("@/lib/webhooks/send-deliveries", () => ({ sendDueWebhookDeliveries }));

async function freshModules() {
  vi.resetModules();
  const background = await import("@/lib/background-work");
  const { armWebhookRetryTimer } = await import("@/lib/webhooks/retry-timer");
  return { ...background, armWebhookRetryTimer };
}

const later = (ms: number) => new Date(Date.now() + ms);

describe("webhook retry timer", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    sendDueWebhookDeliveries.mockReset();
  });
  afterEach(() => vi.useRealTimers());

  it("sends the due retries when the timer fires, and re-arms for the next one", async () => {
    const { armWebhookRetryTimer } = await freshModules();
    sendDueWebhookDeliveries.mockResolvedValueOnce({ nextAttemptAt: later(2_000) }).mockResolvedValue({ nextAttemptAt: null });
    armWebhookRetryTimer(later(1_000));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sendDueWebhookDeliveries).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(sendDueWebhookDeliveries).toHaveBeenCalledTimes(2);
  });

  it("sends nothing more once background work is stopped, and arming again does nothing", async () => {
    const { armWebhookRetryTimer, stopBackgroundWork } = await freshModules();
    armWebhookRetryTimer(later(1_000));
    await stopBackgroundWork();
    armWebhookRetryTimer(later(500));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sendDueWebhookDeliveries).not.toHaveBeenCalled();
  });

  it("stopping waits for a sweep in flight to finish", async () => {
    const { armWebhookRetryTimer, stopBackgroundWork } = await freshModules();
    let finish!: (summary: { nextAttemptAt: Date | null }) => void;
    sendDueWebhookDeliveries.mockReturnValue(new Promise((resolve) => (finish = resolve)));
    armWebhookRetryTimer(later(100));
    await vi.advanceTimersByTimeAsync(100);
    let stopped = false;
    const stopping = stopBackgroundWork().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(stopped).toBe(false);
    // The sweep finds another retry due: it ends without arming a timer that would outlive the stop.
    finish({ nextAttemptAt: later(50) });
    await stopping;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sendDueWebhookDeliveries).toHaveBeenCalledTimes(1);
  });
});

describe("after-response work outside a request", () => {
  it("is awaited by stopBackgroundWork, including the work it starts", async () => {
    vi.resetModules();
    const { runAfterResponse } = await import("@/lib/after-response");
    const { stopBackgroundWork, trackBackgroundWork } = await import("@/lib/background-work");
    const done: string[] = [];
    const pause = () => new Promise((resolve) => setTimeout(resolve, 20));
    void runAfterResponse(async () => {
      await pause();
      done.push("first");
      void trackBackgroundWork(pause().then(() => done.push("started by the first")));
    });
    await stopBackgroundWork();
    expect(done).toEqual(["first", "started by the first"]);
  });
});
