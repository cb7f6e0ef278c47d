import { beforeEach, describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { db } from "@/lib/db";
import { publishPendingOutbox } from "@/lib/notifications/publisher";
import { sendDueReminders } from "@/lib/notifications/send-due-reminders";
import { resetNotificationSettings } from "@/lib/notifications/settings";
import { bookWithOutbox, cancelWithOutbox, emailsFor, rescheduleWithOutbox, seedSalonBeforeAll } from "../support/notifications-fixtures";

/** The embedded mode end to end: outbox → in-process handlers → rendered emails in the local mailbox. */

const salon = seedSalonBeforeAll();

beforeEach(() => resetNotificationSettings());

function icsOf(email: { attachments: unknown }) {
  const [attachment] = email.attachments as Array<{ filename: string; contentType: string; content: string }>;
  const text = Buffer.from(attachment!.content, "base64").toString("utf8");
  const calendar = new ICAL.Component(ICAL.parse(text));
  const event = calendar.getFirstSubcomponent("vevent")!;
  return { text, attachment: attachment!, calendar, event };
}

describe("notifications in embedded mode", () => {
  it("delivers a confirmation with an .ics and a stylist notice for a booking", async () => {
    const appointment = await bookWithOutbox(salon, { note: "Fragrance-free <please>" });
    const summary = await publishPendingOutbox();
    expect(summary).toMatchObject({ mode: "embedded", published: 1, failed: 0 });

    const emails = await emailsFor(appointment.id);
    expect(emails.map((email) => email.kind).sort()).toEqual(["confirmation", "stylist-booked"]);
    expect(emails.every((email) => email.status === "SENT" && email.transport === "mailbox")).toBe(true);

    const confirmation = emails.find((email) => email.kind === "confirmation")!;
    expect(confirmation.to).toMatch(/^ada-/);
    expect(confirmation.dedupeKey).toBe(`${appointment.id}:confirmation:1`);
    expect(confirmation.subject).toContain("Cut & blow-dry");
    expect(confirmation.text).toContain("Monday, 7 January 2030, 10:00 – 11:00");
    expect(confirmation.text).toContain("Europe/London (GMT)");
    expect(confirmation.html).toContain("Fragrance-free &lt;please&gt;");

    const { event, calendar } = icsOf(confirmation);
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(event.getFirstPropertyValue("uid")).toContain(appointment.id);
    expect(event.getFirstPropertyValue("sequence")).toBe(0);

    const outbox = await db.outboxEvent.findMany({ where: { appointmentId: appointment.id } });
    expect(outbox.every((row) => row.publishedAt !== null)).toBe(true);
  });

  it("sends a reschedule notice with a higher SEQUENCE and a cancellation with METHOD:CANCEL", async () => {
    // Each change is delivered before the next one: a confirmation still queued when the appointment is
    // cancelled is rightly never sent (notifications-edge-cases).
    const appointment = await bookWithOutbox(salon);
    await publishPendingOutbox();
    const moved = (await rescheduleWithOutbox(appointment.id)).startsAt;
    await publishPendingOutbox();
    await cancelWithOutbox(appointment.id, "Poorly; sorry, really");
    await publishPendingOutbox();

    const emails = await emailsFor(appointment.id);
    const kinds = emails.map((email) => email.kind).sort();
    expect(kinds).toEqual(["cancellation", "confirmation", "reschedule", "stylist-booked", "stylist-cancelled"]);

    const reschedule = emails.find((email) => email.kind === "reschedule")!;
    const rescheduled = icsOf(reschedule).event;
    expect(rescheduled.getFirstPropertyValue("sequence")).toBe(1);
    const start = rescheduled.getFirstPropertyValue("dtstart") as ICAL.Time;
    expect(start.toJSDate().getTime()).toBe(moved.getTime());

    const cancellation = emails.find((email) => email.kind === "cancellation")!;
    const cancelled = icsOf(cancellation);
    expect(cancelled.calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(cancelled.event.getFirstPropertyValue("sequence")).toBe(2);
    expect(cancelled.event.getFirstPropertyValue("uid")).toBe(icsOf(reschedule).event.getFirstPropertyValue("uid"));
    expect(cancellation.text).toContain("Poorly; sorry, really");
  });

  it("sends a reminder once it is due, once, and none after a cancellation", async () => {
    const HOUR = 3_600_000;
    const startsAt = new Date(Math.ceil((Date.now() + 30 * HOUR) / HOUR) * HOUR);
    const appointment = await bookWithOutbox(salon, { startsAt });
    await publishPendingOutbox();
    // Booked 30 h ahead with a 24 h lead: nothing is due yet.
    expect((await emailsFor(appointment.id)).map((email) => email.kind)).not.toContain("reminder");

    const dayBefore = new Date(startsAt.getTime() - 23 * HOUR);
    expect(await sendDueReminders(dayBefore)).toEqual({ sent: 1, failed: 0 });
    expect(await sendDueReminders(dayBefore)).toEqual({ sent: 0, failed: 0 });
    const reminder = (await emailsFor(appointment.id)).find((email) => email.kind === "reminder")!;
    expect(reminder).toMatchObject({ status: "SENT", appointmentVersion: 1, dedupeKey: `${appointment.id}:reminder:1` });
    expect(icsOf(reminder).calendar.getFirstPropertyValue("method")).toBe("REQUEST");

    const other = await bookWithOutbox(salon, { startsAt: new Date(startsAt.getTime() + 2 * HOUR) });
    await cancelWithOutbox(other.id, null);
    await publishPendingOutbox();
    expect(await sendDueReminders(dayBefore)).toEqual({ sent: 0, failed: 0 });
    expect((await emailsFor(other.id)).map((email) => email.kind)).not.toContain("reminder");
  });
});
