/**
 * The kinds of email the system sends. One email per (appointment, kind, appointment version): that key
 * is the EmailMessage's unique `dedupeKey` and Resend's idempotency key, so redelivery never duplicates.
 */
export const emailKinds = [
  "confirmation",
  "reschedule",
  "cancellation",
  "reminder",
  "stylist-booked",
  "stylist-cancelled",
] as const;

export type EmailKind = (typeof emailKinds)[number];

export function emailDedupeKey(appointmentId: string, kind: EmailKind, version: number): string {
  return `${appointmentId}:${kind}:${version}`;
}

/** Customer emails carry a calendar file; stylist notices do not (the dashboard is their calendar). */
export function isCustomerEmail(kind: EmailKind): boolean {
  return !kind.startsWith("stylist-");
}

/**
 * Emails that tell someone the appointment is on. One still queued when the appointment stops being
 * booked (cancelled before the relay got to it) would contradict the cancellation sent after it.
 */
export function announcesBooking(kind: EmailKind): boolean {
  return kind !== "cancellation" && kind !== "stylist-cancelled";
}
