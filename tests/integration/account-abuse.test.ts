import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { at, createBookingFixture, MONDAY, NOW_2030, type BookingFixture } from "../support/booking-fixtures";
import * as actions from "@/lib/auth/actions";
import { signInWithLink, signInWithPassword } from "@/lib/auth/sign-in";
import { issueToken } from "@/lib/auth/mutations";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP, MAX_REQUESTS_PER_EMAIL } from "@/lib/rate-limit/policies";
import { hashPassword } from "@/lib/auth/password";
import { listAppointments, getAppointment } from "@/lib/booking/data";
import { bookAppointment } from "@/lib/booking/mutations";
import { findOrCreateCustomer } from "@/lib/customers/mutations";
import { resendEmail } from "@/lib/notifications/resend-email";

/**
 * Abuse of the account forms on a real database: answers that do not reveal who has an account, limits
 * that parallel guesses cannot slip past, lockouts the owner can still recover from, and an address
 * registered by someone else that never shows the owner's bookings to them.
 */

const request = vi.hoisted(() => ({
  ip: "198.51.100.10",
  user: null as SessionUser | null,
  afterQueue: [] as Array<() => unknown>,
  deferAfter: false,
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": request.ip }) }));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  // Like Next inside a request when asked to: the callback runs only once "the response has gone out".
  after: (task: () => unknown) => {
    if (!request.deferAfter) throw new Error("after() outside a request scope");
    request.afterQueue.push(task);
  },
}));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error(`redirect ${url}`), { url });
  },
  notFound: () => {
    throw new Error("404");
  },
  unstable_rethrow: (error: unknown) => {
    if (error instanceof Error && ("url" in error || error.message === "404")) throw error;
  },
}));
const signIn = vi.hoisted(() => vi.fn(async () => undefined));
vi.mock("@/auth", () => ({ signIn, signOut: vi.fn() }));
vi.mock("@/lib/auth/session", () => ({
  currentUser: async () => request.user,
  requireUser: async () => request.user,
  actorOf: (user: SessionUser) => ({ kind: "user", userId: user.id, role: user.role }),
}));
const hashing = vi.hoisted(() => ({ hashes: 0, verifications: 0 }));
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/password")>();
  return {
    hashPassword: (password: string) => {
      hashing.hashes += 1;
      return real.hashPassword(password);
    },
    verifyPassword: (hash: string, password: string) => {
      hashing.verifications += 1;
      return real.verifyPassword(hash, password);
    },
  };
});

let counter = 0;
const newEmail = (label = "abuse") => `${label}.${process.pid}.${++counter}@test.test`;
let ipCounter = 0;
const newIp = () => `203.0.113.${++ipCounter % 250}`;
const idle = { status: "idle" } as const;

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

async function accountWithPassword(email: string, password: string, verified = true) {
  return db.user.create({
    data: {
      name: "Owner",
      email,
      role: "CUSTOMER",
      passwordHash: await hashPassword(password),
      emailVerified: verified ? new Date() : null,
    },
  });
}

/** An answer with the address replaced, so answers for different addresses can be compared. */
const anonymised = (state: unknown, email: string) => JSON.parse(JSON.stringify(state).replaceAll(email, "<email>"));

beforeEach(() => {
  request.ip = newIp();
  request.user = null;
  request.deferAfter = false;
  request.afterQueue.length = 0;
  hashing.hashes = 0;
  hashing.verifications = 0;
  signIn.mockClear();
});

