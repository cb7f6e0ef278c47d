import { InngestTestEngine } from "@inngest/test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { toInngestFunction } from "@/inngest/to-inngest-function";
import type { SessionUser } from "@/lib/auth/session";
import { changeCustomerNote } from "@/lib/booking/mutations";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { listDeadOutboxEvents } from "@/lib/notifications/data";
import { REMINDER_SLEEP_STEP, sendReminderJob } from "@/lib/notifications/jobs/definitions/send-reminder";
import { OUTBOX_MAX_ATTEMPTS } from "@/lib/notifications/outbox-retry";
import { publishPendingOutbox } from "@/lib/notifications/publisher";
import { sendDueReminders } from "@/lib/notifications/send-due-reminders";
import { bookWithOutbox, cancelWithOutbox, emailsFor, seedSalonBeforeAll } from "../support/notifications-fixtures";

/**
 * What a customer and an admin notice when notifications meet real life: a note edit must not lose the
 * reminder, a booking cancelled before its confirmation went out gets only the cancellation, and one
 * event that can never be published is retried, given up on, alerted and shown to admins — without
 * holding up anyone else's emails.
 */

let sessionUser: SessionUser | null = null;
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/navigation", () => ({
  notFound: () => {
    throw new Error("404");
  },
  redirect: (url: string) => {
    throw new Error(`redirect ${url}`);
  },
  unstable_rethrow: (error: unknown) => {
    if (error instanceof Error && /^(redirect |404$)/.test(error.message)) throw error;
  },
}));
vi.mock("@/lib/auth/session", () => ({
  currentUser: async () => sessionUser,
  requireUser: async () => sessionUser,
  actorOf: (user: SessionUser) => ({ kind: "user", userId: user.id, role: user.role }),
}));
const { retryDeadLetterAction } = await import("@/lib/dashboard/notification-actions");

const HOUR = 3_600_000;
const sendReminder = toInngestFunction(sendReminderJob);
const salon = seedSalonBeforeAll({ reminderLeadMinutes: 24 * 60 });

afterEach(() => {
  vi.restoreAllMocks();
});

const customer = () => ({ kind: "user" as const, userId: salon.customerId, role: "CUSTOMER" as const });
const kindsOf = async (appointmentId: string) => (await emailsFor(appointmentId)).map((email) => email.kind).sort();

