import { publishOutboxAfterResponse } from "@/lib/notifications/publish-after-response";

/**
 * The one place the API hands appointment changes to notifications: the booking core wrote outbox rows
 * in its transaction; they are published once the response has gone out (Next's `after()`), so emails
 * never slow an API call down. Failures stay in the outbox for the relay; nothing to await here.
 */
export function afterAppointmentChange(): void {
  void publishOutboxAfterResponse();
}
