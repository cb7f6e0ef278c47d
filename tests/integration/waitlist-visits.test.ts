import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { bookAppointment, cancelAppointment } from "@/lib/booking/mutations";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { publishPendingOutbox } from "@/lib/notifications/publisher";
import { bookFromOffer } from "@/lib/waitlist/book-offer";
import { loadCustomerWaitlist } from "@/lib/waitlist/data";
import { joinWaitlist } from "@/lib/waitlist/mutations";
import { offerSegments } from "@/lib/waitlist/offer-segments";
import { at, createBookingFixture, errorOf, MONDAY, type BookingFixture } from "../support/booking-fixtures";
import { useEmbeddedDelivery } from "../support/notifications-fixtures";

/**
 * The waitlist for a visit of several services on a real database: a freed time is offered only when the
 * whole visit fits, the email names every segment, and the offer books the visit whole or not at all.
 */

let f: BookingFixture;
let week = 0;
const customer = async (name: string) => {
  const user = await db.user.create({
    data: { name, email: `${name.toLowerCase()}.${Date.now()}.${week}@visit-wait.test`, emailVerified: new Date() },
  });
  return { id: user.id, email: user.email, actor: { kind: "user", userId: user.id, role: "CUSTOMER" } as Actor };
};

/** A fresh Monday a year after the other waitlist tests' days, a week apart per test. */
function nextMonday(): string {
  const date = new Date(`${MONDAY}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 364 + 7 * week++);
  return date.toISOString().slice(0, 10);
}

/**
 * A stylist's day taken by other customers' cuts (by default Amy's, 09:00–13:00 and 14:00–17:00), so no
 * cut-then-massage visit and no cut fits; returns the bookings by their start.
 */
async function fillAmysDay(date: string, staffId = f.amy, starts = ["09:00", "10:15", "11:30", "14:00", "15:15"]) {
  const someone = await customer("Someone");
  const booked: Record<string, string> = {};
  for (const time of starts) {
    const view = await bookAppointment(f.actors.admin, {
      customerId: someone.id,
      serviceId: f.cut,
      staffId,
      startsAt: at(`${date}T${time}`),
      source: "DASHBOARD",
    });
    booked[time] = view.id;
  }
  return booked;
}

const joinVisit = (who: { id: string; actor: Actor }, date: string, staffId: string | null = f.amy) =>
  joinWaitlist(who.actor, { customerId: who.id, serviceIds: [f.cut, f.massage], staffId, from: date, to: date, source: "WEB" });

const cancel = async (appointmentId: string) => {
  await cancelAppointment(f.actors.admin, { appointmentId, reason: "Phoned to cancel" });
  await publishPendingOutbox();
};

const offersOf = (entryId: string) => db.waitlistOffer.findMany({ where: { entryId }, orderBy: { createdAt: "asc" } });

beforeAll(async () => {
  useEmbeddedDelivery();
  f = await createBookingFixture({ bookingHorizonDays: 3650, minNoticeMinutes: 0 });
});

beforeEach(async () => {
  await db.salonSettings.update({ where: { id: 1 }, data: { waitlistOfferMode: "ALL_AT_ONCE", waitlistHoldMinutes: 15 } });
});

describe("a visit on the waitlist", () => {
  it("is offered a freed time only when both services fit, while a single cut is offered the first", async () => {
    const date = nextMonday();
    const booked = await fillAmysDay(date);
    const [alice, bob] = await Promise.all(["Alice", "Bob"].map(customer));
    const visitEntry = await joinVisit(alice!, date);
    const cutEntry = await joinWaitlist(bob!.actor, {
      customerId: bob!.id,
      serviceIds: [f.cut],
      staffId: f.amy,
      from: date,
      to: date,
      source: "WEB",
    });
    await publishPendingOutbox();

    // 09:00–10:15 is room for the cut but not for the massage after it.
    await cancel(booked["09:00"]!);
    expect(await offersOf(visitEntry.id)).toHaveLength(0);
    expect(await db.emailMessage.count({ where: { kind: "waitlist.offer", to: alice!.email } })).toBe(0);
    const [cutOffer] = await offersOf(cutEntry.id);
    expect(cutOffer).toMatchObject({ serviceId: f.cut, startsAt: at(`${date}T09:00`), segments: [] });

    // With 10:15 free as well, the whole visit fits from 09:00.
    await cancel(booked["10:15"]!);
    const offers = await offersOf(visitEntry.id);
    expect(offers).toHaveLength(1);
    const segments = offerSegments(offers[0]!);
    expect(segments.map((segment) => [segment.serviceId, segment.staffId])).toEqual([
      [f.cut, f.amy],
      [f.massage, f.amy],
    ]);
    expect(segments[0]!.startsAt).toEqual(at(`${date}T09:00`));
    expect(segments[1]!.startsAt.getTime()).toBeGreaterThanOrEqual(segments[0]!.endsAt.getTime());
    expect(segments[1]!.endsAt.getTime()).toBeLessThanOrEqual(at(`${date}T11:30`).getTime());

    const [email] = await db.emailMessage.findMany({ where: { kind: "waitlist.offer", to: alice!.email } });
    expect(email!.subject).toContain("cut, then massage");
    expect(email!.text).toMatch(/1 of 2: cut with Amy \(stylist\)/);
    expect(email!.text).toMatch(/2 of 2: massage with Amy \(stylist\)/);
  });

  it("books one visit of two segments from the offer, and the entry is fulfilled", async () => {
    const date = nextMonday();
    const booked = await fillAmysDay(date);
    const alice = await customer("Alice");
    const entry = await joinVisit(alice, date);
    await cancel(booked["09:00"]!);
    await cancel(booked["10:15"]!);
    const [offer] = await offersOf(entry.id);
    expect(offer).toBeDefined();

    const first = await bookFromOffer(alice.actor, offer!.id);
    const appointments = await db.appointment.findMany({ where: { customerId: alice.id }, orderBy: { visitPosition: "asc" } });
    expect(appointments).toHaveLength(2);
    expect(appointments[0]!.id).toBe(first.id);
    expect(new Set(appointments.map((appointment) => appointment.visitId)).size).toBe(1);
    expect(appointments.map((appointment) => [appointment.serviceId, appointment.status])).toEqual([
      [f.cut, "BOOKED"],
      [f.massage, "BOOKED"],
    ]);
    expect(appointments.map((appointment) => appointment.startsAt)).toEqual(offerSegments(offer!).map((segment) => segment.startsAt));
    expect((await db.waitlistEntry.findUniqueOrThrow({ where: { id: entry.id } })).status).toBe("FULFILLED");
    expect((await db.waitlistOffer.findUniqueOrThrow({ where: { id: offer!.id } })).status).toBe("BOOKED");
    expect(await errorOf(bookFromOffer(alice.actor, offer!.id))).toMatchObject({ code: "CONFLICT" });
  });

  it("books one visit when two customers confirm the same time at once; the other has nothing half-booked", async () => {
    const date = nextMonday();
    const booked = await fillAmysDay(date);
    const [alice, carol] = await Promise.all(["Alice", "Carol"].map(customer));
    const aliceEntry = await joinVisit(alice!, date);
    const carolEntry = await joinVisit(carol!, date);
    await cancel(booked["09:00"]!);
    await cancel(booked["10:15"]!);
    const [aliceOffer] = await offersOf(aliceEntry.id);
    const [carolOffer] = await offersOf(carolEntry.id);
    expect(aliceOffer!.startsAt).toEqual(carolOffer!.startsAt);

    const results = await Promise.allSettled([bookFromOffer(alice!.actor, aliceOffer!.id), bookFromOffer(carol!.actor, carolOffer!.id)]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((result) => result.status === "rejected")!;
    expect(lost.reason).toBeInstanceOf(AppError);
    expect((lost.reason as AppError).code).toBe("SLOT_UNAVAILABLE");

    const counts = await Promise.all([alice!, carol!].map((who) => db.appointment.count({ where: { customerId: who.id } })));
    expect(counts.sort()).toEqual([0, 2]);
    const entries = await db.waitlistEntry.findMany({ where: { id: { in: [aliceEntry.id, carolEntry.id] } } });
    expect(entries.map((entry) => entry.status).sort()).toEqual(["ACTIVE", "FULFILLED"]);
  });

  it("with anyone, offers the visit when the freed stylist can take its second service", async () => {
    const date = nextMonday();
    const amys = await fillAmysDay(date);
    // Ben (09:00–17:00) is free only until 10:30: room for the cut, never for the massage after it.
    await fillAmysDay(date, f.ben, ["10:30", "11:45", "13:00", "14:15", "15:30"]);
    const alice = await customer("Alice");
    const entry = await joinVisit(alice, date, null);
    expect(await offersOf(entry.id)).toHaveLength(0);

    // Amy's 10:15 freed: Ben's cut at 09:15, then Amy's massage from 10:15.
    await cancel(amys["10:15"]!);
    const [offer] = await offersOf(entry.id);
    expect(offerSegments(offer!).map((segment) => [segment.serviceId, segment.staffId])).toEqual([
      [f.cut, f.ben],
      [f.massage, f.amy],
    ]);
    // The offer's own columns name the freed stylist's segment, so a second announcement is no news.
    expect(offer).toMatchObject({ serviceId: f.massage, staffId: f.amy, startsAt: at(`${date}T10:15`) });
    expect(offerSegments(offer!)[0]!.startsAt).toEqual(at(`${date}T09:15`));
    // "My appointments" shows it until the visit would begin, not until its freed segment would.
    expect((await loadCustomerWaitlist(alice.id, at(`${date}T09:00`))).offers.map((shown) => shown.id)).toEqual([offer!.id]);
    expect((await loadCustomerWaitlist(alice.id, at(`${date}T09:30`))).offers).toEqual([]);
    await bookFromOffer(alice.actor, offer!.id);
    const booked = await db.appointment.findMany({ where: { customerId: alice.id }, orderBy: { visitPosition: "asc" } });
    expect(booked.map((appointment) => appointment.staffId)).toEqual([f.ben, f.amy]);
  });

  it("refuses a stylist who does not do every service of the visit", async () => {
    const date = nextMonday();
    const alice = await customer("Alice");
    const refused = await errorOf(
      joinWaitlist(alice.actor, {
        customerId: alice.id,
        serviceIds: [f.cut, f.colour],
        staffId: f.amy,
        from: date,
        to: date,
        source: "WEB",
      }),
    );
    expect(refused).toMatchObject({ code: "VALIDATION" });
  });
});
