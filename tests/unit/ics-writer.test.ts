import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildAppointmentIcs, type AppointmentCalendarEvent } from "@/lib/calendar/appointment-ics";
import { escapeText, foldLine, formatUtcDateTime } from "@/lib/calendar/ics-text";

const base: AppointmentCalendarEvent = {
  method: "REQUEST",
  appointmentId: "appt_123",
  sequence: 2,
  startsAt: new Date("2030-03-31T00:30:00Z"),
  endsAt: new Date("2030-03-31T01:30:00Z"),
  stampedAt: new Date("2030-01-01T12:00:00.456Z"),
  summary: "Cut; colour, and “blow-dry”",
  description: "Line one\nLine two with a back\\slash",
  location: "Pamper & Co, 12 High Street, London",
  organizer: { name: "Pamper & Co", email: "hello@pamper.example" },
  attendee: { name: 'Zoë "Z" Ångström', email: "zoe@customer.test" },
  uidDomain: "pamper.example",
};

describe("iCalendar text primitives", () => {
  it("escapes backslash, semicolon, comma and newlines in TEXT values", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
  });

  it("formats instants as UTC DATE-TIME without milliseconds", () => {
    expect(formatUtcDateTime(new Date("2030-03-31T00:30:05.999Z"))).toBe("20300331T003005Z");
  });

  it("folds at 75 octets without splitting a multi-byte character", () => {
    const line = `DESCRIPTION:${"é".repeat(100)}`;
    const physical = foldLine(line).split("\r\n");
    expect(physical.length).toBeGreaterThan(1);
    for (const part of physical) expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(75);
    expect(physical.slice(1).every((part) => part.startsWith(" "))).toBe(true);
    expect(physical.map((part, i) => (i === 0 ? part : part.slice(1))).join("")).toBe(line);
  });
});

describe("appointment .ics", () => {
  it("uses CRLF line endings and never exceeds 75 octets per line", () => {
    const ics = buildAppointmentIcs({ ...base, description: "x".repeat(300) });
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
  });

  it("parses with ical.js: method, stable UID, sequence, UTC instants, escaped text round-trips", () => {
    const calendar = new ICAL.Component(ICAL.parse(buildAppointmentIcs(base)));
    const event = calendar.getFirstSubcomponent("vevent")!;
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(event.getFirstPropertyValue("uid")).toBe("appointment-appt_123@pamper.example");
    expect(event.getFirstPropertyValue("sequence")).toBe(2);
    expect(event.getFirstPropertyValue("status")).toBe("CONFIRMED");
    const start = event.getFirstPropertyValue("dtstart") as ICAL.Time;
    expect(start.zone?.tzid).toBe("UTC");
    expect(start.toJSDate().toISOString()).toBe("2030-03-31T00:30:00.000Z");
    expect((event.getFirstPropertyValue("dtend") as ICAL.Time).toJSDate().toISOString()).toBe("2030-03-31T01:30:00.000Z");
    expect(event.getFirstPropertyValue("summary")).toBe(base.summary);
    expect(event.getFirstPropertyValue("description")).toBe(base.description);
    expect(event.getFirstPropertyValue("location")).toBe(base.location);
    expect(event.getFirstPropertyValue("organizer")).toBe("mailto:hello@pamper.example");
    const attendee = event.getFirstProperty("attendee")!;
    expect(attendee.getFirstValue()).toBe("mailto:zoe@customer.test");
    expect(attendee.getParameter("cn")).toBe("Zoë Z Ångström");
    expect(attendee.getParameter("partstat")).toBe("ACCEPTED");
  });

  it("a cancel keeps the UID, says METHOD:CANCEL and STATUS:CANCELLED", () => {
    const calendar = new ICAL.Component(ICAL.parse(buildAppointmentIcs({ ...base, method: "CANCEL", sequence: 3 })));
    const event = calendar.getFirstSubcomponent("vevent")!;
    expect(calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(event.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(event.getFirstPropertyValue("uid")).toBe("appointment-appt_123@pamper.example");
    expect(event.getFirstPropertyValue("sequence")).toBe(3);
  });
});
