import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { bookAppointment, cancelAppointment, rescheduleAppointment } from "@/lib/booking/mutations";
import { db } from "@/lib/db";
import { publishOutboxAfterResponse } from "@/lib/notifications/publish-after-response";
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

function calendarOf(email: { attachments: unknown }) {
  const [attachment] = email.attachments as Array<{ content: string }>;
  const calendar = new ICAL.Component(ICAL.parse(Buffer.from(attachment!.content, "base64").toString("utf8")));
  const event = calendar.getFirstSubcomponent("vevent")!;
  return {
    method: calendar.getFirstPropertyValue("method"),
    uid: event.getFirstPropertyValue("uid"),
    sequence: event.getFirstPropertyValue("sequence"),
    start: (event.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString(),
  };
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
