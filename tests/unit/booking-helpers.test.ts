import { describe, expect, it } from "vitest";
import { assertBeforeCutoff, cutoffInstant } from "@/lib/booking/cutoffs";
import { creationChanges, diffChanges } from "@/lib/booking/history";
import { decodeStartsAtCursor, encodeStartsAtCursor } from "@/lib/cursor";
import { ZAvailabilityQuery, ZAvailabilityQueryFields, ZBookAppointmentInput, ZRescheduleAppointmentInput } from "@/lib/booking/schema";
import { AppError } from "@/lib/errors";

const HOUR = 3_600_000;

describe("cutoffs", () => {
  const start = Date.parse("2030-01-07T10:00:00Z");

  it("allows a change up to the cutoff instant and refuses it after", () => {
    expect(cutoffInstant(start, 1440)).toBe(start - 24 * HOUR);
    expect(() => assertBeforeCutoff("cancel", start, 1440, start - 24 * HOUR)).not.toThrow();
    expect(() => assertBeforeCutoff("cancel", start, 1440, start - 24 * HOUR + 1)).toThrow(AppError);
    expect(() => assertBeforeCutoff("reschedule", start, 120, start)).toThrow(expect.objectContaining({ code: "CUTOFF_PASSED" }));
  });
});

describe("history changes", () => {
  it("keeps only changed fields, as JSON with ISO instants", () => {
    const before = { startsAt: new Date("2030-01-07T10:00:00Z"), staffId: "a", priceCents: 100 };
    const after = { startsAt: new Date("2030-01-07T11:00:00Z"), staffId: "a", priceCents: 100 };
    expect(diffChanges(before, after)).toEqual({
      before: { startsAt: "2030-01-07T10:00:00.000Z" },
      after: { startsAt: "2030-01-07T11:00:00.000Z" },
    });
  });

  it("records a creation as after-only", () => {
    expect(creationChanges({ status: "BOOKED", note: undefined })).toEqual({ after: { status: "BOOKED", note: null } });
  });
});

describe("list cursors", () => {
  it("round-trips and rejects garbage as VALIDATION", () => {
    const cursor = { startsAt: new Date("2030-01-07T10:00:00Z"), id: "abc" };
    expect(decodeStartsAtCursor(encodeStartsAtCursor(cursor))).toEqual(cursor);
    expect(() => decodeStartsAtCursor("not-a-cursor")).toThrow(AppError);
    expect(() => decodeStartsAtCursor(Buffer.from('["x","y"]').toString("base64url"))).toThrow(AppError);
  });
});

describe("booking schemas", () => {
  it("coerces ISO instants with offsets and rejects bare local times and unknown keys", () => {
    const base = { customerId: "c", serviceId: "s", source: "WEB" };
    expect(ZBookAppointmentInput.parse({ ...base, startsAt: "2030-01-07T10:00:00+05:45" }).startsAt).toEqual(
      new Date("2030-01-07T04:15:00Z"),
    );
    expect(ZBookAppointmentInput.safeParse({ ...base, startsAt: "2030-01-07T10:00:00" }).success).toBe(false);
    expect(ZBookAppointmentInput.safeParse({ ...base, startsAt: new Date(), surprise: true }).success).toBe(false);
    expect(ZBookAppointmentInput.safeParse({ ...base, startsAt: new Date(), staffId: null }).success).toBe(true);
  });

  it("bounds availability ranges to 62 days and keeps the fields derivable", () => {
    const from = "2030-01-01T00:00:00Z";
    expect(ZAvailabilityQuery.safeParse({ serviceId: "s", from, to: "2030-03-04T00:00:00Z" }).success).toBe(true);
    expect(ZAvailabilityQuery.safeParse({ serviceId: "s", from, to: "2030-03-05T00:00:00Z" }).success).toBe(false);
    expect(ZAvailabilityQuery.safeParse({ serviceId: "s", from, to: from }).success).toBe(false);
    expect(Object.keys(ZAvailabilityQueryFields.omit({ staffId: true }).shape)).toEqual([
      "serviceId",
      "from",
      "to",
      "excludeAppointmentId",
    ]);
    expect(Object.keys(ZRescheduleAppointmentInput.omit({ appointmentId: true }).shape)).not.toContain("appointmentId");
  });
});
