import { expect, test, type Page } from "@playwright/test";
import { signedInPage } from "./signed-in";
import { demoCustomer, signIn } from "./support/customer";

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

/**
 * Collects CSP violations from the console and from the DOM event (which also sees violations whose error
 * was caught by the page). Reported straight to the test process, so they survive navigations.
 */
async function watchCspViolations(page: Page): Promise<() => Promise<string[]>> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Content-Security-Policy/i.test(message.text())) {
      violations.push(message.text());
    }
  });
  await page.exposeFunction("__reportCspViolation", (description: string) => violations.push(description));
  await page.addInitScript(() => {
    const report = (window as unknown as { __reportCspViolation: (description: string) => void }).__reportCspViolation;
    document.addEventListener("securitypolicyviolation", (event) => {
      report(`${location.pathname}: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
    });
  });
  return async () => [...violations];
}

/** Loads a page and proves the CSP let it work: visible, hydrated (Next's client code ran), no violation. */
async function expectRendersUnderCsp(page: Page, path: string, violations: () => Promise<string[]>) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await expect(page.locator("main").first()).toBeVisible();
  // Next mounts its route announcer only from client-side code: present means the scripts ran (hydrated).
  await expect(page.locator("next-route-announcer")).toHaveCount(1);
  await page.waitForLoadState("load");
  // Late violations (lazily loaded chunks, prefetches) are reported asynchronously.
  await page.waitForTimeout(1_000);
  expect(await violations(), path).toEqual([]);
}

test("a page carries the security headers, renders and hydrates with no CSP violation", async ({ page }) => {
  const violations = await watchCspViolations(page);
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  expectSecurityHeaders(response!.headers());
  await expect(page.getByRole("heading", { level: 1, name: "Pamper Book Studio" })).toBeVisible();
  await expectRendersUnderCsp(page, "/", violations);
});

test("the public pages render and hydrate under the CSP", async ({ page }) => {
  const violations = await watchCspViolations(page);
  for (const path of ["/sign-in", "/register", "/book"]) await expectRendersUnderCsp(page, path, violations);
});

test("signed-in pages (forms, server actions, the booking picker) work under the CSP", async ({ page }) => {
  const violations = await watchCspViolations(page);
  await signIn(page, demoCustomer);
  await expect(page).toHaveURL(/\/appointments/);
  // The sign-in form validated with zod and submitted through a server action on the way here.
  expect(await violations(), "while signing in").toEqual([]);
  for (const path of ["/appointments", "/book"]) await expectRendersUnderCsp(page, path, violations);
});

test("the staff dashboard (calendar with stylist colours, staff forms) works under the CSP", async ({ browser }) => {
  const page = await signedInPage(browser, "admin");
  const violations = await watchCspViolations(page);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/dashboard/);
  for (const path of ["/dashboard", "/dashboard/appointments/new"]) await expectRendersUnderCsp(page, path, violations);
});

test("the violation watcher sees a blocked resource (so an empty list above means something)", async ({ page }) => {
  const violations = await watchCspViolations(page);
  await page.goto("/");
  await page.evaluate(() => {
    const image = document.createElement("img");
    image.src = "https://images.example.invalid/tracker.png";
    document.body.append(image);
  });
  await expect.poll(violations).toContainEqual(expect.stringContaining("img-src blocked https://images.example.invalid/tracker.png"));
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

test("the public API sets its own security headers and request id, and echoes a partner's id", async ({ request }) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["strict-transport-security"]).toMatch(/max-age=\d+/);
  expect(headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  const echoed = await request.get("/api/v1/nothing", { headers: { "X-Request-Id": "partner-req-12345" } });
  expect(echoed.status()).toBe(404);
  expect(echoed.headers()["x-request-id"]).toBe("partner-req-12345");
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
