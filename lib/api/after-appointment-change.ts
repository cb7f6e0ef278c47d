/**
 * The one place the API hands appointment changes to notifications: the booking core writes outbox rows
 * in its transaction; this asks for them to be published once the response has gone out.
 *
 * Wiring: when lib/notifications exports `publishOutboxAfterResponse()`, call it here.
 */
export function afterAppointmentChange(): void {
  // Intentionally empty until notifications exports its publisher (see the comment above).
}
