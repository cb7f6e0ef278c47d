import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { publishOutboxAfterResponse } from "@/lib/notifications/publish-after-response";
import { sendDueReminders } from "@/lib/notifications/send-due-reminders";
import { bookVisit, cancelVisit, rescheduleVisit } from "@/lib/visits/mutations";
import { at, createBookingFixture, NOW_2030, type BookingFixture } from "../support/booking-fixtures";
import { useEmbeddedDelivery } from "../support/notifications-fixtures";

/** One email per visit change, listing every segment, with one calendar event per segment. */

let f: BookingFixture;
const now = { now: NOW_2030 };

beforeAll(async () => {
  useEmbeddedDelivery();
  f = await createBookingFixture();
});

function eventsOf(email: { attachments: unknown }) {
  const [attachment] = email.attachments as Array<{ content: string }>;
  const calendar = new ICAL.Component(ICAL.parse(Buffer.from(attachment!.content, "base64").toString("utf8")));
  return {
    method: calendar.getFirstPropertyValue("method"),
    events: calendar.getAllSubcomponents("vevent").map((event) => ({
      uid: event.getFirstPropertyValue("uid"),
      start: (event.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString(),
    })),
  };
}

describe("visit emails", () => {
  it("book → move → cancel a visit sends one email each, listing both segments, each segment its own calendar event", async () => {
    const visit = await bookVisit(
      f.actors.alice,
      {
        customerId: f.alice,
        startsAt: at("2030-01-22T09:00"),
        items: [
          { serviceId: f.cut, staffId: f.amy },
          { serviceId: f.massage, staffId: f.ben },
        ],
        source: "WEB",
      },
      now,
    );
    await publishOutboxAfterResponse();
    const moved = await rescheduleVisit(f.actors.alice, { visitId: visit.id, startsAt: at("2030-01-22T14:00") }, now);
    await publishOutboxAfterResponse();
    await cancelVisit(f.actors.alice, { visitId: visit.id, reason: "Away that week" }, now);
    await publishOutboxAfterResponse();

    const first = visit.segments[0]!.id;
    const emails = await db.emailMessage.findMany({ where: { appointmentId: first }, orderBy: { createdAt: "asc" } });
    expect(emails.map((email) => email.kind)).toEqual(["visit-confirmation", "visit-reschedule", "visit-cancellation"]);
    expect(await db.emailMessage.count({ where: { appointmentId: visit.segments[1]!.id } })).toBe(0);
    const [confirmation, reschedule, cancellation] = emails;
    expect(confirmation!.subject).toContain("cut + massage");
    expect(confirmation!.text).toContain("1 of 2: cut with Amy (stylist), 09:00 – 10:00");
    expect(confirmation!.text).toContain("2 of 2: massage with Ben (stylist), 10:00 – 11:00");
    expect(confirmation!.text).toContain("£90.00");
    expect(eventsOf(confirmation!)).toEqual({
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