describe("the forms do not reveal who has an account", () => {
  it("register answers the same for a new, a confirmed and an unconfirmed address, hashes each time, and signs nobody in", async () => {
    const known = newEmail("known");
    const unconfirmed = newEmail("unconfirmed");
    await accountWithPassword(known, "the-owners-password");
    await accountWithPassword(unconfirmed, "someones-password", false);
    const answers = [];
    for (const email of [newEmail("new"), known, unconfirmed]) {
      request.ip = newIp();
      hashing.hashes = 0;
      const state = await actions.registerAction(idle, form({ name: "Someone", email, password: "a-long-password" }));
      expect(hashing.hashes, `the password is hashed for ${email}`).toBe(1);
      answers.push(anonymised(state, email));
      // Each address gets an email: a confirmation link, or a sign-in link for the confirmed owner.
      expect(await db.emailMessage.count({ where: { to: email } })).toBe(1);
    }
    expect(answers[0]).toMatchObject({ status: "success" });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(signIn).not.toHaveBeenCalled();
    // The known account is untouched: its owner's password still works.
    expect((await signInWithPassword(known, "the-owners-password", newIp())).outcome).toBe("signed-in");
  });

  it("forgot password and sign-in link answer the same for a known and an unknown address, and send after the response", async () => {
    const known = newEmail("known");
    await accountWithPassword(known, "the-owners-password");
    for (const action of [actions.forgotPasswordAction, actions.requestSignInLinkAction]) {
      request.deferAfter = true;
      const unknown = newEmail("unknown");
      const forKnown = await action(idle, form({ email: known }));
      const forUnknown = await action(idle, form({ email: unknown }));
      expect(anonymised(forKnown, known)).toEqual(anonymised(forUnknown, unknown));
      // Nothing was sent while the request was answered…
      const before = await db.emailMessage.count({ where: { to: known } });
      expect(request.afterQueue).toHaveLength(1);
      await Promise.all(request.afterQueue.map((task) => task()));
      request.afterQueue.length = 0;
      // …the known address gets its email once the response is out.
      expect(await db.emailMessage.count({ where: { to: known } })).toBe(before + 1);
    }
  });

  it("password sign-in runs the hash for an unknown address too", async () => {
    expect(await signInWithPassword(newEmail("nobody"), "any-password-at-all", newIp())).toEqual({ outcome: "wrong" });
    expect(hashing.verifications).toBe(1);
    const passwordless = newEmail("passwordless");
    await db.user.create({ data: { name: "Walk-in", email: passwordless, role: "CUSTOMER" } });
    expect(await signInWithPassword(passwordless, "any-password-at-all", newIp())).toEqual({ outcome: "wrong" });
    expect(hashing.verifications).toBe(2);
  });
});

describe("sign-in limits hold against parallel guesses", () => {
  it("counts each attempt before the password is checked: a burst of guesses from many IPs gets exactly the limit", async () => {
    const email = newEmail("target");
    await accountWithPassword(email, "the-owners-password");
    const outcomes = await Promise.all(
      Array.from({ length: MAX_FAILURES_PER_ACCOUNT + 10 }, (_, index) => signInWithPassword(email, `guess-number-${index}`, newIp())),
    );
    expect(outcomes.filter((o) => o.outcome === "wrong")).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    expect(outcomes.filter((o) => o.outcome === "rate-limited")).toHaveLength(10);
    expect(hashing.verifications).toBe(MAX_FAILURES_PER_ACCOUNT);
    // Locked now, even for the right password.
    expect((await signInWithPassword(email, "the-owners-password", newIp())).outcome).toBe("rate-limited");
  });

  it("a right password gives its place back: the owner signing in often is never locked out", async () => {
    const email = newEmail("regular");
    await accountWithPassword(email, "the-owners-password");
    for (let attempt = 0; attempt < MAX_FAILURES_PER_ACCOUNT + 3; attempt += 1) {
      expect((await signInWithPassword(email, "the-owners-password", newIp())).outcome).toBe("signed-in");
    }
  });

  it("a salon's shared network is never locked by its own successful sign-ins", async () => {
    const email = newEmail("front-desk");
    await accountWithPassword(email, "the-owners-password");
    const salonWifi = newIp();
    for (let attempt = 0; attempt < MAX_FAILURES_PER_IP + 3; attempt += 1) {
      expect((await signInWithPassword(email, "the-owners-password", salonWifi)).outcome).toBe("signed-in");
    }
  });
});

describe("an account locked by failed passwords can recover", () => {
  async function lockedAccount() {
    const email = newEmail("locked");
    await accountWithPassword(email, "the-owners-password");
    for (let attempt = 0; attempt < MAX_FAILURES_PER_ACCOUNT; attempt += 1) await signInWithPassword(email, "attackers-guess", newIp());
    expect((await signInWithPassword(email, "the-owners-password", newIp())).outcome).toBe("rate-limited");
    return email;
  }

  it("through a reset link: the new password works at once", async () => {
    const email = await lockedAccount();
    const token = await issueToken("reset-password", email);
    await expect(actions.resetPasswordAction(idle, form({ token, password: "a-brand-new-password" }))).rejects.toMatchObject({
      url: "/sign-in?notice=password-reset",
    });
    expect((await signInWithPassword(email, "a-brand-new-password", newIp())).outcome).toBe("signed-in");
  });

  it("through a sign-in link", async () => {
    const email = await lockedAccount();
    const user = await signInWithLink(await issueToken("sign-in-link", email));
    expect(user?.email).toBe(email);
  });
});

