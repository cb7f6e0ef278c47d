import "server-only";
import { publishOutboxAfterResponse } from "@/lib/notifications/publish-after-response";

/**
 * The one place the customer web app hands appointment changes to notifications: the booking core has
 * already written outbox rows in its transaction; this publishes them (and so sends the emails) once
 * the response has gone out, so the customer never waits for email rendering.
 */
export function afterAppointmentChange(): void {
  void publishOutboxAfterResponse();
}
