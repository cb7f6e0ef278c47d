import { buildAppointmentsIcs, type AppointmentCalendarEvent } from "@/lib/calendar/appointment-ics";
import type { AppointmentView } from "@/lib/booking/appointment-view";
import type { VisitView } from "@/lib/visits/visit-view";
import { googleCalendarUrl } from "./google-calendar";

type Salon = { name: string; address: string; email: string | null };

/** The "add to calendar" pair for one appointment: an .ics file and a Google Calendar link. */
export function appointmentIcs(appointment: AppointmentView, salon: Salon, appUrl: string): string {
  return buildAppointmentsIcs([calendarEvent(appointment, salon, appUrl)]);
}

/** A visit of several services: one event per segment (as in its emails), so each stylist's part shows. */
export function visitIcs(visit: VisitView, salon: Salon, appUrl: string): string {
  return buildAppointmentsIcs(visit.segments.map((segment) => calendarEvent(segment, salon, appUrl)));
}

function calendarEvent(appointment: AppointmentView, salon: Salon, appUrl: string): AppointmentCalendarEvent {
  return {
    method: appointment.status === "CANCELLED" ? "CANCEL" : "REQUEST",
    appointmentId: appointment.id,
    // The version rises with every change, which is exactly what SEQUENCE needs.
    sequence: appointment.version,
    startsAt: appointment.startsAt,
    endsAt: appointment.endsAt,
    stampedAt: appointment.updatedAt,
    summary: `${appointment.service.name} at ${salon.name}`,
    description: `With ${appointment.staff.name}. Manage: ${appUrl}/appointments/${appointment.id}`,
    location: salon.address,
    organizer: { name: salon.name, email: salon.email ?? "bookings@pamperbook.test" },
    attendee: { name: appointment.customer.name, email: appointment.customer.email },
    uidDomain: new URL(appUrl).hostname,
  };
}

export function appointmentGoogleLink(appointment: AppointmentView, salon: Salon, appUrl: string): string {
  return googleCalendarUrl({
    title: `${appointment.service.name} at ${salon.name}`,
    startsAt: appointment.startsAt,
    endsAt: appointment.endsAt,
    details: `With ${appointment.staff.name}. Manage your booking: ${appUrl}/appointments/${appointment.id}`,
    location: salon.address,
  });
}

/** A visit as one Google Calendar event from its first start to its last end, every service named. */
export function visitGoogleLink(visit: VisitView, salon: Salon, appUrl: string): string {
  const first = visit.segments[0]!;
  return googleCalendarUrl({
    title: `${visit.segments.map((segment) => segment.service.name).join(" + ")} at ${salon.name}`,
    startsAt: visit.startsAt,
    endsAt: visit.endsAt,
    details: `${visit.segments.map((segment) => `${segment.service.name} with ${segment.staff.name}`).join("; ")}. Manage your booking: ${appUrl}/appointments/${first.id}`,
    location: salon.address,
  });
}
