import { describe, expect, it } from "vitest";

process.env.DATABASE_URL ??= "postgresql://u:p@localhost:5432/db";
process.env.API_WRITE_CONCURRENCY = "2";
const { throughWriteGate } = await import("@/lib/api/write-gate");

describe("write gate", () => {
  it("runs at most API_WRITE_CONCURRENCY writes at once, queues the rest in order, and survives failures", async () => {
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const work = (i: number) => async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      order.push(i);
      if (i === 3) throw new Error("boom");
      return i;
    };
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => throughWriteGate(work(i))));
    expect(peak).toBe(2);
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(1);
    expect(order).toHaveLength(8);
    // The gate is free again afterwards.
    await expect(throughWriteGate(async () => "ok")).resolves.toBe("ok");
  });
});
