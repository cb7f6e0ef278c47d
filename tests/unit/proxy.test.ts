import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";

/**
 * The proxy's contract: a request id (trusted only from a trusted proxy), a per-request CSP nonce that Next
 * can read from the request headers, the security headers, and outside `x-middleware-subrequest` refused.
 */

async function loadProxy(environment: Record<string, string>) {
  vi.resetModules();
  vi.stubEnv("DATABASE_URL", "postgresql://u:p@localhost:5432/db");
  vi.stubEnv("AUTH_SECRET", "x".repeat(32));
  vi.stubEnv("TRUSTED_PROXY", "");
  vi.stubEnv("MAIL_TRANSPORT", "mailbox");
  for (const [name, value] of Object.entries(environment)) vi.stubEnv(name, value);
  return (await import("@/proxy")).proxy;
}

function request(headers: Record<string, string> = {}) {
  return new NextRequest("http://localhost:3000/", { headers });
}

/** Headers NextResponse.next() forwards to the app are encoded as x-middleware-request-* on the response. */
function forwarded(response: Response, name: string) {
  return response.headers.get(`x-middleware-request-${name}`);
}

afterEach(() => vi.unstubAllEnvs());

describe("proxy", () => {
  it("sets a nonce-based CSP and passes the same nonce and request id to the app", async () => {
    const proxy = await loadProxy({ NODE_ENV: "production" });
    const response = proxy(request());
    const csp = response.headers.get("content-security-policy") ?? "";
    const nonce = forwarded(response, "x-nonce");
    expect(nonce).toBeTruthy();
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(forwarded(response, "content-security-policy")).toBe(csp);
    const requestId = response.headers.get("x-request-id");
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(forwarded(response, "x-request-id")).toBe(requestId);
  });

  it("gives every request a fresh nonce", async () => {
    const proxy = await loadProxy({ NODE_ENV: "production" });
    const first = forwarded(proxy(request()), "x-nonce");
    const second = forwarded(proxy(request()), "x-nonce");
    expect(first).not.toBe(second);
  });

  it("sends HSTS, nosniff and a referrer policy in production", async () => {
    const proxy = await loadProxy({ NODE_ENV: "production" });
    const response = proxy(request());
    expect(response.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });

  it("omits HSTS in development, where the app is served over plain http", async () => {
    const proxy = await loadProxy({ NODE_ENV: "development" });
    expect(proxy(request()).headers.get("strict-transport-security")).toBeNull();
  });

  it("ignores an incoming X-Request-Id unless TRUSTED_PROXY is set", async () => {
    const untrusting = await loadProxy({ NODE_ENV: "production" });
    expect(untrusting(request({ "x-request-id": "edge-abc-123" })).headers.get("x-request-id")).not.toBe("edge-abc-123");

    const trusting = await loadProxy({ NODE_ENV: "production", TRUSTED_PROXY: "true" });
    expect(trusting(request({ "x-request-id": "edge-abc-123" })).headers.get("x-request-id")).toBe("edge-abc-123");
  });

  it("replaces an incoming id that is not a sane token even from a trusted proxy", async () => {
    const proxy = await loadProxy({ NODE_ENV: "production", TRUSTED_PROXY: "1" });
    const id = proxy(request({ "x-request-id": "bad id\twith spaces" })).headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const long = proxy(request({ "x-request-id": "a".repeat(200) })).headers.get("x-request-id");
    expect(long).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("refuses requests that carry x-middleware-subrequest", async () => {
    const proxy = await loadProxy({ NODE_ENV: "production" });
    const response = proxy(request({ "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" }));
    expect(response.status).toBe(403);
    expect(response.headers.get("x-middleware-next")).toBeNull();
  });
});
