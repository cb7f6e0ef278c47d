import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import * as feedRoute from "@/app/calendar/[file]/route";
import { cancelAppointment, rescheduleAppointment } from "@/lib/booking/mutations";
import { rotateCalendarFeed } from "@/lib/calendar-feed/mutations";
import { db } from "@/lib/db";
import { removeTimeOff } from "@/lib/staff/mutations";
import { createSalon, createService, createStylist, createUser, day, insertAppointment } from "../support/api-fixtures";

/** A stylist's private subscription feed, read back with a maintained iCalendar parser. */

let stylistId: string;
let token: string;
let appointmentId: string;
let serviceId: string;
let customerId: string;
let timeOffId: string;
const HOUR = 3_600_000;
const stylist = () => ({ kind: "user", userId: stylistId, role: "STYLIST" }) as const;

function get(file: string, headers: Record<string, string> = {}) {
  return feedRoute.GET(new Request(`http://localhost/calendar/${file}`, { headers }), { params: Promise.resolve({ file }) });
}

async function events(response: Response) {
  const calendar = new ICAL.Component(ICAL.parse(await response.text()));
  return calendar.getAllSubcomponents("vevent").map((vevent) => {
    const e = new ICAL.Event(vevent);
    return { uid: e.uid, summary: e.summary, start: e.startDate.toJSDate(), end: e.endDate.toJSDate(), raw: vevent.toString() };
  });
}

beforeAll(async () => {
  await createSalon();
  const service = await db.service.update({ where: { id: (await createService()).id }, data: { name: "Balayage" } });
  serviceId = service.id;
  stylistId = (await createStylist([service.id], "Sam Stylist")).id;
  const customer = await db.user.update({
    where: { id: (await createUser("CUSTOMER")).id },
    data: { name: "Priya Sharma", phone: "+44 7700 900123" },
  });
  customerId = customer.id;
  const at = (days: number) => new Date(day(days).getTime() + 10 * HOUR);
  appointmentId = (await insertAppointment({ customerId: customer.id, staffId: stylistId, serviceId: service.id, startsAt: at(3) })).id;
  await insertAppointment({ customerId: customer.id, staffId: stylistId, serviceId: service.id, startsAt: at(-10) });
  // Outside the window: 40 days back.
  await insertAppointment({ customerId: customer.id, staffId: stylistId, serviceId: service.id, startsAt: at(-40) });
  timeOffId = (await db.timeOff.create({ data: { staffId: stylistId, startsAt: day(5), endsAt: day(6), reason: "Hospital appointment" } }))
    .id;
  token = await rotateCalendarFeed({ kind: "user", userId: stylistId, role: "STYLIST" }, stylistId);
});

describe("the stylist calendar feed", () => {
  it("lists appointments from 30 days back with first name and service only, and time off as busy", async () => {
    const response = await get(`${token}.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const list = await events(response);
    expect(list.map((e) => e.summary)).toEqual(["Priya — Balayage", "Priya — Balayage", "Busy (time off)"]);
    expect(list.find((e) => e.uid.startsWith(`appointment-${appointmentId}@`))?.start).toEqual(new Date(day(3).getTime() + 10 * HOUR));
    const text = list.map((e) => e.raw).join("\n");
    expect(text).not.toContain("Sharma");
    expect(text).not.toContain("7700");
    expect(text).not.toContain("@test.test");
    expect(text).not.toContain("Hospital");
  });

  it("answers 304 to a matching ETag or Last-Modified, and a new ETag after a change", async () => {
    const first = await get(`${token}.ics`);
    const etag = first.headers.get("etag")!;
    const lastModified = first.headers.get("last-modified")!;
    expect((await get(`${token}.ics`, { "if-none-match": etag })).status).toBe(304);
    expect((await get(`${token}.ics`, { "if-modified-since": lastModified })).status).toBe(304);

    await new Promise((resolve) => setTimeout(resolve, 1100));
    await cancelAppointment({ kind: "user", userId: stylistId, role: "STYLIST" }, { appointmentId, reason: "Customer unwell" });
    const changed = await get(`${token}.ics`, { "if-none-match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    expect(new Date(changed.headers.get("last-modified")!).getTime()).toBeGreaterThan(new Date(lastModified).getTime());
    expect((await events(changed)).some((e) => e.uid.startsWith(`appointment-${appointmentId}@`))).toBe(false);
    expect((await get(`${token}.ics`, { "if-modified-since": lastModified })).status).toBe(200);
  });

  /** Waits past the current second (HTTP dates have whole seconds), then makes `change` and reads the feed again. */
  async function afterChange(change: () => Promise<unknown>) {
    const before = await get(`${token}.ics`);
    const lastModified = before.headers.get("last-modified")!;
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await change();
    const after = await get(`${token}.ics`);
    return { before, lastModified, after, revalidated: await get(`${token}.ics`, { "if-modified-since": lastModified }) };
  }

  it("moves Last-Modified when time off is deleted, so If-Modified-Since gets the new feed", async () => {
    const { before, lastModified, after, revalidated } = await afterChange(() => removeTimeOff(stylist(), stylistId, timeOffId));
    expect(after.headers.get("etag")).not.toBe(before.headers.get("etag"));
    expect(new Date(after.headers.get("last-modified")!).getTime()).toBeGreaterThan(new Date(lastModified).getTime());
    expect((await events(after)).some((e) => e.summary === "Busy (time off)")).toBe(false);
    expect(revalidated.status).toBe(200);
  });

  it("moves Last-Modified when an appointment leaves the feed for a colleague or beyond the horizon", async () => {
    const colleague = (await createStylist([serviceId], "Cleo Colleague")).id;
    const admin = { kind: "user", userId: (await createUser("ADMIN")).id, role: "ADMIN" } as const;
    const at = (days: number) => new Date(day(days).getTime() + 12 * HOUR);
    const handedOver = (await insertAppointment({ customerId, staffId: stylistId, serviceId, startsAt: at(2) })).id;
    const movedAway = (await insertAppointment({ customerId, staffId: stylistId, serviceId, startsAt: at(4) })).id;
    const changes = [
      () => rescheduleAppointment(admin, { appointmentId: handedOver, staffId: colleague }),
      () => rescheduleAppointment(admin, { appointmentId: movedAway, startsAt: at(4000), overrideAvailability: true }),
    ];
    for (const change of changes) {
      const { lastModified, after, revalidated } = await afterChange(change);
      expect(new Date(after.headers.get("last-modified")!).getTime()).toBeGreaterThan(new Date(lastModified).getTime());
      expect(revalidated.status).toBe(200);
    }
  });

  it("stores only the token's hash, and a rotated or malformed token is 404", async () => {
    const profile = await db.staffProfile.findUniqueOrThrow({ where: { userId: stylistId } });
    expect(profile.calendarTokenHash).not.toContain(token);
    const fresh = await rotateCalendarFeed({ kind: "user", userId: stylistId, role: "STYLIST" }, stylistId);
    expect((await get(`${token}.ics`)).status).toBe(404);
    expect((await get(`${fresh}.ics`)).status).toBe(200);
    expect((await get(`${fresh}.txt`)).status).toBe(404);
    expect((await get("short.ics")).status).toBe(404);
    expect(await db.auditEvent.count({ where: { entityKind: "stylist", entityId: stylistId, action: "calendar-feed.rotated" } })).toBe(1);
  });
});
