import "server-only";
import { actorOf, type SessionUser } from "@/lib/auth/session";
import { getAppointment } from "@/lib/booking/data";
import { orNotFoundPage } from "@/lib/or-not-found-page";
import { getVisit } from "@/lib/visits/data";
import type { VisitView } from "@/lib/visits/visit-view";

/** The signed-in customer's appointment, or the 404 page (also for someone else's id: no probing). */
export async function loadOwnAppointment(user: SessionUser, id: string) {
  return orNotFoundPage(getAppointment(actorOf(user), id));
}

/**
 * The visit an appointment is a segment of, when it has several: its pages then show and change the
 * whole visit. null for a single appointment (a visit of one), which keeps its own pages as they are.
 */
export async function loadOwnVisitOf(user: SessionUser, appointment: { visitId: string | null }): Promise<VisitView | null> {
  if (!appointment.visitId) return null;
  const visit = await orNotFoundPage(getVisit(actorOf(user), appointment.visitId));
  return visit.segments.length > 1 ? visit : null;
}
