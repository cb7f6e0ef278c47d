import { InngestTestEngine } from "@inngest/test";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { toInngestFunction } from "@/inngest/to-inngest-function";
import type { Actor } from "@/lib/auth/actor";
import { hashToken } from "@/lib/auth/tokens";
import { bookAppointment, cancelAppointment } from "@/lib/booking/mutations";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { offerFreedTimeJob } from "@/lib/notifications/jobs/definitions/offer-freed-time";
import { publishPendingOutbox } from "@/lib/notifications/publisher";
import { bookFromOffer } from "@/lib/waitlist/book-offer";
import { findMatchingEntries } from "@/lib/waitlist/data";
import { handOnLapsedHolds } from "@/lib/waitlist/hand-on-lapsed-holds";
import { joinWaitlist } from "@/lib/waitlist/mutations";
import { bookVisit, cancelVisit } from "@/lib/visits/mutations";
import { offerFreedTime } from "@/lib/waitlist/offer-freed-time";
import { at, createBookingFixture, errorOf, MONDAY, type BookingFixture } from "../support/booking-fixtures";
import { useEmbeddedDelivery } from "../support/notifications-fixtures";

/**
 * The waitlist end to end on a real database: a freed time reaches exactly the matching entries, once,
 * by email with a one-time link; the booking race is decided by the exclusion constraint.
 */

let f: BookingFixture;
let day = 0;
const customer = async (name: string) => {
  const user = await db.user.create({
    data: { name, email: `${name.toLowerCase()}.${Date.now()}.${day}@wait.test`, emailVerified: new Date() },
  });
  return { id: user.id, actor: { kind: "user", userId: user.id, role: "CUSTOMER" } as Actor };
};
const offerEmailsTo = (email: string) => db.emailMessage.findMany({ where: { kind: "waitlist.offer", to: email } });

