import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { bookAppointment } from "@/lib/booking/mutations";
import { listPayments, paymentTotals } from "@/lib/payments/data";
import { at, createBookingFixture, NOW_2030, type BookingFixture } from "../support/booking-fixtures";

/** The dashboard's payments list: every row, newest first, filtered, paged by keyset, with the range's totals. */

let f: BookingFixture;
let appointmentId: string;

const rows = [
  { kind: "DEPOSIT", status: "SUCCEEDED", amountCents: 1000, createdAt: at("2030-01-02T09:00") },
  { kind: "DEPOSIT", status: "SUCCEEDED", amountCents: 1500, createdAt: at("2030-01-03T09:00") },
  { kind: "REFUND", status: "SUCCEEDED", amountCents: 1000, createdAt: at("2030-01-03T12:00") },
  { kind: "NO_SHOW_FEE", status: "SUCCEEDED", amountCents: 3000, createdAt: at("2030-01-04T09:00") },
  { kind: "NO_SHOW_FEE", status: "FAILED", amountCents: 3000, createdAt: at("2030-01-04T08:00") },
  { kind: "DEPOSIT", status: "PENDING", amountCents: 2000, createdAt: at("2030-01-05T09:00") },
] as const;

beforeAll(async () => {
  f = await createBookingFixture();
  const booked = await bookAppointment(
    f.actors.staff,
    { customerId: f.alice, serviceId: f.cut, staffId: f.amy, startsAt: at("2030-01-07T10:00"), source: "DASHBOARD" },
    { now: NOW_2030 },
  );
  appointmentId = booked.id;
  for (const row of rows) {
    await db.payment.create({
      data: { ...row, appointmentId, currency: "GBP", triggeredByKind: "STAFF", triggeredById: f.ben },
    });
  }
});

describe("the payments list", () => {
  it("shows every payment newest first with its customer, appointment and who triggered it", async () => {
    const page = await listPayments({}, { limit: 50 });
    expect(page.items.map((item) => item.createdAt)).toEqual(
      [...rows].map((row) => row.createdAt).sort((a, b) => b.getTime() - a.getTime()),
    );
    expect(page.items[0]).toMatchObject({
      currency: "GBP",
      appointment: { id: appointmentId, customer: { name: "Alice" } },
      triggeredByKind: "STAFF",
      triggeredByName: "Ben",
    });
    expect(page.nextCursor).toBeNull();
  });

  it("walks every row exactly once page by page", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listPayments({}, { limit: 4, cursor });
      expect(page.items.length).toBeLessThanOrEqual(4);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(rows.length);
    expect(new Set(seen).size).toBe(rows.length);
  });

  it("filters by kind, status and date range", async () => {
    const fees = await listPayments({ kind: "NO_SHOW_FEE", status: "FAILED" }, { limit: 50 });
    expect(fees.items.map((item) => [item.kind, item.status])).toEqual([["NO_SHOW_FEE", "FAILED"]]);
    const third = await listPayments({ from: at("2030-01-03T00:00"), until: at("2030-01-04T00:00") }, { limit: 50 });
    expect(third.items.map((item) => item.kind)).toEqual(["REFUND", "DEPOSIT"]);
  });

  it("totals the succeeded money of the range: deposits taken, refunded, fees charged and net", async () => {
    expect(await paymentTotals({})).toEqual([
      { currency: "GBP", depositsCents: 2500, refundedCents: 1000, feesCents: 3000, netCents: 4500 },
    ]);
    expect(await paymentTotals({ from: at("2030-01-03T00:00"), until: at("2030-01-04T00:00") })).toEqual([
      { currency: "GBP", depositsCents: 1500, refundedCents: 1000, feesCents: 0, netCents: 500 },
    ]);
  });
});
