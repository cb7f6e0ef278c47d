import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { runJobsInProcess } from "@/lib/notifications/embedded-runner";
import { notificationJobs } from "@/lib/notifications/jobs/registry";
import { publishPendingOutbox } from "@/lib/notifications/publisher";
import { bookWithOutbox, nextStart, seedSalonBeforeAll } from "../support/notifications-fixtures";

/**
 * At-least-once delivery with idempotent consumers: whatever dies or repeats, each committed change
 * yields exactly one email of each kind.
 */

const salon = seedSalonBeforeAll();

async function confirmationsPerAppointment(ids: string[]): Promise<number[]> {
  const rows = await db.emailMessage.groupBy({
    by: ["appointmentId"],
    where: { appointmentId: { in: ids }, kind: "confirmation" },
    _count: { _all: true },
  });
  const counts = new Map(rows.map((row) => [row.appointmentId, row._count._all]));
  return ids.map((id) => counts.get(id) ?? 0);
}

describe("fault injection", () => {
  it("a process that dies after commit and before publish loses nothing: the relay delivers, once", { timeout: 180_000 }, async () => {
    const ids: string[] = [];
    for (let trial = 0; trial < 100; trial++) {
      // Commit the appointment and its outbox row… then "die": no publish call at all.
      ids.push((await bookWithOutbox(salon, { startsAt: nextStart(Date.parse("2031-03-03T09:00:00Z")) })).id);
      // Every tenth trial dies later instead: the handlers ran but the row was never marked published.
      if (trial % 10 === 9) {
        const row = await db.outboxEvent.findFirstOrThrow({ where: { appointmentId: ids.at(-1) } });
        await runJobsInProcess(
          { id: row.id, name: "appointment.created", data: { appointmentId: ids.at(-1)!, version: 1 } },
          notificationJobs,
        );
      }
    }
    expect(await db.outboxEvent.count({ where: { appointmentId: { in: ids }, publishedAt: null } })).toBe(100);

    const summary = await publishPendingOutbox({ batchSize: 25 });
    expect(summary).toMatchObject({ mode: "embedded", published: 100, failed: 0 });
    expect(await confirmationsPerAppointment(ids)).toEqual(ids.map(() => 1));
    expect(await db.outboxEvent.count({ where: { appointmentId: { in: ids }, publishedAt: null } })).toBe(0);

    // A second relay pass (the next cron tick) finds nothing left and sends nothing.
    expect(await publishPendingOutbox()).toMatchObject({ published: 0 });
    expect(await db.emailMessage.count({ where: { appointmentId: { in: ids }, kind: "confirmation" } })).toBe(100);
  });

  it("the same event delivered twice, one after the other or at once, sends one email per kind", { timeout: 30_000 }, async () => {
    const appointment = await bookWithOutbox(salon, { startsAt: nextStart(Date.parse("2031-06-02T09:00:00Z")) });
    const row = await db.outboxEvent.findFirstOrThrow({ where: { appointmentId: appointment.id } });
    const event = { id: row.id, name: "appointment.created" as const, data: { appointmentId: appointment.id, version: 1 } };

    await runJobsInProcess(event, notificationJobs);
    await runJobsInProcess(event, notificationJobs);
    await Promise.all([runJobsInProcess(event, notificationJobs), runJobsInProcess(event, notificationJobs)]);

    const emails = await db.emailMessage.findMany({ where: { appointmentId: appointment.id } });
    expect(emails.map((email) => email.kind).sort()).toEqual(["confirmation", "stylist-booked"]);
    expect(emails.every((email) => email.status === "SENT")).toBe(true);
  });
});
