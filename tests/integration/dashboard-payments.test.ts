import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { bookAppointment } from "@/lib/booking/mutations";
import { changeAvailability } from "@/lib/booking/cutoffs";
import { resetPaymentSettings } from "@/lib/payments/settings";
import { at, createBookingFixture, NOW_2030, type BookingFixture } from "../support/booking-fixtures";
import { form, session, signedInAs } from "../support/session-mock";

/** The dashboard's deposit doors: the service form's policy, and waiving a hold's deposit at the desk. */

vi.mock("next/navigation", async () => (await import("../support/next-navigation")).navigationMock);
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/notifications/publish-after-response", () => ({ publishOutboxAfterResponse: async () => undefined }));
vi.mock("@/lib/notifications/after-appointment-change", () => ({ afterAppointmentChange: async () => undefined }));
vi.mock("@/lib/auth/session", async () => (await import("../support/session-mock")).sessionMock);

const { saveServiceAction } = await import("@/lib/dashboard/admin-actions");
const { waiveDepositAction } = await import("@/lib/payments/actions");

let f: BookingFixture;

beforeAll(async () => {
  for (const name of ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_API_BASE_URL"]) delete process.env[name];
  resetPaymentSettings();
  f = await createBookingFixture();
});
beforeEach(() => {
  session.user = null;
});

async function saveCut(fields: Record<string, string>) {
  const service = await db.service.findUniqueOrThrow({ where: { id: f.cut } });
  return saveServiceAction(
    { status: "idle" },
    form({
      id: f.cut,
      name: service.name,
      slug: service.slug,
      category: service.category,
      price: "45.00",
      durationMinutes: String(service.durationMinutes),
      bufferBeforeMinutes: "0",
      bufferAfterMinutes: "0",
      active: "on",
      staffIds: [f.amy, f.ben],
      ...fields,
    }),
  ).catch((error: unknown) => error);
}

const depositOf = () =>
  db.service.findUniqueOrThrow({ where: { id: f.cut }, select: { depositCents: true, depositPercent: true, cardRequired: true } });

describe("the service form's deposit policy", () => {
  it("lets an admin choose a fixed deposit, a percentage, card required or none, each audited", async () => {
    session.user = signedInAs(f.admin, "ADMIN");
    await saveCut({ depositRule: "fixed", depositAmount: "12.50" });
    expect(await depositOf()).toEqual({ depositCents: 1250, depositPercent: null, cardRequired: false });
    await saveCut({ depositRule: "percent", depositPercent: "20", depositAmount: "12.50" });
    expect(await depositOf()).toEqual({ depositCents: null, depositPercent: 20, cardRequired: false });
    await saveCut({ depositRule: "card" });
    expect(await depositOf()).toEqual({ depositCents: null, depositPercent: null, cardRequired: true });
    await saveCut({ depositRule: "none" });
    expect(await depositOf()).toEqual({ depositCents: null, depositPercent: null, cardRequired: false });
    const audit = await db.auditEvent.findMany({ where: { entityKind: "service", entityId: f.cut }, orderBy: { createdAt: "asc" } });
    expect(audit.map((event) => (event.after as Record<string, unknown>).depositPercent)).toContain(20);
  });

  it("asks for the amount a fixed deposit needs and refuses a percentage over 100", async () => {
    session.user = signedInAs(f.admin, "ADMIN");
    expect(await saveCut({ depositRule: "fixed" })).toMatchObject({ status: "error", fieldErrors: { depositAmount: expect.any(String) } });
    expect(await saveCut({ depositRule: "percent", depositPercent: "150" })).toMatchObject({ status: "error" });
    expect(await depositOf()).toEqual({ depositCents: null, depositPercent: null, cardRequired: false });
  });

  it("refuses the front desk (the policy is the owner's)", async () => {
    session.user = signedInAs(f.ben, "FRONT_DESK");
    expect(await saveCut({ depositRule: "fixed", depositAmount: "10" })).toMatchObject({ status: "error", code: "FORBIDDEN" });
    expect((await depositOf()).depositCents).toBeNull();
  });

  it("in production without a Stripe key refuses to switch deposits on and says why", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("AUTH_SECRET", "a-production-secret-of-enough-length-0123456789");
    vi.stubEnv("MAIL_TRANSPORT", "mailbox");
    resetPaymentSettings();
    try {
      session.user = signedInAs(f.admin, "ADMIN");
      const refused = await saveCut({ depositRule: "fixed", depositAmount: "10" });
      expect(JSON.stringify(refused)).toMatch(/STRIPE_SECRET_KEY/);
      expect((await depositOf()).depositCents).toBeNull();
    } finally {
      vi.unstubAllEnvs();
      resetPaymentSettings();
    }
  });
});

describe("waiving a hold's deposit", () => {
  it("books a hold without payment for the front desk, writes the confirmation's event, and lets the customer cancel a hold", async () => {
    await db.service.update({ where: { id: f.cut }, data: { depositCents: 1000 } });
    const held = await bookAppointment(
      f.actors.alice,
      { customerId: f.alice, serviceId: f.cut, staffId: f.amy, startsAt: at("2030-01-08T10:00"), source: "WEB" },
      { now: NOW_2030 },
    );
    expect(held.status).toBe("PENDING_PAYMENT");
    expect(changeAvailability({ status: "PENDING_PAYMENT", startsAt: held.startsAt }, "cancel", 0, NOW_2030)).toEqual({ allowed: true });

    session.user = signedInAs(f.alice, "CUSTOMER");
    expect(await waiveDepositAction({ status: "idle" }, form({ appointmentId: held.id })).catch((e: unknown) => e)).toMatchObject({
      code: "FORBIDDEN",
    });
    session.user = signedInAs(f.ben, "FRONT_DESK");
    await waiveDepositAction({ status: "idle" }, form({ appointmentId: held.id })).catch((e: unknown) => e);
    const booked = await db.appointment.findUniqueOrThrow({ where: { id: held.id } });
    expect(booked.status).toBe("BOOKED");
    expect(await db.outboxEvent.count({ where: { appointmentId: held.id, type: "appointment.created" } })).toBe(1);
    const again = await waiveDepositAction({ status: "idle" }, form({ appointmentId: held.id })).catch((e: unknown) => e);
    expect(again).toMatchObject({ status: "error", code: "INVALID_TRANSITION" });
    await db.service.update({ where: { id: f.cut }, data: { depositCents: null } });
  });
});
