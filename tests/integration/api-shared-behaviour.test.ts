import { beforeAll, describe, expect, it } from "vitest";
import * as catchAll from "@/app/api/v1/[...path]/route";
import * as appointmentItem from "@/app/api/v1/appointments/[id]/route";
import * as appointments from "@/app/api/v1/appointments/route";
import * as me from "@/app/api/v1/me/route";
import * as openapi from "@/app/api/v1/openapi.json/route";
import { db } from "@/lib/db";
import { call } from "@/tests/support/api-client";
import { at, createBookableSalon, createKey } from "@/tests/support/api-fixtures";

// A low limit for this file only (the env is read on first use, and each test file has its own modules).
process.env.API_RATE_LIMIT_PER_MINUTE = "5";

/** What every route shares: idempotent POSTs, rate limits, 404/405 problems, the public spec. */

type Auth = Record<string, string>;
let serviceId: string, stylistId: string, customerId: string;
let keyA: Auth, keyB: Auth;
let nextDay = 100;
const freshBody = () => ({ serviceId, staffId: stylistId, startsAt: at(nextDay++, 11) });
const keys: Auth[] = [];

beforeAll(async () => {
  ({ serviceId, stylistId, customerId } = await createBookableSalon());
  keyA = (await createKey(customerId)).auth;
  keyB = (await createKey(customerId)).auth;
});

// Each rate-limited key allows 5 requests per minute here: use a fresh key when a test needs several.
async function freshKey(): Promise<Auth> {
  const key = (await createKey(customerId)).auth;
  keys.push(key);
  return key;
}

describe("Idempotency-Key", () => {
  it("replays the stored response (status, body, ETag and Location) for the same key and body", async () => {
    const headers = { ...(await freshKey()), "idempotency-key": "order-1" };
    const body = freshBody();
    const first = await call(appointments.POST, "POST", "/appointments", { headers, body });
    const second = await call(appointments.POST, "POST", "/appointments", { headers, body });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(second.headers.get("location")).toBe(`/api/v1/appointments/${first.body.id}`);
    expect(await db.appointment.count({ where: { startsAt: new Date(body.startsAt) } })).toBe(1);
  });

  it("422s the same key with a different body", async () => {
    const headers = { ...(await freshKey()), "idempotency-key": "order-2" };
    expect((await call(appointments.POST, "POST", "/appointments", { headers, body: freshBody() })).status).toBe(201);
    const reused = await call(appointments.POST, "POST", "/appointments", { headers, body: freshBody() });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe("IDEMPOTENCY_KEY_REUSED");
  });

  it("replays stored errors too (a 409 stays a 409)", async () => {
    const body = freshBody();
    expect((await call(appointments.POST, "POST", "/appointments", { headers: await freshKey(), body })).status).toBe(201);
    const headers = { ...(await freshKey()), "idempotency-key": "order-3" };
    const first = await call(appointments.POST, "POST", "/appointments", { headers, body });
    const second = await call(appointments.POST, "POST", "/appointments", { headers, body });
    expect([first.status, second.status]).toEqual([409, 409]);
    expect(second.contentType).toBe("application/problem+json");
    expect(second.body).toEqual(first.body);
  });

  it("scopes keys to the API key: another key with the same Idempotency-Key books separately", async () => {
    const idem = { "idempotency-key": "shared-name" };
    const one = await call(appointments.POST, "POST", "/appointments", { headers: { ...(await freshKey()), ...idem }, body: freshBody() });
    const two = await call(appointments.POST, "POST", "/appointments", { headers: { ...(await freshKey()), ...idem }, body: freshBody() });
    expect([one.status, two.status]).toEqual([201, 201]);
    expect(one.body.id).not.toBe(two.body.id);
  });

  it("400s an invalid Idempotency-Key", async () => {
    const response = await call(appointments.POST, "POST", "/appointments", {
      headers: { ...(await freshKey()), "idempotency-key": "" + "x".repeat(300) },
      body: freshBody(),
    });
    expect(response.status).toBe(400);
  });
});

describe("rate limit", () => {
  it("sends RateLimit headers and 429s with Retry-After once the per-key limit is spent", async () => {
    const key = await freshKey();
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 6; i++) {
      last = await call(me.GET, "GET", "/me", { headers: key });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(last!.status).toBe(429);
    expect(last!.body.code).toBe("RATE_LIMITED");
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(last!.headers.get("ratelimit-policy")).toBe('"per-key";q=5;w=60');
    expect(last!.headers.get("ratelimit")).toMatch(/^"per-key";r=0;t=\d+$/);
    // Another key has its own budget.
    expect((await call(me.GET, "GET", "/me", { headers: keyB })).status).toBe(200);
  });

  it("counts in PostgreSQL", async () => {
    expect(await db.rateLimitCounter.count()).toBeGreaterThan(0);
  });
});

describe("unknown routes and methods", () => {
  it("404s unknown /api/v1 paths as problem+json", async () => {
    const response = await call(catchAll.GET, "GET", "/nothing/here", { params: { path: "nothing/here" } });
    expect(response.status).toBe(404);
    expect(response.contentType).toBe("application/problem+json");
    expect(response.body.code).toBe("NOT_FOUND");
    expect(response.headers.get("x-request-id")).toBeTruthy();
  });

  it("records each request's duration under its route pattern for the metrics endpoint", async () => {
    const { metrics } = await import("@/lib/observability/metrics");
    const count = async () => {
      const metric = await metrics().httpDuration.get();
      const sample = metric.values.find(
        (value) =>
          value.metricName === "http_request_duration_seconds_count" &&
          value.labels.route === "/api/v1/[...path]" &&
          value.labels.status === "404",
      );
      return sample?.value ?? 0;
    };
    const before = await count();
    await call(catchAll.GET, "GET", "/nothing/here", { params: { path: "nothing/here" } });
    expect(await count()).toBe(before + 1);
  });

  it("carries the security headers itself (the proxy does not run for /api/v1)", async () => {
    for (const response of [
      await call(catchAll.GET, "GET", "/nothing/here", { params: { path: "nothing/here" } }),
      await call(appointments.GET, "GET", "/appointments", { headers: keyA }),
    ]) {
      expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
    }
  });

  it("405s an unsupported method with Allow", async () => {
    const response = await call(appointments.PUT, "PUT", "/appointments", { headers: keyA });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, POST");
    expect(response.body.code).toBe("METHOD_NOT_ALLOWED");
    const item = await call(appointmentItem.POST, "POST", "/appointments/x", { params: { id: "x" } });
    expect(item.headers.get("allow")).toBe("GET, PATCH, DELETE");
  });

  it("serves the spec without a key", async () => {
    const response = await call(openapi.GET, "GET", "/openapi.json");
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe("3.1.0");
  });
});
