import "server-only";
import { db } from "@/lib/db";

/** One bookable service for the booking steps (null when unknown or no longer offered). */
export function findBookableService(id: string) {
  return db.service.findFirst({
    where: { id, active: true },
    select: { id: true, name: true, description: true, durationMinutes: true, priceCents: true, currency: true },
  });
}

export type BookableServiceSummary = NonNullable<Awaited<ReturnType<typeof findBookableService>>>;

/**
 * The emails sent about one appointment, for its customer's detail page. The customer id is part of the
 * query (and the recipient must be them), so nobody can read another customer's mail through an id.
 */
export function listCustomerEmailsForAppointment(customer: { id: string; email: string }, appointmentId: string) {
  return db.emailMessage.findMany({
    where: { appointmentId, to: customer.email, kind: { not: { startsWith: "stylist-" } } },
    orderBy: { createdAt: "asc" },
    select: { id: true, kind: true, subject: true, status: true, createdAt: true, sentAt: true },
  });
}
