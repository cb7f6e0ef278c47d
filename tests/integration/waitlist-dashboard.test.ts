import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createBookingFixture, type BookingFixture } from "../support/booking-fixtures";
import { form, session, signedInAs } from "../support/session-mock";

/** The front desk adds a phone request to the waitlist: one service, or a visit of several in order. */

vi.mock("next/navigation", async () => (await import("../support/next-navigation")).navigationMock);
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/auth/session", async () => (await import("../support/session-mock")).sessionMock);

const { staffAddToWaitlistAction } = await import("@/lib/waitlist/actions");

let f: BookingFixture;
let customerEmail: string;

beforeAll(async () => {
  f = await createBookingFixture({ bookingHorizonDays: 3650, minNoticeMinutes: 0 });
  customerEmail = (await db.user.findUniqueOrThrow({ where: { id: f.alice } })).email;
});
beforeEach(async () => {
  session.user = signedInAs(f.admin, "ADMIN");
  await db.waitlistEntry.deleteMany({ where: { customerId: f.alice } });
});

const request = (also: string[]) => form({ customerEmail, serviceId: f.cut, also, staffId: "", from: "2030-03-04", to: "2030-03-06" });

describe("the dashboard's waitlist form", () => {
  it("adds a visit of several services in the order chosen, skipping the selects left at none", async () => {
    const state = await staffAddToWaitlistAction({ status: "idle" }, request([f.colour, "", "", ""]));
    expect(state).toMatchObject({ status: "success" });
    const [entry] = await db.waitlistEntry.findMany({ where: { customerId: f.alice } });
    expect(entry).toMatchObject({ serviceIds: [f.cut, f.colour], staffId: null, source: "DASHBOARD" });
  });

  it("adds a single service when every further select is left at none", async () => {
    expect(await staffAddToWaitlistAction({ status: "idle" }, request(["", "", "", ""]))).toMatchObject({ status: "success" });
    const [entry] = await db.waitlistEntry.findMany({ where: { customerId: f.alice } });
    expect(entry?.serviceIds).toEqual([f.cut]);
  });
});
