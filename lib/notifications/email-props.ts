import type { AppointmentEmailProps } from "@/emails/components/appointment-email-props";
import { formatPrice } from "@/lib/format";
import type { AppointmentForEmail } from "./data";
import { formatEmailDateTime, formatEmailEnd, formatTimeZoneLabel } from "./format-email-time";

/** Turns the stored appointment into what a template shows: formatted, localised, links absolute. */
export function toAppointmentEmailProps({ appointment, salon }: AppointmentForEmail, appUrl: string): AppointmentEmailProps {
  return {
    customerName: appointment.customer.name,
    salonName: salon.name,
    salonAddress: salon.address,
    serviceName: appointment.service.name,
    stylistName: appointment.staff.staffProfile?.displayName ?? appointment.staff.name,
    price: formatPrice(appointment.priceCents, appointment.currency, salon.locale),
    startsAt: formatEmailDateTime(appointment.startsAt, salon),
    endsAt: formatEmailEnd(appointment.startsAt, appointment.endsAt, salon),
    timeZone: formatTimeZoneLabel(appointment.startsAt, salon),
    manageUrl: `${appUrl}/appointments/${encodeURIComponent(appointment.id)}`,
    customerNote: appointment.customerNote,
  };
}
