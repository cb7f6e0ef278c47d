import "server-only";
import { db } from "@/lib/db";

/** Everything an appointment email shows, read in one query. */
export async function getAppointmentForEmail(appointmentId: string) {
  const [appointment, salon] = await Promise.all([
    db.appointment.findUnique({
      where: { id: appointmentId },
      include: {
        customer: { select: { name: true, email: true } },
        staff: { select: { name: true, email: true, staffProfile: { select: { displayName: true } } } },
        service: { select: { name: true } },
      },
    }),
    db.salonSettings.findUnique({ where: { id: 1 } }),
  ]);
  return appointment && salon ? { appointment, salon } : undefined;
}

export type AppointmentForEmail = NonNullable<Awaited<ReturnType<typeof getAppointmentForEmail>>>;

export function findEmailByDedupeKey(dedupeKey: string) {
  return db.emailMessage.findUnique({ where: { dedupeKey } });
}

const withMailboxCopy = { mailboxCopy: { select: { html: true, text: true, attachments: true } } } as const;

/**
 * The most recent emails first, optionally for one recipient, each with the local mailbox's raw copy
 * when the mailbox delivered it (the mailbox CLI and /dev/mailbox; never the staff dashboard).
 */
export function listRecentEmails(options: { to?: string; limit: number }) {
  return db.emailMessage.findMany({
    where: options.to ? { to: { equals: options.to, mode: "insensitive" } } : undefined,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit,
    include: withMailboxCopy,
  });
}

/** One email with its local mailbox copy, or null (/dev/mailbox). */
export function getRecentEmail(id: string) {
  return db.emailMessage.findUnique({ where: { id }, include: withMailboxCopy });
}

export type StoredEmail = Awaited<ReturnType<typeof listRecentEmails>>[number];

/**
 * Booked appointments whose reminder time has come (start − the salon's lead time ≤ now < start), with
 * what the reminder sweep needs to skip those already reminded for their current version.
 */
export async function listAppointmentsDueForReminder(now: Date) {
  const salon = await db.salonSettings.findUnique({ where: { id: 1 }, select: { reminderLeadMinutes: true } });
  if (!salon) return [];
  const leadMs = salon.reminderLeadMinutes * 60_000;
  const candidates = await db.appointment.findMany({
    where: { status: "BOOKED", startsAt: { gt: now, lte: new Date(now.getTime() + leadMs) } },
    select: { id: true, version: true, startsAt: true, updatedAt: true },
    orderBy: { startsAt: "asc" },
    take: 500,
  });
  const reminders = await db.emailMessage.findMany({
    where: { kind: "reminder", appointmentId: { in: candidates.map((c) => c.id) } },
    select: { appointmentId: true, appointmentVersion: true, status: true, attempts: true },
  });
  const done = new Set(
    reminders
      .filter((r) => r.status === "SENT" || r.attempts >= 5)
      .map((r) => `${r.appointmentId}:${r.appointmentVersion}`),
  );
  // Like the Inngest reminder: none when the last change was already inside the lead time.
  return candidates.filter(
    (c) => !done.has(`${c.id}:${c.version}`) && c.updatedAt.getTime() < c.startsAt.getTime() - leadMs,
  );
}
