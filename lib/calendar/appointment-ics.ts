import { escapeText, formatUtcDateTime, serializeLines } from "./ics-text";

/**
 * One appointment as an iTIP (RFC 5546) calendar object: METHOD REQUEST adds or updates the event in the
 * customer's calendar, METHOD CANCEL removes it. The UID is stable per appointment and SEQUENCE rises
 * with every change, so a client replaces the earlier copy instead of adding a second one.
 */

export type CalendarPerson = { name: string; email: string };

export type AppointmentCalendarEvent = {
  method: "REQUEST" | "CANCEL";
  appointmentId: string;
  /** Must rise with each reschedule; a client ignores an update whose SEQUENCE is not higher. */
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  /** When this revision was made; deterministic so a retried email is byte-identical. */
  stampedAt: Date;
  summary: string;
  description: string;
  location: string;
  organizer: CalendarPerson;
  attendee: CalendarPerson;
  /** Host part of the UID, e.g. the app's domain. */
  uidDomain: string;
};

function person(property: "ORGANIZER" | "ATTENDEE", who: CalendarPerson, extra = ""): string {
  // CN is a quoted parameter value: quotes are not allowed inside, so they are dropped.
  const name = who.name.replace(/["\r\n]/g, "");
  return `${property};CN="${name}"${extra}:mailto:${who.email}`;
}

export function appointmentUid(appointmentId: string, uidDomain: string): string {
  return `appointment-${appointmentId}@${uidDomain}`;
}

export function buildAppointmentIcs(event: AppointmentCalendarEvent): string {
  return buildAppointmentsIcs([event]);
}

/**
 * Several appointments in one calendar object (a visit: one VEVENT per segment, each with its own UID,
 * so a later change to one segment replaces or removes exactly that event). They share the METHOD.
 */
export function buildAppointmentsIcs(events: readonly AppointmentCalendarEvent[]): string {
  const method = events[0]!.method;
  const cancelled = method === "CANCEL";
  return serializeLines([
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Pamper Book//Appointments//EN",
    "CALSCALE:GREGORIAN",
    `METHOD:${method}`,
    ...events.flatMap((event) => [
      "BEGIN:VEVENT",
      `UID:${appointmentUid(event.appointmentId, event.uidDomain)}`,
      `SEQUENCE:${event.sequence}`,
      `DTSTAMP:${formatUtcDateTime(event.stampedAt)}`,
      `DTSTART:${formatUtcDateTime(event.startsAt)}`,
      `DTEND:${formatUtcDateTime(event.endsAt)}`,
      `SUMMARY:${escapeText(event.summary)}`,
      `DESCRIPTION:${escapeText(event.description)}`,
      `LOCATION:${escapeText(event.location)}`,
      `STATUS:${cancelled ? "CANCELLED" : "CONFIRMED"}`,
      person("ORGANIZER", event.organizer),
      person("ATTENDEE", event.attendee, cancelled ? ";ROLE=REQ-PARTICIPANT" : ";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED"),
      "END:VEVENT",
    ]),
    "END:VCALENDAR",
  ]);
}
