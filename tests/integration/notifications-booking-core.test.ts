import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { bookAppointment, cancelAppointment, rescheduleAppointment } from "@/lib/booking/mutations";
import { db } from "@/lib/db";
import { publishOutboxAfterResponse } from "@/lib/notifications/publish-after-response";
import { sendDueReminders } from "@/lib/notifications/send-due-reminders";
import { bookVisit, cancelVisit, rescheduleVisit } from "@/lib/visits/mutations";
import { at, createBookingFixture, NOW_2030, type BookingFixture } from "../support/booking-fixtures";
import { useEmbeddedDelivery } from "../support/notifications-fixtures";

/**
 * The contract with the real booking core: book, reschedule and cancel write outbox rows whose events
 * the notification handlers turn into the right emails, with calendar files that replace each other.
 */

let f: BookingFixture;
const now = { now: NOW_2030 };

beforeAll(async () => {
  useEmbeddedDelivery();
  f = await createBookingFixture();
});

/** The calendar file's method and every event in it (a visit's holds one per segment). */
function eventsOf(email: { attachments: unknown }) {
  const [attachment] = email.attachments as Array<{ content: string }>;
  const calendar = new ICAL.Component(ICAL.parse(Buffer.from(attachment!.content, "base64").toString("utf8")));
  return {
    method: calendar.getFirstPropertyValue("method"),
    events: calendar.getAllSubcomponents("vevent").map((event) => ({
      uid: event.getFirstPropertyValue("uid"),
      sequence: event.getFirstPropertyValue("sequence"),
      start: (event.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString(),
    })),
  };
}

function calendarOf(email: { attachments: unknown }) {
  const { method, events } = eventsOf(email);
  return { method, ...events[0]! };
}

describe("notifications for changes made by the booking core", () => {
  it("book → reschedule → cancel sends each email once, with one calendar event updated then cancelled", async () => {
    const booked = await bookAppointment(
      f.actors.alice,
      { customerId: f.alice, serviceId: f.cut, staffId: f.amy, startsAt: at("2030-01-21T10:00"), source: "WEB", note: "First visit" },
      now,
    );
    await publishOutboxAfterResponse();
    await rescheduleAppointment(f.actors.alice, { appointmentId: booked.id, startsAt: at("2030-01-21T15:00") }, now);
    await publishOutboxAfterResponse();
    await cancelAppointment(f.actors.alice, { appointmentId: booked.id, reason: "Something came up" }, now);
    await publishOutboxAfterResponse();
    // Redelivery of everything (the relay after a crash) changes nothing.
    await db.outboxEvent.updateMany({ where: { appointmentId: booked.id }, data: { publishedAt: null } });
    await publishOutboxAfterResponse();

    const emails = await db.emailMessage.findMany({ where: { appointmentId: booked.id }, orderBy: { createdAt: "asc" } });
    expect(emails.map((email) => `${email.kind}@v${email.appointmentVersion}`).sort()).toEqual([
      "cancellation@v3",
      "confirmation@v1",
      "reschedule@v2",
      "stylist-booked@v1",
      "stylist-cancelled@v3",
    ]);
    expect(emails.every((email) => email.status === "SENT")).toBe(true);

    const byKind = Object.fromEntries(emails.map((email) => [email.kind, email]));
    const calendars = ["confirmation", "reschedule", "cancellation"].map((kind) => calendarOf(byKind[kind]!));
    expect(calendars.map((c) => c.method)).toEqual(["REQUEST", "REQUEST", "CANCEL"]);
    expect(calendars.map((c) => c.sequence)).toEqual([0, 1, 2]);
    expect(new Set(calendars.map((c) => c.uid)).size).toBe(1);
    expect(calendars[1]!.start).toBe("2030-01-21T15:00:00.000Z");
    expect(byKind.reschedule!.text).toContain("Monday, 21 January 2030, 10:00");
    expect(byKind.cancellation!.text).toContain("Something came up");
    expect(byKind.confirmation!.text).toContain("First visit");
  });
});

describe("visit emails", () => {
  it("book → move → cancel a visit sends one email each, listing both segments, each segment its own calendar event", async () => {
    const items = [
      { serviceId: f.cut, staffId: f.amy },
      { serviceId: f.massage, staffId: f.ben },
    ];
    const visit = await bookVisit(f.actors.alice, { customerId: f.alice, startsAt: at("2030-01-22T09:00"), items, source: "WEB" }, now);
    await publishOutboxAfterResponse();
    const moved = await rescheduleVisit(f.actors.alice, { visitId: visit.id, startsAt: at("2030-01-22T14:00") }, now);
    await publishOutboxAfterResponse();
    await cancelVisit(f.actors.alice, { visitId: visit.id, reason: "Away that week" }, now);
    await publishOutboxAfterResponse();

    const first = visit.segments[0]!.id;
    // The customer's emails; each stylist's one notice per booking and cancellation goes by their own segment.
    const emails = await db.emailMessage.findMany({
      where: { appointmentId: first, kind: { startsWith: "visit-" } },
      orderBy: { createdAt: "asc" },
    });
    expect(emails.map((email) => email.kind)).toEqual(["visit-confirmation", "visit-reschedule", "visit-cancellation"]);
    const second = await db.emailMessage.findMany({ where: { appointmentId: visit.segments[1]!.id }, orderBy: { createdAt: "asc" } });
    expect(second.map((email) => email.kind)).toEqual(["stylist-visit-booked", "stylist-visit-cancelled"]);
    const [confirmation, reschedule, cancellation] = emails;
    expect(confirmation!.subject).toContain("cut + massage");
    expect(confirmation!.text).toContain("1 of 2: cut with Amy (stylist), 09:00 – 10:00");
    expect(confirmation!.text).toContain("2 of 2: massage with Ben (stylist), 10:00 – 11:00");
    expect(confirmation!.text).toContain("£90.00");
    expect(eventsOf(confirmation!)).toMatchObject({
      method: "REQUEST",
      events: visit.segments.map((segment) => ({ uid: expect.stringContaining(segment.id), start: segment.startsAt.toISOString() })),
    });
    expect(eventsOf(reschedule!).events.map((event) => event.start)).toEqual(
      moved.segments.map((segment) => segment.startsAt.toISOString()),
    );
    expect(eventsOf(cancellation!)).toMatchObject({ method: "CANCEL" });
    expect(eventsOf(cancellation!).events).toHaveLength(2);
    expect(emails.every((email) => email.status === "SENT")).toBe(true);
  });

  it("reminds the customer once per visit, listing every segment", async () => {
    const visit = await bookVisit(
      f.actors.staff,
      {
        customerId: f.alice,
        startsAt: at("2030-01-23T09:00"),
        items: [{ serviceId: f.cut }, { serviceId: f.massage }],
        source: "DASHBOARD",
      },
      now,
    );
    await publishOutboxAfterResponse();
    await sendDueReminders(new Date("2030-01-22T10:00:00Z"));
    await sendDueReminders(new Date("2030-01-22T11:00:00Z"));
    const ids = visit.segments.map((segment) => segment.id);
    const reminders = await db.emailMessage.findMany({ where: { appointmentId: { in: ids }, kind: { contains: "reminder" } } });
    expect(reminders.map((email) => `${email.kind}:${email.appointmentId === ids[0]}`)).toEqual(["visit-reminder:true"]);
    expect(reminders[0]!.text).toContain("2 of 2: massage");
  });
});
