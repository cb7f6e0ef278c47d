import { beforeEach, describe, expect, it, vi } from "vitest";
import { takeEmailRequestAllowance } from "@/lib/auth/mutations";
import { MAX_REQUESTS_PER_EMAIL, MAX_REQUESTS_PER_IP, minutesUntilNextWindow, rateLimitedMessage } from "@/lib/rate-limit/policies";
import { db } from "@/lib/db";

/**
 * Register, forgot-password and sign-in-link requests each send an email, so each is limited per address
 * and per IP: past the limit the form says how long to wait and no email goes out. Real database; the
 * request headers, Auth.js sign-in and the mail sending are faked.
 */

const request = vi.hoisted(() => ({ ip: "198.51.100.1" }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": request.ip }) }));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("next/navigation", () => ({ redirect: vi.fn(), unstable_rethrow: vi.fn() }));
vi.mock("@/auth", () => ({ signIn: vi.fn(async () => undefined), signOut: vi.fn() }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => null }));
const { sendTokenEmail } = vi.hoisted(() => ({ sendTokenEmail: vi.fn(async () => undefined) }));
vi.mock("@/lib/auth/send-token-email", () => ({ sendTokenEmail }));

const { forgotPasswordAction, registerAction, requestSignInLinkAction } = await import("@/lib/auth/actions");

let counter = 0;
const newEmail = () => `limits.${process.pid}.${++counter}@test.test`;
let ipCounter = 0;
const newIp = () => `203.0.113.${++ipCounter}`;
const idle = { status: "idle" } as const;

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

beforeEach(() => {
  sendTokenEmail.mockClear();
  request.ip = newIp();
});

describe("email-sending requests are limited per address", () => {
  it("forgot password: past the limit, a clear error naming the wait, and no more emails", async () => {
    const email = newEmail();
    await db.user.create({ data: { name: "Limited", email, role: "CUSTOMER" } });
    for (let attempt = 0; attempt < MAX_REQUESTS_PER_EMAIL; attempt += 1) {
      request.ip = newIp(); // a different IP each time: the per-address limit still applies
      expect((await forgotPasswordAction(idle, form({ email }))).status).toBe("success");
    }
    expect(sendTokenEmail).toHaveBeenCalledTimes(MAX_REQUESTS_PER_EMAIL);
    const refused = await forgotPasswordAction(idle, form({ email }));
    expect(refused).toMatchObject({ status: "error", code: "RATE_LIMITED", values: { email } });
    expect(refused.message).toMatch(/Please wait \d+ minutes? and try again/);
    expect(sendTokenEmail).toHaveBeenCalledTimes(MAX_REQUESTS_PER_EMAIL);
  });

  it("sign-in link: limited the same way, and the limit is per kind of request", async () => {
    const email = newEmail();
    await db.user.create({ data: { name: "Linked", email, role: "CUSTOMER" } });
    for (let attempt = 0; attempt < MAX_REQUESTS_PER_EMAIL; attempt += 1) {
      expect((await requestSignInLinkAction(idle, form({ email }))).status).toBe("success");
    }
    expect(await requestSignInLinkAction(idle, form({ email }))).toMatchObject({ status: "error", code: "RATE_LIMITED" });
    expect((await forgotPasswordAction(idle, form({ email }))).status).toBe("success");
  });

  it("register: a flood of sign-ups for one address is refused before any account or email", async () => {
    const email = newEmail();
    for (let attempt = 0; attempt < MAX_REQUESTS_PER_EMAIL; attempt += 1) {
      await registerAction(idle, form({ name: "Flood", email, password: "a-long-password" }));
    }
    sendTokenEmail.mockClear();
    const refused = await registerAction(idle, form({ name: "Flood", email: email.toUpperCase(), password: "a-long-password" }));
    expect(refused).toMatchObject({ status: "error", code: "RATE_LIMITED" });
    expect(sendTokenEmail).not.toHaveBeenCalled();
  });
});

describe("email-sending requests are limited per IP", () => {
  it("one IP asking for many addresses is refused past its limit; another IP is not", async () => {
    const shared = newIp();
    request.ip = shared;
    for (let attempt = 0; attempt < MAX_REQUESTS_PER_IP; attempt += 1) {
      expect((await requestSignInLinkAction(idle, form({ email: newEmail() }))).status).toBe("success");
    }
    expect(await requestSignInLinkAction(idle, form({ email: newEmail() }))).toMatchObject({ status: "error", code: "RATE_LIMITED" });
    request.ip = newIp();
    expect((await requestSignInLinkAction(idle, form({ email: newEmail() }))).status).toBe("success");
  });

  it("counts concurrent requests exactly: no burst slips under the limit", async () => {
    const burst = newIp();
    const results = await Promise.all(
      Array.from({ length: MAX_REQUESTS_PER_IP + 5 }, () => takeEmailRequestAllowance("forgot-password", newEmail(), burst)),
    );
    expect(results.filter(Boolean)).toHaveLength(MAX_REQUESTS_PER_IP);
  });

  it("starts afresh in the next window, and the message names the minutes left", async () => {
    const email = newEmail();
    const then = new Date("2030-01-01T10:05:00Z");
    for (let attempt = 0; attempt < MAX_REQUESTS_PER_EMAIL; attempt += 1) {
      expect(await takeEmailRequestAllowance("register", email, null, then)).toBe(true);
    }
    expect(await takeEmailRequestAllowance("register", email, null, then)).toBe(false);
    expect(await takeEmailRequestAllowance("register", email, null, new Date("2030-01-01T10:15:00Z"))).toBe(true);
    expect(minutesUntilNextWindow(then)).toBe(10);
    expect(rateLimitedMessage(then)).toContain("wait 10 minutes");
  });
});
