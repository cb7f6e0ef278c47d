import type { AppointmentView } from "@/lib/booking/appointment-view";
import { toVisitView, type VisitView } from "@/lib/visits/visit-view";

/** A row of "My appointments": one appointment, or one visit standing for all of its segments. */
export type AppointmentListItem = { kind: "appointment"; appointment: AppointmentView } | { kind: "visit"; visit: VisitView };

/**
 * Folds a visit's segments into one row, where the first of them appeared: the customer booked one
 * visit, so they see one, listing its services, times and stylists.
 */
export function groupVisits(appointments: readonly AppointmentView[]): AppointmentListItem[] {
  const byVisit = new Map<string, AppointmentView[]>();
  for (const appointment of appointments) {
    if (appointment.visitId) byVisit.set(appointment.visitId, [...(byVisit.get(appointment.visitId) ?? []), appointment]);
  }
  const items: AppointmentListItem[] = [];
  const seen = new Set<string>();
  for (const appointment of appointments) {
    const segments = appointment.visitId ? byVisit.get(appointment.visitId)! : [appointment];
    if (segments.length === 1) {
      items.push({ kind: "appointment", appointment });
    } else if (!seen.has(appointment.visitId!)) {
      seen.add(appointment.visitId!);
      const ordered = [...segments].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
      items.push({ kind: "visit", visit: toVisitView(appointment.visitId!, ordered) });
    }
  }
  return items;
}

/** "Cut + Colour", and who does them ("Amara Okafor", or "Amara Okafor and Ben Carter"). */
export function visitLabels(visit: VisitView): { services: string; stylists: string } {
  const stylists = [...new Set(visit.segments.map((segment) => segment.staff.name))];
  return {
    services: visit.segments.map((segment) => segment.service.name).join(" + "),
    stylists: stylists.length > 1 ? `${stylists.slice(0, -1).join(", ")} and ${stylists.at(-1)}` : (stylists[0] ?? ""),
  };
}
