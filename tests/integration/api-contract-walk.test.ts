import { beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi/document";
import { dispatch } from "@/tests/support/api-router";
import { specMismatches } from "@/tests/support/spec-conformance";
import { ALL_SCOPES, at, createKey, createSalon, createService, createStylist, createUser } from "@/tests/support/api-fixtures";

// Low enough that a few dozen requests reach the limit, so every operation's 429 is driven too.
process.env.API_RATE_LIMIT_PER_MINUTE = "40";

/**
 * Walks every operation of the served spec through each step of the route wrapper — authentication,
 * scope, body limits, Idempotency-Key, If-Match, If-None-Match, unknown ids, validation, the rate limit —
 * and fails when an answer's status, headers or body is not what the operation's spec entry declares.
 * Operations added later are walked without changing this file.
 */

type Operation = { method: string; template: string; scope?: string; hasQuery: boolean; hasBody: boolean; takesIfMatch: boolean };
type OperationSpec = { description?: string; parameters?: Array<{ in: string; name: string }>; requestBody?: unknown };
let admin: { id: string };
let ids: Record<string, string>;

const operations: Operation[] = Object.entries(openApiDocument().paths ?? {}).flatMap(([template, item]) =>
  Object.entries(item as Record<string, OperationSpec>).map(([method, operation]) => ({
    method: method.toUpperCase(),
    template,
    scope: /Requires scope `([^`]+)`/.exec(operation.description ?? "")?.[1],
    hasQuery: (operation.parameters ?? []).some((parameter) => parameter.in === "query"),
    hasBody: operation.requestBody !== undefined,
    // Versioned resources take If-Match; an unversioned one (a waitlist entry) declares none.
    takesIfMatch: (operation.parameters ?? []).some((parameter) => parameter.in === "header" && parameter.name === "If-Match"),
  })),
);

beforeAll(async () => {
  await createSalon();
  const service = await createService();
  const stylist = await createStylist([service.id]);
  const customer = await createUser("CUSTOMER");
  admin = await createUser("ADMIN");
  const { auth } = await createKey(admin.id);
  const booked = await dispatch(
    new Request("http://localhost/api/v1/appointments", {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ serviceId: service.id, staffId: stylist.id, customerId: customer.id, startsAt: at(30, 9) }),
    }),
  );
  expect(booked.status).toBe(201);
  const appointment = (await booked.json()) as { id: string };
  // A single booking is a visit of one, with the appointment's id.
  ids = {
    "/appointments/{id}": appointment.id,
    "/visits/{id}": appointment.id,
    "/services/{id}": service.id,
    "/staff/{id}": stylist.id,
    "/customers/{id}": customer.id,
  };
});

function pathOf(operation: Operation, id?: string): string {
  return operation.template.replace(/\{[^}]+\}/g, id ?? ids[operation.template] ?? "x");
}

async function send(operation: Operation, init: { headers?: Record<string, string>; body?: string; path?: string; query?: string }) {
  const url = `http://localhost/api/v1${init.path ?? pathOf(operation)}${init.query ?? ""}`;
  const response = await dispatch(new Request(url, { method: operation.method, headers: init.headers, body: init.body }));
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as { code?: string; detail?: string }) : undefined,
  };
}

describe.each(operations)("$method $template", (operation) => {
  const hasBody = operation.method !== "GET";
  const json = { "content-type": "application/json" };

  it("answers only statuses, headers and bodies its spec entry declares, step by step through the wrapper", async () => {
    const { auth } = await createKey(admin.id);
    const withBody = (body: string, headers: Record<string, string> = {}) => ({ headers: { ...auth, ...json, ...headers }, body });

    const anonymous = await send(operation, {});
    expect(anonymous.status).toBe(401);
    const otherScheme = await send(operation, { headers: { authorization: "Token pb_abc" } });
    expect(otherScheme.status).toBe(401);
    expect(otherScheme.body?.detail).toContain("Bearer");

    if (operation.scope) {
      const other = ALL_SCOPES.find((scope) => scope !== operation.scope)!;
      const { auth: narrow } = await createKey(admin.id, [other]);
      expect((await send(operation, { headers: narrow, ...(hasBody && { body: "{}" }) })).status).toBe(403);
    }
    if (hasBody) {
      expect((await send(operation, withBody("{not json"))).status).toBe(400);
      expect((await send(operation, withBody(JSON.stringify({ pad: "x".repeat(70_000) })))).status).toBe(413);
      expect((await send(operation, { headers: { ...auth, "content-type": "text/plain" }, body: "hello" })).status).toBe(415);
      if (operation.hasBody) {
        expect((await send(operation, withBody(JSON.stringify({ notAField: 1 }), { "if-match": '"1"' }))).status).toBe(422);
      }
    }
    if (operation.hasQuery) {
      expect((await send(operation, { headers: auth, query: "?notAFilter=1" })).status).toBe(422);
    }
    if (operation.method === "POST") {
      expect((await send(operation, withBody("{}", { "idempotency-key": "has spaces" }))).status).toBe(400);
    }
    if (operation.takesIfMatch) {
      expect((await send(operation, withBody("{}"))).status).toBe(428);
      expect((await send(operation, withBody("{}", { "if-match": "not-a-tag" }))).status).toBe(400);
      // A stale tag: 412, unless the empty change is refused first.
      expect([412, 422]).toContain((await send(operation, withBody("{}", { "if-match": '"999999"' }))).status);
    }
    if (operation.template.includes("{")) {
      const path = pathOf(operation, "no-such-id");
      const missing = await send(operation, hasBody ? { path, ...withBody("{}", { "if-match": '"1"' }) } : { path, headers: auth });
      // An empty change may be refused before the lookup.
      expect(hasBody ? [404, 422] : [404]).toContain(missing.status);
    }
    if (operation.method === "GET") {
      const current = await send(operation, { headers: auth, query: operation.template === "/availability" ? availabilityQuery() : "" });
      const etag = current.headers.get("etag");
      if (etag) expect((await send(operation, { headers: { ...auth, "if-none-match": etag } })).status).toBe(304);
    }

    let last = await send(operation, { headers: auth });
    // Twice the limit: a fixed window that rolls over mid-loop still ends in a 429.
    for (let i = 0; i < 100 && last.status !== 429; i++) last = await send(operation, { headers: auth });
    expect(last.status).toBe(429);
  });
});

function availabilityQuery(): string {
  return `?serviceId=${ids["/services/{id}"]}&from=${encodeURIComponent(at(30, 0))}&to=${encodeURIComponent(at(31, 0))}`;
}

describe("the conformance check", () => {
  it("rejects a status the operation does not declare", () => {
    const problems = specMismatches("GET", "/api/v1/me", 418, new Headers({ "x-request-id": "r" }), {});
    expect(problems.join()).toContain("status not declared");
  });

  it("rejects a body that does not match the schema and a missing required header", () => {
    const problems = specMismatches("GET", "/api/v1/me", 200, new Headers({ "content-type": "application/json" }), { user: 1 });
    expect(problems.join("\n")).toMatch(/required header X-Request-Id missing[\s\S]*does not match the schema/);
  });
});
