import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createBookingFixture, type BookingFixture } from "../support/booking-fixtures";
import { Redirect, redirectOf } from "../support/next-navigation";
import { form, session } from "../support/session-mock";

/**
 * Dates and times staff type into the dashboard are the salon's wall clock: a day that does not exist
 * is refused with a field error (never rolled into the next month), and on the day the clocks go back
 * (Europe/London, 2030-10-27, 01:00–02:00 happens twice) staff choose which 01:30 they mean.
 */

vi.mock("next/navigation", async () => (await import("../support/next-navigation")).navigationMock);
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/notifications/publish-after-response", () => ({ publishOutboxAfterResponse: async () => undefined }));
vi.mock("@/lib/auth/session", async () => (await import("../support/session-mock")).sessionMock);
const { createAppointmentAction, dashboardRescheduleAction } = await import("@/lib/dashboard/actions");
const { addTimeOffAction } = await import("@/lib/dashboard/admin-actions");

let f: BookingFixture;
const idle = { status: "idle" } as const;

async function bookedId(promise: Promise<unknown>): Promise<string> {
  return (await redirectOf(promise)).split("/").at(-1)!.split("?")[0]!;
}

const walkIn = (fields: Record<string, string>) =>
  form({
    customerName: "Walk In",
    customerEmail: `walk-${Math.random().toString(36).slice(2)}@test.test`,
    serviceId: f.cut,
    overrideAvailability: "on",
    ...fields,
  });

beforeAll(async () => {
  f = await createBookingFixture({ bookingHorizonDays: 3650 });
  session.user = { id: f.admin, role: "ADMIN", name: "Ada", email: "ada@test.test", emailConfirmed: true };
});

describe("dates in dashboard forms", () => {
  it("refuses 31 February in a walk-in booking with a field error, booking nothing", async () => {
    const before = await db.appointment.count();
    const state = await createAppointmentAction(idle, walkIn({ staffId: f.amy, date: "2030-02-31", time: "10:00" }));
    expect(state).toMatchObject({
      status: "error",
      code: "VALIDATION",
      fieldErrors: { date: "That date does not exist in the calendar." },
    });
    expect(await db.appointment.count()).toBe(before);
  });

  it("refuses a non-existent day in time off", async () => {
    const state = await addTimeOffAction(idle, form({ staffId: f.ben, fromDate: "2030-04-31", toDate: "2030-05-02" }));
    expect(state).toMatchObject({ status: "error", fieldErrors: { fromDate: "That date does not exist in the calendar." } });
    expect(await db.timeOff.count({ where: { staffId: f.ben } })).toBe(0);
  });

  it("asks which 01:30 on the clocks-back day, then books either occurrence", async () => {
    const asked = await createAppointmentAction(idle, walkIn({ staffId: f.amy, date: "2030-10-27", time: "01:30" }));
    expect(asked).toMatchObject({ status: "error", code: "VALIDATION", fieldErrors: { occurrence: expect.any(String) } });
    expect(asked.message).toContain("happens twice");

    const first = await bookedId(
      createAppointmentAction(idle, walkIn({ staffId: f.amy, date: "2030-10-27", time: "01:30", occurrence: "earlier" })),
    );
    const second = await bookedId(
      createAppointmentAction(idle, walkIn({ staffId: f.ben, date: "2030-10-27", time: "01:30", occurrence: "later" })),
    );
    // 01:30 BST is 00:30 UTC; an hour later the clock reads 01:30 again, now GMT = UTC.
    expect((await db.appointment.findUniqueOrThrow({ where: { id: first } })).startsAt.toISOString()).toBe("2030-10-27T00:30:00.000Z");
    expect((await db.appointment.findUniqueOrThrow({ where: { id: second } })).startsAt.toISOString()).toBe("2030-10-27T01:30:00.000Z");
  });

  it("reschedules to the second occurrence of a repeated time", async () => {
    const id = await bookedId(createAppointmentAction(idle, walkIn({ staffId: f.amy, date: "2030-10-28", time: "10:00" })));
    const { version } = await db.appointment.findUniqueOrThrow({ where: { id } });
    const fields = {
      appointmentId: id,
      version: String(version),
      staffId: f.amy,
      date: "2030-10-27",
      time: "01:45",
      overrideAvailability: "on",
    };
    expect(await dashboardRescheduleAction(idle, form(fields))).toMatchObject({ fieldErrors: { occurrence: expect.any(String) } });
    await expect(dashboardRescheduleAction(idle, form({ ...fields, occurrence: "later" }))).rejects.toBeInstanceOf(Redirect);
    expect((await db.appointment.findUniqueOrThrow({ where: { id } })).startsAt.toISOString()).toBe("2030-10-27T01:45:00.000Z");
  });
});
