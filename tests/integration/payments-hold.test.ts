import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { bookAppointment, cancelAppointment } from "@/lib/booking/mutations";
import { getAvailability } from "@/lib/booking/data";
import { AppError } from "@/lib/errors";
import { expireLapsedPaymentHolds, expirePaymentHold } from "@/lib/payments/mutations";
import { at, createBookingFixture, errorOf, NOW_2030, type BookingFixture } from "../support/booking-fixtures";

/**
 * A booking of a deposit service holds its slot as PENDING_PAYMENT, under the same exclusion constraint
 * as a booking, until it is paid or its hold runs out.
 */

let f: BookingFixture;
const now = { now: NOW_2030 };
const HOLD_MS = 15 * 60_000;

beforeAll(async () => {
  f = await createBookingFixture();
  await db.service.update({ where: { id: f.cut }, data: { depositCents: 1000 } });
  await db.service.update({ where: { id: f.massage }, data: { depositPercent: 20 } });
});

const book = (customer: "alice" | "bob", startsAt: Date, extra: Record<string, unknown> = {}) =>
  bookAppointment(
    f.actors[customer],
    { customerId: f[customer], serviceId: f.cut, staffId: f.amy, startsAt, source: "WEB", ...extra },
    now,
  );

const outboxTypes = async (appointmentId: string) =>
  (await db.outboxEvent.findMany({ where: { appointmentId }, orderBy: { createdAt: "asc" } })).map((row) => row.type);

const freeStarts = async (serviceId: string, staffId: string, day: string) =>
  (await getAvailability({ serviceId, staffId, from: at(`${day}T00:00`), to: at(`${day}T23:59`) }, NOW_2030)).slots.map((slot) =>
    slot.startsAt.toISOString(),
  );

describe("a booking that needs a deposit", () => {
  it("is written as PENDING_PAYMENT with its deposit and the end of its hold, and no confirmation is announced", async () => {
    const held = await book("alice", at("2030-01-07T10:00"));
    expect(held.status).toBe("PENDING_PAYMENT");
    const row = await db.appointment.findUniqueOrThrow({ where: { id: held.id } });
    expect(row).toMatchObject({ depositCents: 1000, paymentHoldUntil: new Date(NOW_2030.getTime() + HOLD_MS) });
    expect(await outboxTypes(held.id)).toEqual(["appointment.payment-pending"]);
  });

  it("takes a percentage of the price when the service says so", async () => {
    const held = await bookAppointment(
      f.actors.bob,
      { customerId: f.bob, serviceId: f.massage, staffId: f.ben, startsAt: at("2030-01-07T14:00"), source: "WEB" },
      now,
    );
    // 20 % of 45.00
    expect((await db.appointment.findUniqueOrThrow({ where: { id: held.id } })).depositCents).toBe(900);
  });

  it("holds its slot like a booking: nobody else can book it, and it is not offered", async () => {
    const startsAt = at("2030-01-08T10:00");
    await book("alice", startsAt);
    expect(await freeStarts(f.cut, f.amy, "2030-01-08")).not.toContain(startsAt.toISOString());
    const error = await errorOf(book("bob", startsAt));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("SLOT_UNAVAILABLE");
  });

  it("counts toward the customer's cap of upcoming bookings", async () => {
    await db.salonSettings.update({ where: { id: 1 }, data: { maxFutureBookingsPerCustomer: 1 } });
    try {
      const fresh = await db.user.create({ data: { name: "Cap", email: `cap.${process.pid}@test.test`, emailVerified: new Date() } });
      const actor = { kind: "user", userId: fresh.id, role: "CUSTOMER" } as const;
      const input = { customerId: fresh.id, serviceId: f.cut, staffId: f.ben, source: "WEB" } as const;
      await bookAppointment(actor, { ...input, startsAt: at("2030-01-09T10:00") }, now);
      const error = await errorOf(bookAppointment(actor, { ...input, startsAt: at("2030-01-09T12:00") }, now));
      expect((error as AppError).code).toBe("BOOKING_LIMIT_REACHED");
    } finally {
      await db.salonSettings.update({ where: { id: 1 }, data: { maxFutureBookingsPerCustomer: 100 } });
    }
  });

  it("is BOOKED at once when staff waive the deposit; a customer cannot waive it", async () => {
    const waived = await bookAppointment(
      f.actors.staff,
      { customerId: f.bob, serviceId: f.cut, staffId: f.ben, startsAt: at("2030-01-10T10:00"), source: "DASHBOARD", payment: "waived" },
      now,
    );
    expect(waived.status).toBe("BOOKED");
    expect(await outboxTypes(waived.id)).toEqual(["appointment.created"]);
    const error = await errorOf(book("alice", at("2030-01-10T12:00"), { payment: "waived" }));
    expect((error as AppError).code).toBe("FORBIDDEN");
  });

  it("can be given up by its customer before it is paid, which frees the slot", async () => {
    const startsAt = at("2030-01-11T10:00");
    const held = await book("alice", startsAt);
    await cancelAppointment(f.actors.alice, { appointmentId: held.id }, { now: NOW_2030 });
    expect(await freeStarts(f.cut, f.amy, "2030-01-11")).toContain(startsAt.toISOString());
  });
});

