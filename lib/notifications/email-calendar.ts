import { buildAppointmentIcs } from "@/lib/calendar/appointment-ics";
import type { AppointmentForEmail } from "./data";
import type { EmailAttachment } from "./transport/mail-transport";

type Options = { cancels: boolean; version: number; appUrl: string; organizerEmail: string };

/**
 * The .ics every customer email carries. SEQUENCE is the appointment version minus one: it starts at 0
 * when booked and rises with every reschedule (and with the cancel), which is what calendar clients need
 * to replace the earlier copy. DTSTAMP is the appointment's last change, so a retried email is identical.
 */
export function appointmentCalendarAttachment({ appointment, salon }: AppointmentForEmail, options: Options): EmailAttachment {
  const stylist = appointment.staff.staffProfile?.displayName ?? appointment.staff.name;
  const ics = buildAppointmentIcs({
    method: options.cancels ? "CANCEL" : "REQUEST",
    appointmentId: appointment.id,
    sequence: Math.max(0, options.version - 1),
    startsAt: appointment.startsAt,
    endsAt: appointment.endsAt,
    stampedAt: appointment.updatedAt,
    summary: `${appointment.service.name} with ${stylist} at ${salon.name}`,
    description: `Manage your booking: ${options.appUrl}/appointments/${appointment.id}`,
    location: `${salon.name}, ${salon.address}`,
    organizer: { name: salon.name, email: options.organizerEmail },
    attendee: { name: appointment.customer.name, email: appointment.customer.email },
    uidDomain: new URL(options.appUrl).hostname,
  });
  return {
    filename: options.cancels ? "cancelled-appointment.ics" : "appointment.ics",
    contentType: `text/calendar; charset=utf-8; method=${options.cancels ? "CANCEL" : "REQUEST"}`,
    content: Buffer.from(ics, "utf8").toString("base64"),
  };
}

/** The bare address in "Name <address>" (or the string itself when it is already bare). */
export function emailAddressOf(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1]?.trim() ?? from.trim();
}