/** A fresh Monday each test (a week apart), so earlier tests' bookings and entries never interfere. */
function nextMonday(): string {
  const date = new Date(`${MONDAY}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 7 * day++);
  return date.toISOString().slice(0, 10);
}

async function bookAmyAt(date: string, time: string, customerId: string) {
  return bookAppointment(f.actors.admin, {
    customerId,
    serviceId: f.cut,
    staffId: f.amy,
    startsAt: at(`${date}T${time}`),
    source: "DASHBOARD",
  });
}

async function join(
  who: { id: string; actor: Actor },
  date: string,
  extra: { staffId?: string; windows?: ("morning" | "afternoon" | "evening")[] },
) {
  return joinWaitlist(who.actor, { customerId: who.id, serviceIds: [f.cut], from: date, to: date, source: "WEB", ...extra });
}

beforeAll(async () => {
  useEmbeddedDelivery();
  // A horizon long enough for the 2030 test days from today's real clock (the offering runs on it).
  f = await createBookingFixture({ bookingHorizonDays: 3650, minNoticeMinutes: 0 });
});

beforeEach(async () => {
  await db.salonSettings.update({ where: { id: 1 }, data: { waitlistOfferMode: "ALL_AT_ONCE", waitlistHoldMinutes: 15 } });
});

describe("offering a freed time", () => {
  it("emails the two matching entries once each, and none to another stylist's or another window's", async () => {
    const date = nextMonday();
    const [alice, bob, carol, dave, eve] = await Promise.all(["Alice", "Bob", "Carol", "Dave", "Eve"].map(customer));
    const booked = await bookAmyAt(date, "10:00", eve!.id);
    await join(alice!, date, { staffId: f.amy, windows: ["morning"] });
    await join(bob!, date, {});
    await join(carol!, date, { staffId: f.ben });
    await join(dave!, date, { staffId: f.amy, windows: ["evening"] });
    await publishPendingOutbox();

    const started = performance.now();
    await cancelAppointment(f.actors.admin, { appointmentId: booked.id, reason: "Stylist ill" });
    await publishPendingOutbox();
    const elapsedMs = performance.now() - started;

    const emails = await db.emailMessage.findMany({ where: { kind: "waitlist.offer" }, include: { mailboxCopy: true } });
    const to = async (who: { id: string }) => (await db.user.findUniqueOrThrow({ where: { id: who.id } })).email;
    expect((await offerEmailsTo(await to(alice!))).length).toBe(1);
    expect((await offerEmailsTo(await to(bob!))).length).toBe(1);
    expect((await offerEmailsTo(await to(carol!))).length).toBe(0);
    expect((await offerEmailsTo(await to(dave!))).length).toBe(0);
    expect(elapsedMs).toBeLessThan(10_000);

    // The log keeps the email without its link; only the recipient's own message holds the token.
    const aliceEmail = emails.find((email) => email.to === emails[0]!.to)!;
    expect(aliceEmail.html).not.toContain("token=");
    const link = /\/waitlist\/offer\?token=([\w-]+)/.exec(aliceEmail.mailboxCopy!.html)?.[1];
    expect(link).toBeDefined();
    const offer = await db.waitlistOffer.findUniqueOrThrow({ where: { tokenHash: hashToken(link!) } });
    expect(offer).toMatchObject({ staffId: f.amy, startsAt: at(`${date}T10:00`), status: "OFFERED" });
    expect(JSON.stringify(offer)).not.toContain(link!);
  });

  it("never offers the same freed time twice to one entry", async () => {
    const date = nextMonday();
    const [alice, eve] = await Promise.all(["Alice", "Eve"].map(customer));
    const booked = await bookAmyAt(date, "11:30", eve!.id);
    await join(alice!, date, { staffId: f.amy });
    await cancelAppointment(f.actors.admin, { appointmentId: booked.id, reason: "Moved away" });
    const freed = { staffId: f.amy, from: at(`${date}T11:30`), until: at(`${date}T12:40`) };
    const first = await offerFreedTime(freed);
    const again = await offerFreedTime(freed);
    expect(first.offerIds).toHaveLength(1);
    expect(again.offerIds).toHaveLength(0);
  });

  it("never matches an entry whose range has ended", async () => {
    const date = nextMonday();
    const alice = await customer("Alice");
    const entry = await join(alice, date, {});
    const freed = { staffId: f.amy, from: at(`${date}T09:00`), until: at(`${date}T17:00`) };
    const ids = async (now: Date) => (await findMatchingEntries(freed, now)).map((match) => match.id);
    expect(await ids(at(`${date}T08:00`))).toContain(entry.id);
    expect(await ids(new Date(entry.rangeUntil.getTime() + 60_000))).not.toContain(entry.id);
  });
});

describe("confirming an offer", () => {
  it("books once when two customers confirm at the same moment; the other keeps the entry", async () => {
    const date = nextMonday();
    const [alice, bob, eve] = await Promise.all(["Alice", "Bob", "Eve"].map(customer));
    const booked = await bookAmyAt(date, "14:00", eve!.id);
    const aliceEntry = await join(alice!, date, { staffId: f.amy });
    const bobEntry = await join(bob!, date, {});
    await cancelAppointment(f.actors.admin, { appointmentId: booked.id, reason: "Cancelled by phone" });
    const round = await offerFreedTime({ staffId: f.amy, from: at(`${date}T14:00`), until: at(`${date}T15:10`) });
    expect(round.offerIds).toHaveLength(2);
    const offers = await db.waitlistOffer.findMany({ where: { id: { in: round.offerIds } } });
    const offerOf = (entryId: string) => offers.find((offer) => offer.entryId === entryId)!.id;

    const results = await Promise.allSettled([
      bookFromOffer(alice!.actor, offerOf(aliceEntry.id)),
      bookFromOffer(bob!.actor, offerOf(bobEntry.id)),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((result) => result.status === "rejected")!;
    expect(lost.reason).toBeInstanceOf(AppError);
    expect((lost.reason as AppError).code).toBe("SLOT_UNAVAILABLE");

    const entries = await db.waitlistEntry.findMany({ where: { id: { in: [aliceEntry.id, bobEntry.id] } } });
    expect(entries.map((entry) => entry.status).sort()).toEqual(["ACTIVE", "FULFILLED"]);
    const statuses = (await db.waitlistOffer.findMany({ where: { id: { in: round.offerIds } } })).map((offer) => offer.status).sort();
    expect(statuses).toEqual(["BOOKED", "TAKEN"]);
    // The spent link cannot book again.
    const winner = results[0]!.status === "fulfilled" ? alice! : bob!;
    const winnerEntry = winner === alice ? aliceEntry : bobEntry;
    expect(await errorOf(bookFromOffer(winner.actor, offerOf(winnerEntry.id)))).toMatchObject({ code: "CONFLICT" });
  });

  it("refuses an offer to someone else as if it did not exist", async () => {
    const date = nextMonday();
    const [alice, mallory, eve] = await Promise.all(["Alice", "Mallory", "Eve"].map(customer));
    const booked = await bookAmyAt(date, "09:00", eve!.id);
    await join(alice!, date, { staffId: f.amy });
    await cancelAppointment(f.actors.admin, { appointmentId: booked.id, reason: "Ill" });
    const { offerIds } = await offerFreedTime({ staffId: f.amy, from: at(`${date}T09:00`), until: at(`${date}T10:10`) });
    expect(await errorOf(bookFromOffer(mallory!.actor, offerIds[0]!))).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("one at a time", () => {
  it("offers the next entry only after the first one's hold ends", async () => {
    await db.salonSettings.update({ where: { id: 1 }, data: { waitlistOfferMode: "ONE_AT_A_TIME", waitlistHoldMinutes: 15 } });
    const date = nextMonday();
    const [alice, bob, eve] = await Promise.all(["Alice", "Bob", "Eve"].map(customer));
    const booked = await bookAmyAt(date, "15:00", eve!.id);
    const first = await join(alice!, date, {});
    const second = await join(bob!, date, {});
    await cancelAppointment(f.actors.admin, { appointmentId: booked.id, reason: "Ill" });
    await publishPendingOutbox();

    const offersOf = (entryId: string) => db.waitlistOffer.findMany({ where: { entryId } });
    expect(await offersOf(first.id)).toHaveLength(1);
    expect(await offersOf(second.id)).toHaveLength(0);
    const now = Date.now();
    await handOnLapsedHolds(new Date(now + 5 * 60_000));
    expect(await offersOf(second.id)).toHaveLength(0);
    await handOnLapsedHolds(new Date(now + 16 * 60_000));
    expect(await offersOf(second.id)).toHaveLength(1);
    // The first customer's hold has passed: their link no longer books.
    const [held] = await offersOf(first.id);
    expect(await errorOf(bookFromOffer(alice!.actor, held!.id, new Date(now + 16 * 60_000)))).toMatchObject({ code: "SLOT_UNAVAILABLE" });
  });
});

describe("through Inngest", () => {
  it("the real function offers and emails a cancellation's time", { timeout: 30_000 }, async () => {
    const date = nextMonday();
    const [alice, eve] = await Promise.all(["Alice", "Eve"].map(customer));
    const booked = await bookAmyAt(date, "11:00", eve!.id);
    await join(alice!, date, {});
    await publishPendingOutbox();
    const cancelled = await cancelAppointment(f.actors.admin, { appointmentId: booked.id, reason: "Ill" });
    const engine = new InngestTestEngine({
      function: toInngestFunction(offerFreedTimeJob),
      events: [{ name: "appointment.cancelled", data: { appointmentId: booked.id, version: cancelled.version, reason: "Ill" } }],
    });
    const { result, error } = await engine.execute();
    expect(error).toBeUndefined();
    expect(result).toEqual({ offered: 1 });
    const email = (await db.user.findUniqueOrThrow({ where: { id: alice!.id } })).email;
    expect(await offerEmailsTo(email)).toHaveLength(1);
  });
});

describe("time a visit frees", () => {
  it("reaches the waitlist when a whole visit is cancelled, like a single appointment's", async () => {
    const date = nextMonday();
    const [alice, eve] = await Promise.all(["Alice", "Eve"].map(customer));
    const visit = await bookVisit(f.actors.admin, {
      customerId: eve!.id,
      startsAt: at(`${date}T09:00`),
      items: [
        { serviceId: f.cut, staffId: f.amy },
        { serviceId: f.massage, staffId: f.amy },
      ],
      source: "DASHBOARD",
    });
    await join(alice!, date, { staffId: f.amy, windows: ["morning"] });
    await publishPendingOutbox();

    await cancelVisit(f.actors.admin, { visitId: visit.id, reason: "Salon closed" });
    await publishPendingOutbox();

    const offers = await db.waitlistOffer.findMany({ where: { staffId: f.amy, entry: { customerId: alice!.id } } });
    expect(offers.length).toBeGreaterThan(0);
    expect(offers.every((offer) => offer.startsAt >= visit.startsAt && offer.startsAt < visit.endsAt)).toBe(true);
  });
});
