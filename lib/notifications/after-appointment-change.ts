import "server-only";
import { publishOutboxAfterResponse } from "@/lib/notifications/publish-after-response";

/**
 * The one place an entry point (API route, customer action) hands an appointment change to
 * notifications: the booking core wrote outbox rows in its transaction; they are published once the
 * response has gone out (Next's `after()`), so emails never slow a request down. Failures stay in the
 * outbox for the relay; nothing to await here.
 */
export function afterAppointmentChange(): void {
  void publishOutboxAfterResponse();
}
