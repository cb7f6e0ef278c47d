import { appointmentUid } from "./appointment-ics";
import { escapeText, formatUtcDateTime, serializeLines } from "./ics-text";

/**
 * A stylist's subscription calendar (RFC 5545, METHOD PUBLISH): their appointments and their time off as
 * busy blocks. Subscribed calendars are read-only copies, so no attendees or organiser: only what the
 * stylist needs on their phone, and nothing that identifies the customer beyond a first name.
 */

export type FeedAppointment = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  updatedAt: Date;
  version: number;
  customerFirstName: string;
  serviceName: string;
};

export type FeedBusyBlock = { id: string; startsAt: Date; endsAt: Date; createdAt: Date };

export type CalendarFeed = {
  calendarName: string;
  uidDomain: string;
  appointments: FeedAppointment[];
  timeOff: FeedBusyBlock[];
};

function event(fields: { uid: string; sequence: number; stamp: Date; startsAt: Date; endsAt: Date; summary: string }): string[] {
  return [
    "BEGIN:VEVENT",
    `UID:${fields.uid}`,
    `SEQUENCE:${fields.sequence}`,
    `DTSTAMP:${formatUtcDateTime(fields.stamp)}`,
    `DTSTART:${formatUtcDateTime(fields.startsAt)}`,
    `DTEND:${formatUtcDateTime(fields.endsAt)}`,
    `SUMMARY:${escapeText(fields.summary)}`,
    "TRANSP:OPAQUE",
    "END:VEVENT",
  ];
}

export function buildCalendarFeedIcs(feed: CalendarFeed): string {
  return serializeLines([
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Pamper Book//Stylist calendar//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(feed.calendarName)}`,
    ...feed.appointments.flatMap((appointment) =>
      event({
        // The same UID as the customer's .ics, so one appointment is one event everywhere.
        uid: appointmentUid(appointment.id, feed.uidDomain),
        sequence: appointment.version,
        stamp: appointment.updatedAt,
        startsAt: appointment.startsAt,
        endsAt: appointment.endsAt,
        summary: `${appointment.customerFirstName} — ${appointment.serviceName}`,
      }),
    ),
    ...feed.timeOff.flatMap((block) =>
      event({
        uid: `time-off-${block.id}@${feed.uidDomain}`,
        sequence: 0,
        stamp: block.createdAt,
        startsAt: block.startsAt,
        endsAt: block.endsAt,
        // The reason may be personal; a subscribed calendar may be shared with a partner's phone.
        summary: "Busy (time off)",
      }),
    ),
    "END:VCALENDAR",
  ]);
}
