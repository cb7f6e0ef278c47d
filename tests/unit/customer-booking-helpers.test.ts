import { describe, expect, it } from "vitest";
import { safeCallbackUrl, ZRegisterInput, ZSignInInput } from "@/lib/auth/schema";
import { clientIp } from "@/lib/auth/client-ip";
import { monthRange, ZMonthAvailabilityRequest } from "@/lib/customer-portal/availability-request";
import { changeAvailability } from "@/lib/booking/cutoffs";
import { countByDate, dayPartOf, groupByDayPart } from "@/lib/customer-portal/day-parts";
import { formatSalonDateTime, salonLocalDate } from "@/lib/time/format-when";
import { googleCalendarUrl } from "@/lib/customer-portal/google-calendar";
import { currentStep, parseSelection, selectionHref } from "@/lib/customer-portal/selection";
import { signInPerAccount, signInPerIp } from "@/lib/rate-limit/policies";
import { counterKey, windowStartOf } from "@/lib/rate-limit/window";
import { addMonths, monthGrid } from "@/lib/time/calendar-month";

describe("account schemas", () => {
  it("normalises the email and explains a short password", () => {
    const parsed = ZRegisterInput.safeParse({ name: " Ann ", email: " Ann@Example.TEST ", password: "short" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual(["Use at least 10 characters."]);
    expect(ZSignInInput.parse({ email: " Ann@Example.TEST ", password: "x" }).email).toBe("ann@example.test");
  });

  it("only accepts same-site paths after sign-in (no open redirect)", () => {
    expect(safeCallbackUrl("/book?service=a")).toBe("/book?service=a");
    for (const bad of ["https://evil.test", "//evil.test", "/\\evil.test", "", undefined])
      expect(safeCallbackUrl(bad)).toBe("/appointments");
  });

  it("counts failures per account and per IP in fixed windows", () => {
    expect([counterKey(signInPerAccount, "a@b.test"), counterKey(signInPerIp, "10.0.0.1")]).toEqual([
      "sign-in:account:a@b.test",
      "sign-in:ip:10.0.0.1",
    ]);
    expect(windowStartOf(signInPerAccount, new Date("2030-01-01T10:14:59Z")).toISOString()).toBe("2030-01-01T10:00:00.000Z");
    expect(clientIp(new Headers(), 0)).toBeNull();
  });

  it("takes the client address from the trusted proxy hops, so a forged X-Forwarded-For changes nothing", () => {
    // Next appends the socket's peer: with no proxy that is the client, whatever it wrote before it.
    const forged = new Headers({ "x-forwarded-for": "1.2.3.4, 203.0.113.9" });
    expect(clientIp(forged, 0)).toBe("203.0.113.9");
    expect(clientIp(new Headers({ "x-forwarded-for": "5.6.7.8, 203.0.113.9" }), 0)).toBe("203.0.113.9");
    // One proxy in front: it appended the client, Next appended the proxy.
    expect(clientIp(new Headers({ "x-forwarded-for": "1.2.3.4, 203.0.113.9, 10.0.0.1" }), 1)).toBe("203.0.113.9");
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.9" }), 2)).toBe("203.0.113.9");
  });
});

describe("booking selection in the URL", () => {
  it("walks the steps and drops malformed values instead of failing", () => {
    expect(currentStep(parseSelection({}))).toBe("service");
    expect(currentStep(parseSelection({ service: "s" }))).toBe("staff");
    expect(currentStep(parseSelection({ service: "s", staff: "any", start: "not-a-date" }))).toBe("time");
    expect(currentStep(parseSelection({ service: "s", staff: "any", start: "2030-01-07T10:00:00.000Z" }))).toBe("details");
    expect(currentStep(parseSelection({ service: "s", staff: "any", start: "2030-01-07T10:00:00Z", step: "review" }))).toBe("review");
    expect(parseSelection({ service: ["a", "b"], date: "07/01/2030" })).toMatchObject({ service: "a", date: undefined });
  });

  it("builds links that leave out empty choices", () => {
    expect(selectionHref("/book", { service: "s", staff: undefined, note: "" })).toBe("/book?service=s");
    expect(selectionHref("/book", {})).toBe("/book");
  });
});

describe("slots by part of the day and the calendar", () => {
  const slots = ["08:45", "11:59", "12:00", "16:45", "17:00", "19:30"].map((localTime, index) => ({
    localTime,
    localDate: index < 3 ? "2030-01-07" : "2030-01-08",
  }));

  it("names morning, afternoon and evening by the salon's wall clock", () => {
    expect(slots.map((slot) => dayPartOf(slot.localTime))).toEqual(["morning", "morning", "afternoon", "afternoon", "evening", "evening"]);
    expect(groupByDayPart(slots.slice(2, 4)).map((group) => group.part)).toEqual(["afternoon"]);
    expect(countByDate(slots)).toEqual(
      new Map([
        ["2030-01-07", 3],
        ["2030-01-08", 3],
      ]),
    );
  });

  it("lays a month out in Monday-first weeks", () => {
    const weeks = monthGrid("2030-01"); // 1 January 2030 is a Tuesday
    expect(weeks[0]).toEqual([null, "2030-01-01", "2030-01-02", "2030-01-03", "2030-01-04", "2030-01-05", "2030-01-06"]);
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
    expect(weeks.every((week) => week.length === 7)).toBe(true);
    expect(addMonths("2030-12", 1)).toBe("2031-01");
    expect(addMonths("2030-01", -1)).toBe("2029-12");
  });

  it("asks for a month with a day of margin on each side, for any timezone", () => {
    expect(monthRange("2030-03")).toEqual({ from: new Date("2030-02-28T00:00:00Z"), to: new Date("2030-04-02T00:00:00Z") });
    expect(ZMonthAvailabilityRequest.safeParse({ serviceId: "s", month: "2030-13" }).success).toBe(false);
  });

  it("shows dates and times in the salon's timezone, across DST", () => {
    expect(formatSalonDateTime(new Date("2030-07-01T09:30:00Z"), { timezone: "Europe/London", locale: "en-GB" })).toBe(
      "Monday, 1 July 2030 at 10:30",
    );
    expect(salonLocalDate(new Date("2030-01-01T23:30:00Z"), "Asia/Kathmandu")).toBe("2030-01-02");
  });
});

describe("changing an appointment online", () => {
  const startsAt = new Date("2030-01-08T10:00:00Z");

  it("is allowed before the cutoff and explained after it or once cancelled", () => {
    expect(changeAvailability({ status: "BOOKED", startsAt }, "cancel", 1440, new Date("2030-01-07T09:59:00Z"))).toEqual({ allowed: true });
    expect(changeAvailability({ status: "BOOKED", startsAt }, "cancel", 1440, new Date("2030-01-07T10:01:00Z"))).toMatchObject({
      allowed: false,
      reason: "Appointments can only be cancelled online up to 24 hours before they start.",
    });
    expect(changeAvailability({ status: "CANCELLED", startsAt }, "reschedule", 1440, new Date("2029-01-01T00:00:00Z"))).toMatchObject({
      reason: "This appointment is cancelled, so it cannot be rescheduled.",
    });
  });

  it("links to Google Calendar with UTC basic-format dates", () => {
    const url = new URL(
      googleCalendarUrl({ title: "Cut", startsAt, endsAt: new Date("2030-01-08T11:00:00Z"), details: "d", location: "l" }),
    );
    expect(url.searchParams.get("dates")).toBe("20300108T100000Z/20300108T110000Z");
    expect(url.searchParams.get("action")).toBe("TEMPLATE");
  });
});
