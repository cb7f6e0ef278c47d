import { beforeAll, describe, expect, it } from "vitest";
import * as appointmentItem from "@/app/api/v1/appointments/[id]/route";
import * as appointments from "@/app/api/v1/appointments/route";
import * as serviceItem from "@/app/api/v1/services/[id]/route";
import { db } from "@/lib/db";
import { resetPaymentSettings } from "@/lib/payments/settings";
import { call } from "@/tests/support/api-client";
import { at, createKey, createSalon, createService, createStylist, createUser } from "@/tests/support/api-fixtures";

/** Deposits over the API: the policy on a service, a partner's booking held for payment, staff waiving it. */

type Auth = Record<string, string>;
let serviceId: string, stylistId: string, customer: string;
let customerKey: Auth, staffKey: Auth, adminKey: Auth;

beforeAll(async () => {
  for (const name of ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"]) delete process.env[name];
  resetPaymentSettings();
  await createSalon();
  serviceId = (await createService()).id;
  stylistId = (await createStylist([serviceId])).id;
  customer = (await createUser("CUSTOMER")).id;
  customerKey = (await createKey(customer)).auth;
  staffKey = (await createKey((await createUser("FRONT_DESK")).id)).auth;
  adminKey = (await createKey((await createUser("ADMIN")).id)).auth;
});

async function setDeposit(body: Record<string, unknown>) {
  const current = await call(serviceItem.GET, "GET", `/services/${serviceId}`, { headers: adminKey, params: { id: serviceId } });
  return call(serviceItem.PATCH, "PATCH", `/services/${serviceId}`, {
    headers: { ...adminKey, "if-match": current.headers.get("etag")! },
    params: { id: serviceId },
    body,
  });
}

let slotDay = 10;
const book = (headers: Auth, body: Record<string, unknown> = {}) =>
  call(appointments.POST, "POST", "/appointments", {
    headers,
    body: { serviceId, staffId: stylistId, startsAt: at(slotDay++, 10), ...body },
  });

describe("the deposit policy on a service", () => {
  it("is set by an admin key with PATCH and shown in the service's representation, one rule at a time", async () => {
    expect((await setDeposit({ depositPercent: 20 })).body).toMatchObject({ depositCents: null, depositPercent: 20, cardRequired: false });
    const fixed = await setDeposit({ depositCents: 1500 });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({ depositCents: 1500, depositPercent: null });
    expect((await setDeposit({ depositCents: 1500, depositPercent: 10 })).status).toBe(422);
  });
});

describe("booking a deposit service over the API", () => {
  it("answers 201 PENDING_PAYMENT with a paymentUrl, and GET shows the pending payment", async () => {
    const held = await book(customerKey);
    expect(held.status).toBe(201);
    const body = held.body as { id: string; status: string; paymentUrl: string };
    expect(body.status).toBe("PENDING_PAYMENT");
    expect(body.paymentUrl).toMatch(new RegExp(`/appointments/${body.id}/pay$`));
    const read = await call(appointmentItem.GET, "GET", `/appointments/${body.id}`, { headers: customerKey, params: { id: body.id } });
    expect(read.body).toMatchObject({
      status: "PENDING_PAYMENT",
      payment: { status: "PENDING", depositCents: 1500, currency: "GBP", items: [] },
    });
    expect((read.body as { payment: { holdUntil: string } }).payment.holdUntil).toEqual(expect.any(String));
  });

  it("lets a staff key book with payment: waived (BOOKED at once); a customer key cannot waive", async () => {
    const waived = await book(staffKey, { customerId: customer, payment: "waived" });
    expect(waived.status).toBe(201);
    expect(waived.body).toMatchObject({ status: "BOOKED" });
    expect(waived.body).not.toHaveProperty("paymentUrl");
    const refused = await book(customerKey, { payment: "waived" });
    expect(refused.status).toBe(403);
    expect(await db.appointment.count({ where: { customerId: customer, status: "PENDING_PAYMENT" } })).toBe(1);
  });
});
