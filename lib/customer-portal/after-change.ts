/**
 * The one place the customer web app hands appointment changes to notifications: the booking core has
 * already written outbox rows in its transaction; this asks for them to be published (and the emails
 * sent) once the response has gone out.
 *
 * Wiring: when lib/notifications exports `publishOutboxAfterResponse()`, call it here.
 */
export function afterAppointmentChange(): void {
  // Intentionally empty until notifications exports its publisher (see the comment above).
}
