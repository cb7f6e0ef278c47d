import "server-only";
import { actorOf, type SessionUser } from "@/lib/auth/session";
import { getAppointment } from "@/lib/booking/data";
import { withNotFoundPage } from "@/lib/not-found-page";

/** The signed-in customer's appointment, or the 404 page (also for someone else's id: no probing). */
export function loadOwnAppointment(user: SessionUser, id: string) {
  return withNotFoundPage(getAppointment(actorOf(user), id));
}
