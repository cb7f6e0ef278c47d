import { buildAppointmentsIcs } from "@/lib/calendar/appointment-ics";
import { visitSegmentsOf } from "./email-props";
import type { AppointmentForEmail } from "./data";
import type { EmailAttachment } from "./transport/mail-transport";

type Options = { cancels: boolean; version: number; appUrl: string; organizerEmail: string };

/**
 * The .ics every customer email carries. SEQUENCE is the appointment version minus one: it starts at 0
 * when booked and rises with every reschedule (and with the cancel), which is what calendar clients need
 * to replace the earlier copy. DTSTAMP is the appointment's last change, so a retried email is identical.
 * A visit of several services gets one VEVENT per segment (its own UID, SEQUENCE and stylist) rather than
 * one event spanning the visit: staff may later cancel or reassign one segment, and that segment's own
 * email then updates or removes exactly its event, which one spanning event could not express.
 */
export function appointmentCalendarAttachment({ appointment, salon }: AppointmentForEmail, options: Options): EmailAttachment {
  const segments = visitSegmentsOf({ appointment, salon }) ?? [
    { ...appointment, version: options.version, service: appointment.service, staff: appointment.staff },
  ];
  const ics = buildAppointmentsIcs(
    segments.map((segment) => ({
      method: options.cancels ? "CANCEL" : "REQUEST",
      appointmentId: segment.id,
      sequence: Math.max(0, segment.version - 1),
      startsAt: segment.startsAt,
      endsAt: segment.endsAt,
      stampedAt: segment.updatedAt,
      summary: `${segment.service.name} with ${segment.staff.staffProfile?.displayName ?? segment.staff.name} at ${salon.name}`,
      description: `Manage your booking: ${options.appUrl}/appointments/${appointment.id}`,
      location: `${salon.name}, ${salon.address}`,
      organizer: { name: salon.name, email: options.organizerEmail },
      attendee: { name: appointment.customer.name, email: appointment.customer.email },
      uidDomain: new URL(options.appUrl).hostname,
    })),
  );
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
