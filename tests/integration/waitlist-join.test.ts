import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { bookAppointment, finishAppointment } from "@/lib/booking/mutations";
import { db } from "@/lib/db";
import { publishPendingOutbox } from "@/lib/notifications/publisher";
import { addTimeOff, removeTimeOff, setWeeklyHours } from "@/lib/staff/mutations";
import { listWaitlistEntries } from "@/lib/waitlist/data";
import { freedTimeOf } from "@/lib/waitlist/freed-time-of";
import { offerFreedTime } from "@/lib/waitlist/offer-freed-time";
import { joinWaitlist, leaveWaitlist } from "@/lib/waitlist/mutations";
import { at, createBookingFixture, errorOf, NOW_2030, type BookingFixture } from "../support/booking-fixtures";
import { useEmbeddedDelivery } from "../support/notifications-fixtures";

/** Joining and leaving the waitlist, and the schedule changes that open time for it. */

let f: BookingFixture;
let n = 0;
const customer = async () => {
  const user = await db.user.create({
    data: { name: `Waiter ${++n}`, email: `waiter.${n}.${Date.now()}@wait.test`, emailVerified: new Date() },
  });
  return { id: user.id, email: user.email, actor: { kind: "user", userId: user.id, role: "CUSTOMER" } as Actor };
};
const entry = (who: { id: string }, from: string, to = from) => ({
  customerId: who.id,
  serviceIds: [f.cut],
  from,
  to,
  source: "WEB" as const,
});
const offersTo = (email: string) => db.emailMessage.count({ where: { kind: "waitlist.offer", to: email } });

beforeAll(async () => {
  useEmbeddedDelivery();
  f = await createBookingFixture({ bookingHorizonDays: 3650, minNoticeMinutes: 0 });
});

describe("joining the waitlist", () => {
  it("refuses a range over 30 days, one ending before it starts, and one starting in the past", async () => {
    const who = await customer();
    expect(await errorOf(joinWaitlist(who.actor, entry(who, "2030-01-01", "2030-01-31")))).toMatchObject({
      code: "VALIDATION",
      fieldErrors: [{ path: "to", message: "A waitlist entry covers at most 30 days." }],
    });
    expect(await errorOf(joinWaitlist(who.actor, entry(who, "2030-01-10", "2030-01-09")))).toMatchObject({ code: "VALIDATION" });
    expect(await errorOf(joinWaitlist(who.actor, entry(who, "2020-01-01")))).toMatchObject({
      fieldErrors: [{ path: "from", message: "The range cannot start in the past." }],
    });
  });

  it("holds a customer to the salon's number of active entries; leaving one frees a place", async () => {
    await db.salonSettings.update({ where: { id: 1 }, data: { maxWaitlistEntriesPerCustomer: 2 } });
    const who = await customer();
    const first = await joinWaitlist(who.actor, entry(who, "2030-02-01"));
    await joinWaitlist(who.actor, entry(who, "2030-02-02"));
    expect(await errorOf(joinWaitlist(who.actor, entry(who, "2030-02-03")))).toMatchObject({ code: "WAITLIST_LIMIT_REACHED" });
    await leaveWaitlist(who.actor, first.id);
    await expect(joinWaitlist(who.actor, entry(who, "2030-02-03"))).resolves.toMatchObject({ status: "ACTIVE" });
    await db.salonSettings.update({ where: { id: 1 }, data: { maxWaitlistEntriesPerCustomer: 5 } });
  });

  it("refuses joining for someone else, and a stylist who does not do the service", async () => {
    const [who, other] = [await customer(), await customer()];
    expect(await errorOf(joinWaitlist(other.actor, entry(who, "2030-02-04")))).toMatchObject({ code: "FORBIDDEN" });
    expect(await errorOf(joinWaitlist(who.actor, { ...entry(who, "2030-02-04"), staffId: f.inactive }))).toMatchObject({
      fieldErrors: [{ path: "staffId" }],
    });
  });

  it("shows customers only their own entries, staff everyone's for a day", async () => {
    const [who, other] = [await customer(), await customer()];
    await joinWaitlist(who.actor, entry(who, "2030-03-04", "2030-03-06"));
    await joinWaitlist(other.actor, entry(other, "2030-03-05"));
    const mine = await listWaitlistEntries(who.actor, { date: "2030-03-05" });
    expect(mine.items.map((item) => item.customerId)).toEqual([who.id]);
    const salon = await listWaitlistEntries(f.actors.staff, { date: "2030-03-05" });
    expect(salon.items.map((item) => item.customerId)).toEqual(expect.arrayContaining([who.id, other.id]));
    expect((await listWaitlistEntries(f.actors.staff, { date: "2030-03-07" })).items.map((item) => item.customerId)).not.toContain(
      other.id,
    );
  });
});

describe("schedule changes that open time", () => {
  it("offers the time a removed time off gives back", async () => {
    const who = await customer();
    const date = "2030-04-01";
    await addTimeOff(f.actors.admin, f.ben, { startsAt: at(`${date}T09:00`), endsAt: at(`${date}T17:00`), reason: "Course" });
    await joinWaitlist(who.actor, { ...entry(who, date), staffId: f.ben });
    const timeOff = await db.timeOff.findFirstOrThrow({ where: { staffId: f.ben, startsAt: at(`${date}T09:00`) } });
    await removeTimeOff(f.actors.admin, f.ben, timeOff.id);
    await publishPendingOutbox();
    expect(await offersTo(who.email)).toBe(1);
  });

  it("offers the time wider working hours open", async () => {
    const who = await customer();
    const date = "2030-04-07"; // a Sunday: nobody works
    await joinWaitlist(who.actor, { ...entry(who, date), staffId: f.ben });
    const week = [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, startMinute: 540, endMinute: 1020 }));
    await setWeeklyHours(f.actors.admin, f.ben, [...week, { weekday: 7, startMinute: 600, endMinute: 960 }]);
    await publishPendingOutbox();
    expect(await offersTo(who.email)).toBe(1);
    await setWeeklyHours(f.actors.admin, f.ben, week);
  });

  it("offers what is left of an appointment marked a no-show early", async () => {
    const [who, noShow] = [await customer(), await customer()];
    const date = "2030-05-06";
    const booked = await bookAppointment(
      f.actors.admin,
      { customerId: noShow.id, serviceId: f.cut, staffId: f.ben, startsAt: at(`${date}T10:00`), source: "DASHBOARD" },
      { now: NOW_2030 },
    );
    await joinWaitlist(who.actor, { ...entry(who, date), staffId: f.ben });
    const markedAt = at(`${date}T10:20`);
    const marked = await finishAppointment(f.actors.admin, { appointmentId: booked.id, status: "NO_SHOW" }, { now: markedAt });
    const freed = await freedTimeOf({ name: "appointment.no-show", data: { appointmentId: booked.id, version: marked.version } }, markedAt);
    expect(freed).toEqual({ staffId: f.ben, from: markedAt, until: at(`${date}T11:10`) });
    const round = await offerFreedTime(freed!, markedAt);
    const offers = await db.waitlistOffer.findMany({ where: { id: { in: round.offerIds } } });
    expect(offers.map((offer) => offer.startsAt)).toEqual([at(`${date}T10:30`)]);
  });
});
