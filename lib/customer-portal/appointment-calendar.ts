import { buildAppointmentIcs } from "@/lib/calendar/appointment-ics";
import type { AppointmentView } from "@/lib/booking/appointment-view";
import { googleCalendarUrl } from "./google-calendar";

type Salon = { name: string; address: string; email: string | null };

/** The "add to calendar" pair for one appointment: an .ics file and a Google Calendar link. */
export function appointmentIcs(appointment: AppointmentView, salon: Salon, appUrl: string): string {
  return buildAppointmentIcs({
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
  });
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