describe("resending emails is limited", () => {
  it("resend verification: past the limit, a clear error and no more emails", async () => {
    const email = newEmail("unconfirmed");
    const user = await db.user.create({ data: { name: "Unconfirmed", email, role: "CUSTOMER" } });
    request.user = { id: user.id, name: user.name, email, role: "CUSTOMER", emailConfirmed: false };
    for (let attempt = 0; attempt < MAX_REQUESTS_PER_EMAIL; attempt += 1) {
      expect(await actions.resendVerificationAction()).toMatchObject({ status: "success" });
    }
    expect(await actions.resendVerificationAction()).toMatchObject({ status: "error", code: "RATE_LIMITED" });
    expect(await db.emailMessage.count({ where: { to: email } })).toBe(MAX_REQUESTS_PER_EMAIL);
  });

  it("resending a logged email from the dashboard: past the limit per recipient, RATE_LIMITED", async () => {
    const to = newEmail("recipient");
    const original = await db.emailMessage.create({
      data: {
        dedupeKey: `resend-limit-${to}`,
        to,
        kind: "confirmation",
        subject: "Booked",
        html: "<p>Hi</p>",
        text: "Hi",
        transport: "mailbox",
        status: "SENT",
      },
    });
    for (let attempt = 0; attempt < MAX_REQUESTS_PER_EMAIL; attempt += 1) await resendEmail(original.id, newIp());
    await expect(resendEmail(original.id, newIp())).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await db.emailMessage.count({ where: { to } })).toBe(1 + MAX_REQUESTS_PER_EMAIL);
  });
});

describe("registering someone else's address", () => {
  let f: BookingFixture;
  beforeAll(async () => {
    f = await createBookingFixture();
  });

  it("never shows the owner's bookings to the registrant; the owner's first proof ends the registrant's access", async () => {
    const victim = newEmail("victim");
    // The attacker registers the address first, with a password of their own.
    await actions.registerAction(idle, form({ name: "Not the owner", email: victim, password: "attackers-password" }));
    const attacker = await db.user.findUniqueOrThrow({ where: { email: victim } });
    expect(attacker.emailVerified).toBeNull();
    expect((await signInWithPassword(victim, "attackers-password", newIp())).outcome).toBe("signed-in");

    // The salon books the real owner by email, as for a phone booking.
    const customer = await findOrCreateCustomer({ name: "The Owner", email: victim });
    expect(customer.id).toBe(attacker.id);
    const booked = await bookAppointment(
      f.actors.staff,
      { customerId: customer.id, serviceId: f.cut, staffId: f.amy, startsAt: at(`${MONDAY}T10:00`), source: "DASHBOARD" },
      { now: NOW_2030 },
    );
    const asAccount = { kind: "user", userId: attacker.id, role: "CUSTOMER" } as const;
    expect((await listAppointments(asAccount)).items).toHaveLength(0);
    await expect(getAppointment(asAccount, booked.id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    // The confirmation link reached the owner, who does not know the attacker's password.
    const token = await issueToken("verify-email", victim);
    const refused = await actions.verifyEmailAction(idle, form({ token, password: "" }));
    expect(refused).toMatchObject({ status: "error" });
    expect((await db.user.findUniqueOrThrow({ where: { email: victim } })).emailVerified).toBeNull();

    // The owner proves the address with a sign-in link instead: the password set before it is gone,
    // every older session ends, and the bookings are theirs to see.
    await signInWithLink(await issueToken("sign-in-link", victim));
    const after = await db.user.findUniqueOrThrow({ where: { email: victim } });
    expect(after.emailVerified).not.toBeNull();
    expect(after.passwordHash).toBeNull();
    expect(after.sessionVersion).toBe(attacker.sessionVersion + 1);
    expect((await signInWithPassword(victim, "attackers-password", newIp())).outcome).toBe("wrong");
    expect((await listAppointments(asAccount)).items.map((item) => item.id)).toEqual([booked.id]);
  });

  it("the person who registered keeps their password by proving it when they confirm, and older sessions end", async () => {
    const email = newEmail("genuine");
    await actions.registerAction(idle, form({ name: "Genuine", email, password: "my-own-password", callbackUrl: "/book?step=review" }));
    const before = await db.user.findUniqueOrThrow({ where: { email } });
    const token = await issueToken("verify-email", email);
    const wrong = await actions.verifyEmailAction(idle, form({ token, password: "not-my-password" }));
    expect(wrong).toMatchObject({ status: "error" });
    await actions.verifyEmailAction(idle, form({ token, password: "my-own-password", callbackUrl: "/book?step=review" }));
    expect(signIn).toHaveBeenCalledWith("credentials", { email, password: "my-own-password", redirectTo: "/book?step=review" });
    const after = await db.user.findUniqueOrThrow({ where: { email } });
    expect(after.emailVerified).not.toBeNull();
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
  });
});