describe("the hold running out", () => {
  it("leaves a hold alone before its end", async () => {
    const held = await book("alice", at("2030-01-14T10:00"));
    expect(await expirePaymentHold(held.id, new Date(NOW_2030.getTime() + HOLD_MS - 1000))).toBe("no-effect");
    expect((await db.appointment.findUniqueOrThrow({ where: { id: held.id } })).status).toBe("PENDING_PAYMENT");
  });

  it("expires it after its end: EXPIRED, the slot offered again, and the waitlist told of the freed time", async () => {
    const startsAt = at("2030-01-15T10:00");
    const held = await book("alice", startsAt);
    expect(await expirePaymentHold(held.id, new Date(NOW_2030.getTime() + HOLD_MS))).toBe("expired");
    expect((await db.appointment.findUniqueOrThrow({ where: { id: held.id } })).status).toBe("EXPIRED");
    expect(await freeStarts(f.cut, f.amy, "2030-01-15")).toContain(startsAt.toISOString());
    expect(await outboxTypes(held.id)).toEqual(["appointment.payment-pending", "appointment.expired"]);
    // Expiring twice (the timer and the relay's sweep) changes nothing more.
    expect(await expirePaymentHold(held.id, new Date(NOW_2030.getTime() + HOLD_MS))).toBe("no-effect");
  });

  it("is swept by the relay's fallback for every lapsed hold", async () => {
    const held = await book("bob", at("2030-01-16T10:00"));
    expect(await expireLapsedPaymentHolds(new Date(NOW_2030.getTime() + HOLD_MS + 1))).toBeGreaterThanOrEqual(1);
    expect((await db.appointment.findUniqueOrThrow({ where: { id: held.id } })).status).toBe("EXPIRED");
  });
});

describe("20 customers racing for one deposit slot", () => {
  it("gives one of them the hold and the other 19 SLOT_UNAVAILABLE; after the hold the slot is offered again", async () => {
    const startsAt = at("2030-01-21T10:00");
    const customers = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        db.user.create({ data: { name: `Racer ${index}`, email: `racer.${index}.${process.pid}@test.test`, emailVerified: new Date() } }),
      ),
    );
    const results = await Promise.allSettled(
      customers.map((customer) =>
        bookAppointment(
          { kind: "user", userId: customer.id, role: "CUSTOMER" },
          { customerId: customer.id, serviceId: f.cut, staffId: f.amy, startsAt, source: "WEB" },
          now,
        ),
      ),
    );
    const won = results.filter((result) => result.status === "fulfilled");
    const codes = results.flatMap((result) => (result.status === "rejected" ? [(result.reason as AppError).code] : []));
    expect(won).toHaveLength(1);
    expect(codes).toEqual(Array.from({ length: 19 }, () => "SLOT_UNAVAILABLE"));
    const holds = await db.appointment.findMany({ where: { staffId: f.amy, startsAt, status: "PENDING_PAYMENT" } });
    expect(holds).toHaveLength(1);

    await expirePaymentHold(holds[0]!.id, new Date(NOW_2030.getTime() + HOLD_MS));
    expect(await freeStarts(f.cut, f.amy, "2030-01-21")).toContain(startsAt.toISOString());
  }, 120_000);
});
