import { beforeAll, describe, expect, it } from "vitest";
import * as customerItem from "@/app/api/v1/customers/[id]/route";
import * as customers from "@/app/api/v1/customers/route";
import * as serviceItem from "@/app/api/v1/services/[id]/route";
import * as services from "@/app/api/v1/services/route";
import * as staffItem from "@/app/api/v1/staff/[id]/route";
import * as staff from "@/app/api/v1/staff/route";
import { db } from "@/lib/db";
import { call } from "@/tests/support/api-client";
import { createKey, createSalon, createService, createStylist, createUser } from "@/tests/support/api-fixtures";

/** Services, staff and customers: reads for any scoped key, writes only for the right owner role. */

type Auth = Record<string, string>;
let admin: Auth, staffKey: Auth, customerKey: Auth;
let serviceId: string, stylistId: string, customerId: string;

beforeAll(async () => {
  await createSalon();
  const service = await createService();
  serviceId = service.id;
  stylistId = (await createStylist([serviceId], "Alex Stylist")).id;
  admin = (await createKey((await createUser("ADMIN")).id)).auth;
  staffKey = (await createKey((await createUser("FRONT_DESK")).id)).auth;
  const customer = await createUser("CUSTOMER", "Casey Customer");
  customerId = customer.id;
  customerKey = (await createKey(customerId)).auth;
});

const newService = (slug: string) => ({ slug, name: "Beard trim", category: "Hair", durationMinutes: 20, priceCents: 1500 });

describe("services", () => {
  it("lists active services with a cursor, and gets one with an ETag", async () => {
    await createService();
    const first = await call(services.GET, "GET", "/services?limit=1", { headers: customerKey });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await call(services.GET, "GET", `/services?limit=1&cursor=${first.body.nextCursor}`, { headers: customerKey });
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);

    const one = await call(serviceItem.GET, "GET", `/services/${serviceId}`, { headers: customerKey, params: { id: serviceId } });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: serviceId, durationMinutes: 60, priceCents: 5000, active: true });
    expect(one.headers.get("etag")).toMatch(/^"\d+"$/);
  });

  it("answers 304 to a GET with a matching If-None-Match", async () => {
    const one = await call(serviceItem.GET, "GET", `/services/${serviceId}`, { headers: customerKey, params: { id: serviceId } });
    const again = await call(serviceItem.GET, "GET", `/services/${serviceId}`, {
      headers: { ...customerKey, "if-none-match": one.headers.get("etag")! },
      params: { id: serviceId },
    });
    expect(again.status).toBe(304);
  });

  it("404s an unknown service as problem+json", async () => {
    const response = await call(serviceItem.GET, "GET", "/services/nope", { headers: customerKey, params: { id: "nope" } });
    expect(response.status).toBe(404);
    expect(response.body.code).toBe("NOT_FOUND");
  });

  it("lets an admin key create, update (If-Match) and deactivate a service", async () => {
    const createdResponse = await call(services.POST, "POST", "/services", { headers: admin, body: newService("beard-trim") });
    expect(createdResponse.status).toBe(201);
    const id = createdResponse.body.id as string;
    const etag = createdResponse.headers.get("etag")!;

    const missing = await call(serviceItem.PATCH, "PATCH", `/services/${id}`, {
      headers: admin,
      params: { id },
      body: { priceCents: 1800 },
    });
    expect(missing.status).toBe(428);
    expect(missing.body.code).toBe("PRECONDITION_REQUIRED");

    const updated = await call(serviceItem.PATCH, "PATCH", `/services/${id}`, {
      headers: { ...admin, "if-match": etag },
      params: { id },
      body: { priceCents: 1800 },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.priceCents).toBe(1800);

    const stale = await call(serviceItem.PATCH, "PATCH", `/services/${id}`, {
      headers: { ...admin, "if-match": etag },
      params: { id },
      body: { priceCents: 1900 },
    });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe("PRECONDITION_FAILED");

    const deactivated = await call(serviceItem.DELETE, "DELETE", `/services/${id}`, {
      headers: { ...admin, "if-match": updated.headers.get("etag")! },
      params: { id },
    });
    expect(deactivated.status).toBe(200);
    expect(deactivated.body.active).toBe(false);
    expect(await db.service.findUnique({ where: { id } })).toMatchObject({ active: false, priceCents: 1800 });
  });

  it("refuses service writes from staff and customer keys (403) even with the scope", async () => {
    for (const headers of [staffKey, customerKey]) {
      const response = await call(services.POST, "POST", "/services", { headers, body: newService("nope-svc") });
      expect(response.status).toBe(403);
    }
    expect(await db.service.count({ where: { slug: "nope-svc" } })).toBe(0);
  });

  it("409s a duplicate slug and 422s invalid fields with their paths", async () => {
    await call(services.POST, "POST", "/services", { headers: admin, body: newService("dup-slug") });
    const dup = await call(services.POST, "POST", "/services", { headers: admin, body: newService("dup-slug") });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe("CONFLICT");
    const invalid = await call(services.POST, "POST", "/services", { headers: admin, body: { ...newService("x-y"), durationMinutes: -5 } });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors).toEqual([expect.objectContaining({ path: "durationMinutes" })]);
  });
});

describe("staff", () => {
  it("lists stylists with the services they perform, filterable by service", async () => {
    const list = await call(staff.GET, "GET", `/staff?serviceId=${serviceId}`, { headers: customerKey });
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: stylistId, name: "Alex Stylist", services: [expect.objectContaining({ id: serviceId })] }),
    ]);
    const one = await call(staffItem.GET, "GET", `/staff/${stylistId}`, { headers: customerKey, params: { id: stylistId } });
    expect(one.body.id).toBe(stylistId);
    const missing = await call(staffItem.GET, "GET", "/staff/none", { headers: customerKey, params: { id: "none" } });
    expect(missing.status).toBe(404);
  });
});

describe("customers", () => {
  it("lets staff keys search, get and create customers", async () => {
    const search = await call(customers.GET, "GET", "/customers?q=casey", { headers: staffKey });
    expect(search.status).toBe(200);
    expect(search.body.items.map((c: { id: string }) => c.id)).toEqual([customerId]);

    const createdResponse = await call(customers.POST, "POST", "/customers", {
      headers: staffKey,
      body: { name: "New Person", email: "New.Person@Example.test" },
    });
    expect(createdResponse.status).toBe(201);
    expect(createdResponse.body.email).toBe("new.person@example.test");

    const dup = await call(customers.POST, "POST", "/customers", {
      headers: staffKey,
      body: { name: "Again", email: "new.person@example.test" },
    });
    expect(dup.status).toBe(409);

    const one = await call(customerItem.GET, "GET", `/customers/${customerId}`, { headers: staffKey, params: { id: customerId } });
    expect(one.body).toMatchObject({ id: customerId, name: "Casey Customer" });
    const notCustomer = await call(customerItem.GET, "GET", `/customers/${stylistId}`, { headers: staffKey, params: { id: stylistId } });
    expect(notCustomer.status).toBe(404);
  });

  it("refuses customer keys (403), even with the scopes", async () => {
    expect((await call(customers.GET, "GET", "/customers", { headers: customerKey })).status).toBe(403);
    expect(
      (await call(customers.POST, "POST", "/customers", { headers: customerKey, body: { name: "X", email: "x@x.test" } })).status,
    ).toBe(403);
    expect(
      (await call(customerItem.GET, "GET", `/customers/${customerId}`, { headers: customerKey, params: { id: customerId } })).status,
    ).toBe(403);
  });
});
