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

/** The most recent emails first, optionally for one recipient (the mailbox CLI and dashboard). */
export function listRecentEmails(options: { to?: string; limit: number }) {
  return db.emailMessage.findMany({
    where: options.to ? { to: { equals: options.to, mode: "insensitive" } } : undefined,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit,
  });
}

export type StoredEmail = Awaited<ReturnType<typeof listRecentEmails>>[number];
