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
        service: { select: { name: true, cardRequired: true } },
        // A visit of several services: every email about it lists every segment.
        visit: {
          select: {
            segmentCount: true,
            segments: {
              orderBy: { visitPosition: "asc" },
              select: {
                id: true,
                staffId: true,
                status: true,
                startsAt: true,
                endsAt: true,
                priceCents: true,
                depositCents: true,
                version: true,
                updatedAt: true,
                service: { select: { name: true, cardRequired: true } },
                staff: { select: { name: true, staffProfile: { select: { displayName: true } } } },
              },
            },
          },
        },
      },
    }),
    db.salonSettings.findUnique({ where: { id: 1 } }),
  ]);
  return appointment && salon ? { appointment, salon } : undefined;
}

export type AppointmentForEmail = NonNullable<Awaited<ReturnType<typeof getAppointmentForEmail>>>;

/** One logged email with its stored content (as logged: an account email's link is removed), or null. */
export function getEmailMessage(id: string) {
  return db.emailMessage.findUnique({ where: { id } });
}

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
 * what the reminder sweep needs to skip those already reminded for their current schedule version.
 */
export async function listAppointmentsDueForReminder(now: Date) {
  const salon = await db.salonSettings.findUnique({ where: { id: 1 }, select: { reminderLeadMinutes: true } });
  if (!salon) return [];
  const leadMs = salon.reminderLeadMinutes * 60_000;
  const candidates = await db.appointment.findMany({
    // A visit of several services is reminded once, through its first segment.
    where: {
      status: "BOOKED",
      startsAt: { gt: now, lte: new Date(now.getTime() + leadMs) },
      OR: [{ visitId: null }, { visitPosition: 1 }, { visit: { segmentCount: 1 } }],
    },
    select: { id: true, scheduleVersion: true, startsAt: true, createdAt: true, visit: { select: { segmentCount: true } } },
    orderBy: { startsAt: "asc" },
    take: 500,
  });
  const ids = candidates.map((c) => c.id);
  const [reminders, scheduleChanges] = await Promise.all([
    db.emailMessage.findMany({
      where: { kind: { in: ["reminder", "visit-reminder"] }, appointmentId: { in: ids } },
      select: { appointmentId: true, appointmentVersion: true, status: true, attempts: true },
    }),
    // When the time was last set (booked or moved); a note change is not a schedule change.
    db.appointmentEvent.groupBy({
      by: ["appointmentId"],
      where: { appointmentId: { in: ids }, action: { in: ["booked", "rescheduled"] } },
      _max: { createdAt: true },
    }),
  ]);
  const done = new Set(
    reminders.filter((r) => r.status === "SENT" || r.attempts >= 5).map((r) => `${r.appointmentId}:${r.appointmentVersion}`),
  );
  const scheduledAt = new Map(scheduleChanges.map((row) => [row.appointmentId, row._max.createdAt]));
  // Like the Inngest reminder: none when the time was set inside the lead time.
  return candidates
    .filter((c) => {
      const setAt = (scheduledAt.get(c.id) ?? c.createdAt).getTime();
      return !done.has(`${c.id}:${c.scheduleVersion}`) && setAt < c.startsAt.getTime() - leadMs;
    })
    .map((c) => ({ id: c.id, version: c.scheduleVersion, ofVisit: (c.visit?.segmentCount ?? 1) > 1 }));
}

/** Dead-lettered outbox rows, newest first, for the admins' notification page. */
export function listDeadOutboxEvents(limit = 100) {
  return db.outboxEvent.findMany({
    where: { deadAt: { not: null }, publishedAt: null },
    select: { id: true, type: true, appointmentId: true, attempts: true, lastError: true, createdAt: true, deadAt: true },
    orderBy: [{ deadAt: "desc" }, { id: "desc" }],
    take: limit,
  });
}

/** How many rows wait to be published, and how many of those failed at least once (not dead). */
export async function countPendingOutbox() {
  const [pending, retrying] = await Promise.all([
    db.outboxEvent.count({ where: { publishedAt: null, deadAt: null } }),
    db.outboxEvent.count({ where: { publishedAt: null, deadAt: null, attempts: { gt: 0 } } }),
  ]);
  return { pending, retrying };
}

/** The first segment of a visit: visit emails are keyed and loaded through it. */
export async function firstSegmentOf(visitId: string): Promise<string | undefined> {
  const first = await db.appointment.findFirst({ where: { visitId }, orderBy: { visitPosition: "asc" }, select: { id: true } });
  return first?.id;
}

/**
 * Each stylist of a visit with the first of their segments in `status` (booked for a booking's notice,
 * cancelled for a cancellation's): a stylist's one notice about the visit is keyed and loaded through it.
 */
export async function stylistSegmentsOfVisit(visitId: string, status: "BOOKED" | "CANCELLED"): Promise<string[]> {
  const segments = await db.appointment.findMany({
    where: { visitId, status },
    orderBy: { visitPosition: "asc" },
    select: { id: true, staffId: true, cancelledAt: true },
  });
  // A cancellation's notice goes to the stylists of that cancellation, not of a segment cancelled before.
  const lastCancelledAt = Math.max(...segments.map((segment) => segment.cancelledAt?.getTime() ?? 0));
  const concerned =
    status === "CANCELLED" ? segments.filter((segment) => (segment.cancelledAt?.getTime() ?? 0) === lastCancelledAt) : segments;
  const firstOfStylist = new Map<string, string>();
  for (const segment of concerned) if (!firstOfStylist.has(segment.staffId)) firstOfStylist.set(segment.staffId, segment.id);
  return [...firstOfStylist.values()];
}
