import type { AppointmentEmailProps } from "@/emails/components/appointment-email-props";
import { formatPrice } from "@/lib/format";
import type { AppointmentForEmail } from "./data";
import { formatEmailDateTime, formatEmailEnd, formatTimeZoneLabel } from "./format-email-time";

/** Turns the stored appointment into what a template shows: formatted, localised, links absolute. */
export function toAppointmentEmailProps({ appointment, salon }: AppointmentForEmail, appUrl: string): AppointmentEmailProps {
  const visit = visitSegmentsOf({ appointment, salon });
  if (visit) {
    const first = visit[0]!;
    const last = visit[visit.length - 1]!;
    return {
      ...toAppointmentEmailProps({ appointment: { ...appointment, visit: null }, salon }, appUrl),
      serviceName: visit.map((segment) => segment.service.name).join(" + "),
      price: formatPrice(
        visit.reduce((total, segment) => total + segment.priceCents, 0),
        appointment.currency,
        salon.locale,
      ),
      startsAt: formatEmailDateTime(first.startsAt, salon),
      endsAt: formatEmailEnd(first.startsAt, last.endsAt, salon),
      segments: visit.map((segment) => ({
        serviceName: segment.service.name,
        stylistName: stylistNameOf(segment.staff),
        time: `${formatEmailEnd(first.startsAt, segment.startsAt, salon)} – ${formatEmailEnd(first.startsAt, segment.endsAt, salon)}`,
      })),
    };
  }
  return {
    customerName: appointment.customer.name,
    salonName: salon.name,
    salonAddress: salon.address,
    serviceName: appointment.service.name,
    stylistName: stylistNameOf(appointment.staff),
    price: formatPrice(appointment.priceCents, appointment.currency, salon.locale),
    startsAt: formatEmailDateTime(appointment.startsAt, salon),
    endsAt: formatEmailEnd(appointment.startsAt, appointment.endsAt, salon),
    timeZone: formatTimeZoneLabel(appointment.startsAt, salon),
    manageUrl: `${appUrl}/appointments/${encodeURIComponent(appointment.id)}`,
    customerNote: appointment.customerNote,
  };
}

const stylistNameOf = (staff: { name: string; staffProfile: { displayName: string } | null }) =>
  staff.staffProfile?.displayName ?? staff.name;

/**
 * The segments an email about a visit of several services lists: those in the same state as the one it is
 * sent through (booked for a confirmation, cancelled for a cancellation). Undefined for a single booking.
 */
export function visitSegmentsOf({ appointment }: AppointmentForEmail) {
  const { visit } = appointment;
  if (!visit || visit.segmentCount < 2) return undefined;
  const listed = visit.segments.filter((segment) => segment.status === appointment.status);
  return listed.length > 0 ? listed : undefined;
}