/** A row the publisher can never hand on (its payload does not match any event), older than the rest. */
async function poisonRow() {
  return db.outboxEvent.create({
    data: { type: "appointment.created", payload: { appointmentId: "" }, createdAt: new Date(Date.now() - HOUR) },
  });
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

describe("notification edge cases", () => {
  it("the reminder still goes out after the customer changes their note (Inngest reminder)", { timeout: 20_000 }, async () => {
    const appointment = await bookWithOutbox(salon);
    const { result } = await new InngestTestEngine({
      function: sendReminder,
      events: [{ name: "appointment.created", data: { appointmentId: appointment.id, version: 1 } }],
      // The note is edited while the run sleeps until reminder time.
      steps: [
        {
          id: REMINDER_SLEEP_STEP,
          handler: () => changeCustomerNote(customer(), { appointmentId: appointment.id, note: "Quiet room, please" }),
        },
      ],
    }).execute();
    expect(result).toMatchObject({ status: "sent" });
    expect(await kindsOf(appointment.id)).toEqual(["reminder"]);
  });

  it("the embedded reminder sweep reminds once, and a later note change neither cancels nor repeats it", async () => {
    const startsAt = new Date(Math.ceil((Date.now() + 30 * HOUR) / HOUR) * HOUR);
    const appointment = await bookWithOutbox(salon, { startsAt });
    await changeCustomerNote(customer(), { appointmentId: appointment.id, note: "Running late maybe" });
    const dayBefore = new Date(startsAt.getTime() - 23 * HOUR);

    expect(await sendDueReminders(dayBefore)).toMatchObject({ sent: 1 });
    await changeCustomerNote(customer(), { appointmentId: appointment.id, note: "On time after all" });
    expect(await sendDueReminders(dayBefore)).toMatchObject({ sent: 0 });
    const reminders = (await emailsFor(appointment.id)).filter((email) => email.kind === "reminder");
    expect(reminders).toHaveLength(1);
  });

  it("a booking cancelled before its confirmation went out gets the cancellation only", async () => {
    const appointment = await bookWithOutbox(salon);
    await cancelWithOutbox(appointment.id, "Booked the wrong day");
    await publishPendingOutbox({ retryDelayMs: () => 1 });
    expect(await kindsOf(appointment.id)).toEqual(["cancellation", "stylist-cancelled"]);
  });

  it("an event that always fails does not hold up the rows behind it", async () => {
    const poison = await poisonRow();
    const booked = [];
    for (let i = 0; i < 3; i++) booked.push(await bookWithOutbox(salon));

    // The poison row is the oldest, so it is in the first batch; the pass must go on past it.
    const summary = await publishPendingOutbox({ batchSize: 2, retryDelayMs: () => 1 });
    expect(summary).toMatchObject({ published: 3, failed: 1 });
    for (const appointment of booked) expect(await kindsOf(appointment.id)).toEqual(["confirmation", "stylist-booked"]);
    expect(await db.outboxEvent.findUniqueOrThrow({ where: { id: poison.id } })).toMatchObject({
      attempts: 1,
      publishedAt: null,
      deadAt: null,
    });
    await db.outboxEvent.delete({ where: { id: poison.id } });
  });

  it("after its last attempt a failing event is dead-lettered, alerted, listed for admins and can be retried by an admin", async () => {
    const poison = await poisonRow();
    const alerts = vi.spyOn(logger, "error");
    for (let attempt = 1; attempt <= OUTBOX_MAX_ATTEMPTS; attempt++) {
      // Time passes: the backoff after the previous attempt is over.
      await db.outboxEvent.update({ where: { id: poison.id }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
      const summary = await publishPendingOutbox();
      expect(summary.deadLettered).toBe(attempt === OUTBOX_MAX_ATTEMPTS ? 1 : 0);
    }
    const dead = await db.outboxEvent.findUniqueOrThrow({ where: { id: poison.id } });
    expect(dead).toMatchObject({ attempts: OUTBOX_MAX_ATTEMPTS, publishedAt: null });
    expect(dead.deadAt).not.toBeNull();
    expect(alerts).toHaveBeenCalledWith(
      expect.objectContaining({ alert: true, outboxEventId: poison.id }),
      expect.stringContaining("dead-lettered"),
    );

    // Dead means dead: later passes leave it alone.
    await publishPendingOutbox();
    expect((await db.outboxEvent.findUniqueOrThrow({ where: { id: poison.id } })).attempts).toBe(OUTBOX_MAX_ATTEMPTS);
    expect((await listDeadOutboxEvents()).map((row) => row.id)).toContain(poison.id);

    sessionUser = { id: salon.staffId, role: "FRONT_DESK", name: "Grace", email: "grace@staff.test", emailConfirmed: true };
    expect(await retryDeadLetterAction({ status: "idle" }, form({ outboxEventId: poison.id }))).toMatchObject({
      status: "error",
      code: "FORBIDDEN",
    });
    expect((await db.outboxEvent.findUniqueOrThrow({ where: { id: poison.id } })).deadAt).not.toBeNull();

    sessionUser = { id: salon.staffId, role: "ADMIN", name: "Owner", email: "owner@staff.test", emailConfirmed: true };
    expect(await retryDeadLetterAction({ status: "idle" }, form({ outboxEventId: poison.id }))).toMatchObject({ status: "success" });
    // Retried at once (and failing again, as this row always will): a fresh set of attempts has begun.
    expect(await db.outboxEvent.findUniqueOrThrow({ where: { id: poison.id } })).toMatchObject({ deadAt: null, attempts: 1 });
    expect((await listDeadOutboxEvents()).map((row) => row.id)).not.toContain(poison.id);
  });
});
