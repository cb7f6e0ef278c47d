import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it, vi } from "vitest";
import { toInngestFunction } from "@/inngest/to-inngest-function";
import { db } from "@/lib/db";
import { notifyStylistJob } from "@/lib/notifications/jobs/definitions/notify-stylist";
import { sendCancellationNoticeJob } from "@/lib/notifications/jobs/definitions/send-cancellation-notice";
import { sendConfirmationJob } from "@/lib/notifications/jobs/definitions/send-confirmation";
import { REMINDER_SLEEP_STEP, sendReminderJob } from "@/lib/notifications/jobs/definitions/send-reminder";
import { sendRescheduleNoticeJob } from "@/lib/notifications/jobs/definitions/send-reschedule-notice";
import { bookWithOutbox, cancelWithOutbox, emailsFor, rescheduleWithOutbox, seedSalonBeforeAll } from "../support/notifications-fixtures";

/**
 * The real Inngest functions, run to completion by @inngest/test. The reminder's sleep is mocked (an
 * unmocked sleep never returns in the test engine), and every test has a timeout so a hang fails fast.
 */

const notifyStylist = toInngestFunction(notifyStylistJob);
const sendCancellationNotice = toInngestFunction(sendCancellationNoticeJob);
const sendConfirmation = toInngestFunction(sendConfirmationJob);
const sendReminder = toInngestFunction(sendReminderJob);
const sendRescheduleNotice = toInngestFunction(sendRescheduleNoticeJob);

const salon = seedSalonBeforeAll({ reminderLeadMinutes: 24 * 60 });
const created = (appointmentId: string) => ({ name: "appointment.created", data: { appointmentId, version: 1 } });

describe("Inngest functions under @inngest/test", () => {
  it("send-confirmation emails the customer once, even when run twice", { timeout: 20_000 }, async () => {
    const appointment = await bookWithOutbox(salon);
    const engine = () => new InngestTestEngine({ function: sendConfirmation, events: [created(appointment.id)] });
    const first = await engine().execute();
    expect(first.error).toBeUndefined();
    expect(first.result).toMatchObject({ status: "sent", transport: "mailbox" });
    // A second run of the same event (a redelivery) finds the email already SENT.
    const second = await engine().execute();
    expect(second.result).toMatchObject({ status: "already-sent" });
    expect((await emailsFor(appointment.id)).map((email) => email.kind)).toEqual(["confirmation"]);
  });

  it("notify-stylist emails the stylist on booking and on cancellation", { timeout: 20_000 }, async () => {
    const appointment = await bookWithOutbox(salon);
    await new InngestTestEngine({ function: notifyStylist, events: [created(appointment.id)] }).execute();
    const cancelled = await cancelWithOutbox(appointment.id, "Double-booked elsewhere");
    const { result } = await new InngestTestEngine({
      function: notifyStylist,
      events: [
        {
          name: "appointment.cancelled",
          data: { appointmentId: appointment.id, version: cancelled.version, reason: "Double-booked elsewhere" },
        },
      ],
    }).execute();
    expect(result).toMatchObject({ status: "sent" });
    const emails = await emailsFor(appointment.id);
    expect(emails.map((email) => email.kind)).toEqual(["stylist-booked", "stylist-cancelled"]);
    expect(emails.every((email) => email.to.startsWith("grace-"))).toBe(true);
  });

  it("send-reschedule-notice and send-cancellation-notice deliver their emails", { timeout: 20_000 }, async () => {
    const appointment = await bookWithOutbox(salon);
    const previousStart = appointment.startsAt.toISOString();
    const moved = await rescheduleWithOutbox(appointment.id);
    const rescheduleEvent = {
      name: "appointment.rescheduled",
      data: {
        appointmentId: appointment.id,
        version: moved.version,
        previous: { startsAt: previousStart, endsAt: appointment.endsAt.toISOString(), staffId: salon.staffId, serviceId: salon.serviceId },
      },
    };
    expect((await new InngestTestEngine({ function: sendRescheduleNotice, events: [rescheduleEvent] }).execute()).result).toMatchObject({
      status: "sent",
    });
    const cancelled = await cancelWithOutbox(appointment.id, null);
    const cancelEvent = {
      name: "appointment.cancelled",
      data: { appointmentId: appointment.id, version: cancelled.version, reason: null },
    };
    expect((await new InngestTestEngine({ function: sendCancellationNotice, events: [cancelEvent] }).execute()).result).toMatchObject({
      status: "sent",
    });
    const kinds = (await emailsFor(appointment.id)).map((email) => email.kind);
    expect(kinds).toEqual(["reschedule", "cancellation"]);
  });

  it("send-reminder sleeps until the lead time before the start, then reminds", { timeout: 20_000 }, async () => {
    const appointment = await bookWithOutbox(salon);
    const sleep = vi.fn();
    const { result, error } = await new InngestTestEngine({
      function: sendReminder,
      events: [created(appointment.id)],
      steps: [{ id: REMINDER_SLEEP_STEP, handler: sleep }],
    }).execute();
    expect(error).toBeUndefined();
    expect(sleep).toHaveBeenCalledTimes(1);
    expect(result).toMatchObject({ status: "sent" });
    const [reminder] = await emailsFor(appointment.id);
    expect(reminder).toMatchObject({ kind: "reminder", status: "SENT" });
  });

  it("send-reminder sends nothing when the appointment is cancelled during the sleep", { timeout: 20_000 }, async () => {
    const appointment = await bookWithOutbox(salon);
    const { result } = await new InngestTestEngine({
      function: sendReminder,
      events: [created(appointment.id)],
      // The cancel arrives while the run sleeps: Inngest would cancel the run (cancelOn); if the event
      // races the wake-up, the send step still sees CANCELLED and skips.
      steps: [{ id: REMINDER_SLEEP_STEP, handler: () => cancelWithOutbox(appointment.id, "Changed my mind") }],
    }).execute();
    expect(result).toMatchObject({ status: "skipped", reason: "appointment is CANCELLED" });
    expect(await db.emailMessage.count({ where: { appointmentId: appointment.id } })).toBe(0);
  });

  it("send-reminder skips a stale version and an appointment inside the lead time", { timeout: 20_000 }, async () => {
    const appointment = await bookWithOutbox(salon);
    await rescheduleWithOutbox(appointment.id);
    const stale = await new InngestTestEngine({ function: sendReminder, events: [created(appointment.id)] }).execute();
    expect(stale.result).toMatchObject({ status: "skipped", reason: "appointment changed since" });

    const soon = await bookWithOutbox(salon, { startsAt: new Date(Date.now() + 2 * 60 * 60_000) });
    const early = await new InngestTestEngine({ function: sendReminder, events: [created(soon.id)] }).execute();
    expect(early.result).toMatchObject({ status: "skipped", reason: "starts within the reminder lead time" });
  });

  it("send-reminder is cancelled by a later cancel or reschedule of the same appointment", () => {
    expect(sendReminder.opts.cancelOn).toEqual([
      { event: "appointment.cancelled", if: "async.data.appointmentId == event.data.appointmentId" },
      {
        event: "appointment.rescheduled",
        if: "async.data.appointmentId == event.data.appointmentId && async.data.version > event.data.version",
      },
    ]);
    expect(sendReminder.opts.retries).toBeGreaterThan(0);
  });
});
