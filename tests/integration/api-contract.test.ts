import { readFile } from "node:fs/promises";
import { compileErrors, validate } from "@readme/openapi-parser";
import createClient from "openapi-fetch";
import { beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi/document";
import type { paths } from "@/tests/contract/api-types";
import { API_TYPES_PATH, generateApiTypes } from "@/tests/contract/generate-api-types";
import { dispatch, loadRoute, routeFiles } from "@/tests/support/api-router";
import { at, createKey, createSalon, createService, createStylist, createUser } from "@/tests/support/api-fixtures";
import { useWebhookSettings } from "@/tests/support/webhook-fixtures";
import { systemActor } from "@/lib/auth/actor";
import { createTestDelivery, createWebhookEndpoint } from "@/lib/webhooks/mutations";

/**
 * The spec and the code cannot drift: every route file is in the spec, every spec operation answers,
 * the spec is valid OpenAPI 3.1, and a client typed from the spec (openapi-typescript + openapi-fetch)
 * drives the API — `tsc` type-checks this file against the committed generated types.
 */

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
let adminAuth: Record<string, string>;
let ids: Record<string, string>;

beforeAll(async () => {
  await createSalon();
  const service = await createService();
  const stylist = await createStylist([service.id]);
  const customer = await createUser("CUSTOMER");
  const admin = await createUser("ADMIN");
  adminAuth = (await createKey(admin.id)).auth;
  ids = { "/appointments/{id}": "", "/services/{id}": service.id, "/staff/{id}": stylist.id, "/customers/{id}": customer.id };
  const client = createClient<paths>({ baseUrl: "http://localhost/api/v1", fetch: dispatch, headers: adminAuth });
  const { data } = await client.POST("/appointments", {
    body: { serviceId: service.id, staffId: stylist.id, customerId: customer.id, startsAt: at(20, 9) },
  });
  ids["/appointments/{id}"] = data!.id;
  // A single booking is a visit of one, with the appointment's id.
  ids["/visits/{id}"] = data!.id;
  const entry = await client.POST("/waitlist", {
    body: { serviceId: service.id, customerId: customer.id, from: at(20, 9).slice(0, 10), to: at(21, 9).slice(0, 10) },
  });
  ids["/waitlist/{id}"] = entry.data!.id;
  // One endpoint per webhook path, so the DELETE of one leaves the others to answer.
  useWebhookSettings();
  for (const template of Object.keys(openApiDocument().paths ?? {}).filter((path) => path.startsWith("/webhooks/{id}"))) {
    const { endpoint } = await createWebhookEndpoint(systemActor, { url: "http://127.0.0.1:9/hook", events: ["appointment.created"] });
    ids[template] = endpoint.id;
    ids[`${template} deliveryId`] = await createTestDelivery(endpoint.id);
  }
});

describe("OpenAPI document", () => {
  it("is valid OpenAPI 3.1 (@readme/openapi-parser)", async () => {
    const result = await validate(structuredClone(openApiDocument()) as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
  });

  it("matches the committed generated types (run `npm run api:types` after changing the API)", async () => {
    expect(await readFile(API_TYPES_PATH, "utf8")).toBe(await generateApiTypes());
  });

  it("lists every route file's methods, and the rest answer 405", async () => {
    const spec = openApiDocument().paths ?? {};
    // The document's own route is not described in it (a client holding the spec already knows its URL).
    for (const route of routeFiles().filter((r) => !r.catchAll && r.template !== "/openapi.json")) {
      expect(Object.keys(spec), `${route.template} missing from the spec`).toContain(route.template);
      const handlers = await loadRoute(route.file);
      const documented = Object.keys(spec[route.template] ?? {}).map((m) => m.toUpperCase());
      for (const method of METHODS) {
        expect(handlers[method], `${method} ${route.template} is not exported`).toBeTypeOf("function");
        if (documented.includes(method)) continue;
        const response = await handlers[method]!(new Request(`http://localhost/api/v1${route.template}`, { method, headers: adminAuth }), {
          params: Promise.resolve({ id: "x" }),
        });
        expect(response.status, `${method} ${route.template}`).toBe(405);
      }
    }
  });

  it("every documented operation answers (never the 404 of an unknown route)", async () => {
    const spec = openApiDocument().paths ?? {};
    for (const [template, item] of Object.entries(spec)) {
      for (const method of Object.keys(item ?? {}).filter((m) => METHODS.includes(m.toUpperCase() as never))) {
        const path = template.replace("{id}", ids[template] ?? "x").replace("{deliveryId}", ids[`${template} deliveryId`] ?? "x");
        const response = await dispatch(
          new Request(`http://localhost/api/v1${path}`, { method: method.toUpperCase(), headers: adminAuth }),
        );
        const body = response.status === 404 ? await response.json() : undefined;
        expect(response.status, `${method.toUpperCase()} ${template} → ${JSON.stringify(body)}`).not.toBe(404);
      }
    }
  });
});

describe("typed client (openapi-fetch)", () => {
  it("books, reads, reschedules, lists and cancels through the generated types", async () => {
    const client = createClient<paths>({ baseUrl: "http://localhost/api/v1", fetch: dispatch, headers: adminAuth });
    const services = await client.GET("/services", { params: { query: { limit: 5 } } });
    const service = services.data!.items[0]!;
    const staff = await client.GET("/staff", { params: { query: { serviceId: service.id } } });
    const stylist = staff.data!.items[0]!;
    const customer = await client.POST("/customers", { body: { name: "Typed Client", email: "typed@example.test" } });
    expect(customer.response.status).toBe(201);

    const booked = await client.POST("/appointments", {
      body: { serviceId: service.id, staffId: stylist.id, customerId: customer.data!.id, startsAt: at(21, 10), note: "via openapi-fetch" },
      headers: { "Idempotency-Key": "typed-1" },
    });
    expect(booked.response.status).toBe(201);
    const appointment = booked.data!;
    expect(appointment.note).toBe("via openapi-fetch");

    const fetched = await client.GET("/appointments/{id}", { params: { path: { id: appointment.id } } });
    const etag = fetched.response.headers.get("etag")!;
    const moved = await client.PATCH("/appointments/{id}", {
      params: { path: { id: appointment.id }, header: { "If-Match": etag } },
      body: { startsAt: at(21, 12) },
    });
    expect(moved.data?.startsAt).toBe(at(21, 12));

    const list = await client.GET("/appointments", { params: { query: { customerId: customer.data!.id, status: "BOOKED" } } });
    expect(list.data!.items.map((a) => a.id)).toEqual([appointment.id]);

    const cancelled = await client.DELETE("/appointments/{id}", {
      params: { path: { id: appointment.id }, header: { "If-Match": `"${moved.data!.version}"` } },
      body: { reason: "Changed plans" },
    });
    expect(cancelled.data?.status).toBe("CANCELLED");

    const problem = await client.GET("/appointments/{id}", { params: { path: { id: "missing" } } });
    expect(problem.error).toMatchObject({ status: 404, code: "NOT_FOUND" });

    const salon = await client.GET("/salon");
    expect(salon.data).toMatchObject({
      timezone: "UTC",
      currency: "GBP",
      slotStepMinutes: 15,
      minNoticeMinutes: 60,
      bookingHorizonDays: 3650,
    });

    const me = await client.GET("/me");
    expect(me.data?.user.role).toBe("ADMIN");
  });
});
