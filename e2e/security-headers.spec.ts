import { expect, test, type Page } from "@playwright/test";

/**
 * The headers the proxy promises, on a page and on an API route, and proof that the nonce-based CSP does
 * not break the app: the landing page renders, hydrates and reports no CSP violation.
 */

function expectSecurityHeaders(headers: Record<string, string>) {
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  // The e2e server runs the production build (`next start`), where HSTS is on.
  expect(headers["strict-transport-security"]).toMatch(/max-age=\d+/);
  expect(headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
}

/** Collects CSP violations both from the console and from the DOM event, which is more reliable. */
async function watchCspViolations(page: Page): Promise<() => Promise<string[]>> {
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Content-Security-Policy/i.test(message.text())) {
      consoleErrors.push(message.text());
    }
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
    });
  });
  return async () => [
    ...consoleErrors,
    ...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)),
  ];
}

test("a page carries the security headers, renders and hydrates with no CSP violation", async ({ page }) => {
  const violations = await watchCspViolations(page);
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  expectSecurityHeaders(response!.headers());

  await expect(page.getByRole("heading", { level: 1, name: "Pamper Book Studio" })).toBeVisible();
  // Next mounts its route announcer only from client-side code: present means the scripts ran (hydrated).
  await expect(page.locator("next-route-announcer")).toHaveCount(1);
  await page.waitForLoadState("load");
  // Late violations (lazily loaded chunks, prefetches) are reported asynchronously.
  await page.waitForTimeout(1_000);
  expect(await violations()).toEqual([]);
});

test("every response gets a fresh nonce, and Next stamps it on every script", async ({ request }) => {
  const response = await request.get("/");
  const nonce = response.headers()["content-security-policy"]?.match(/'nonce-([^']+)'/)?.[1];
  expect(nonce).toBeTruthy();
  const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);

  const next = (await request.get("/")).headers()["content-security-policy"];
  expect(next).not.toContain(`'nonce-${nonce}'`);
});

test("an API route carries the security headers too", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expectSecurityHeaders(response.headers());
});

test("an X-Request-Id from an untrusted client is replaced", async ({ request }) => {
  const response = await request.get("/api/health", { headers: { "X-Request-Id": "client-chosen-id" } });
  expect(response.headers()["x-request-id"]).not.toBe("client-chosen-id");
});

test("a request carrying x-middleware-subrequest from outside is refused", async ({ request }) => {
  for (const path of ["/", "/api/health"]) {
    const response = await request.get(path, { headers: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" } });
    expect(response.status(), path).toBe(403);
  }
});
