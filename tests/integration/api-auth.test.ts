import { beforeAll, describe, expect, it } from "vitest";
import * as me from "@/app/api/v1/me/route";
import * as services from "@/app/api/v1/services/route";
import { db } from "@/lib/db";
import { revokeApiKey } from "@/lib/api-keys/mutations";
import { systemActor } from "@/lib/auth/actor";
import { call } from "@/tests/support/api-client";
import { createKey, createSalon, createUser } from "@/tests/support/api-fixtures";

/** Authentication: only a live, well-formed Bearer key gets in; everything else is a 401 problem. */

let ownerId: string;
beforeAll(async () => {
  await createSalon();
  ownerId = (await createUser("CUSTOMER")).id;
});

function expectProblem(response: Awaited<ReturnType<typeof call>>, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.contentType).toBe("application/problem+json");
  expect(response.body).toMatchObject({ status, code, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
  expect(JSON.stringify(response.body)).not.toMatch(/at .*\.ts:\d+/);
}

describe("API key authentication", () => {
  it("accepts a valid key and answers /me with owner, role and scopes", async () => {
    const key = await createKey(ownerId, ["appointments:read", "services:read"]);
    const response = await call(me.GET, "GET", "/me", { headers: key.auth });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      user: { id: ownerId, role: "CUSTOMER" },
      apiKey: { id: key.id, scopes: ["appointments:read", "services:read"] },
    });
    expect(response.headers.get("x-request-id")).toBeTruthy();
  });

  it("records lastUsedAt", async () => {
    const key = await createKey(ownerId);
    await call(me.GET, "GET", "/me", { headers: key.auth });
    await expect.poll(async () => (await db.apiKey.findUnique({ where: { id: key.id } }))?.lastUsedAt).not.toBeNull();
  });

  it.each([
    ["no Authorization header", {}],
    ["a non-Bearer scheme", { authorization: "Basic dXNlcjpwYXNz" }],
    ["a malformed key", { authorization: "Bearer not-a-key" }],
    ["an unknown well-formed key", { authorization: `Bearer pb_${"A".repeat(43)}` }],
    ["a session cookie instead of a key", { cookie: "authjs.session-token=abc" }],
  ])("rejects %s with 401", async (_label, headers) => {
    const response = await call(me.GET, "GET", "/me", { headers });
    expectProblem(response, 401, "UNAUTHORIZED");
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("rejects a key whose secret differs from the stored hash (same prefix)", async () => {
    const key = await createKey(ownerId);
    const tampered = key.key.slice(0, -1) + (key.key.endsWith("A") ? "B" : "A");
    expectProblem(await call(me.GET, "GET", "/me", { headers: { authorization: `Bearer ${tampered}` } }), 401, "UNAUTHORIZED");
  });

  it("rejects a revoked key", async () => {
    const key = await createKey(ownerId);
    await revokeApiKey(systemActor, key.id);
    const response = await call(me.GET, "GET", "/me", { headers: key.auth });
    expectProblem(response, 401, "UNAUTHORIZED");
    expect(response.body.detail).toMatch(/revoked/);
  });

  it("rejects an expired key", async () => {
    const key = await createKey(ownerId, ["services:read"], new Date(Date.now() - 1000));
    const response = await call(me.GET, "GET", "/me", { headers: key.auth });
    expectProblem(response, 401, "UNAUTHORIZED");
    expect(response.body.detail).toMatch(/expired/);
  });

  it("refuses a route whose scope the key lacks with 403", async () => {
    const key = await createKey(ownerId, ["appointments:read"]);
    expectProblem(await call(services.GET, "GET", "/services", { headers: key.auth }), 403, "FORBIDDEN");
  });

  it("stores only the SHA-256 of the key, and the key is pb_ + 43 base62 characters", async () => {
    const key = await createKey(ownerId);
    expect(key.key).toMatch(/^pb_[0-9A-Za-z]{43}$/);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.hashedKey).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(key.key.slice(3));
    expect(key.key.startsWith(row.prefix)).toBe(true);
  });
});

describe("request ids", () => {
  it("echoes a valid incoming X-Request-Id and replaces an invalid one", async () => {
    const key = await createKey(ownerId);
    const echoed = await call(me.GET, "GET", "/me", { headers: { ...key.auth, "x-request-id": "partner-req-12345" } });
    expect(echoed.headers.get("x-request-id")).toBe("partner-req-12345");
    const replaced = await call(me.GET, "GET", "/me", { headers: { ...key.auth, "x-request-id": "bad id\twith spaces" } });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("sets one on errors too", async () => {
    const response = await call(me.GET, "GET", "/me");
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
