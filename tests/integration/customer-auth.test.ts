import { describe, expect, it } from "vitest";
import { getSessionState } from "@/lib/auth/data";
import { consumeToken, issueToken, markEmailVerified, revokeAllSessions, setPassword, takeSignInAttempt } from "@/lib/auth/mutations";
import { verifyPassword } from "@/lib/auth/password";
import { createCustomer } from "@/lib/customers/mutations";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP } from "@/lib/rate-limit/policies";

/** The account core on a real database: lockouts, one-time tokens, revocation. */

let counter = 0;
const newEmail = () => `auth.${process.pid}.${++counter}@test.test`;

describe("sign-in attempt limits", () => {
  it("locks an account after its attempts, from any IP, and leaves other accounts alone", async () => {
    const email = newEmail();
    for (let attempt = 0; attempt < MAX_FAILURES_PER_ACCOUNT; attempt += 1) {
      expect(await takeSignInAttempt(email, `10.0.0.${attempt}`)).toBe(true);
    }
    expect(await takeSignInAttempt(email, "10.9.9.9")).toBe(false);
    expect(await takeSignInAttempt(newEmail(), "10.9.9.8")).toBe(true);
  });

  it("locks an IP that tries many accounts, counting concurrent attempts exactly", async () => {
    const ip = `192.0.2.${process.pid % 250}`;
    const allowed = await Promise.all(Array.from({ length: MAX_FAILURES_PER_IP }, () => takeSignInAttempt(newEmail(), ip)));
    expect(allowed.every(Boolean)).toBe(true);
    expect(await takeSignInAttempt(newEmail(), ip)).toBe(false);
    const [row] = await db.rateLimitCounter.findMany({ where: { key: `sign-in:ip:${ip}` } });
    expect(row?.count).toBe(MAX_FAILURES_PER_IP + 1);
  });

  it("starts afresh in the next window", async () => {
    const email = newEmail();
    const then = new Date("2030-01-01T10:00:00Z");
    for (let attempt = 0; attempt < MAX_FAILURES_PER_ACCOUNT; attempt += 1) await takeSignInAttempt(email, null, then);
    expect(await takeSignInAttempt(email, null, then)).toBe(false);
    expect(await takeSignInAttempt(email, null, new Date(then.getTime() + 16 * 60_000))).toBe(true);
  });
});

describe("accounts and one-time tokens", () => {
  it("refuses a second account with the same email as a field error", async () => {
    const email = newEmail();
    await createCustomer({ name: "First", email }, { password: "a-long-password" });
    const error = await createCustomer({ name: "Second", email }, { password: "a-long-password" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fieldErrors[0]?.path).toBe("email");
  });

  it("stores only the hash, works once, and only for its purpose", async () => {
    const email = newEmail();
    const raw = await issueToken("verify-email", email);
    expect(await db.verificationToken.count({ where: { token: raw } })).toBe(0);
    expect(await consumeToken("reset-password", raw)).toBeNull();
    const again = await issueToken("verify-email", email);
    expect(await consumeToken("verify-email", raw)).toBeNull(); // superseded by the newer link
    expect(await consumeToken("verify-email", again)).toBe(email);
    expect(await consumeToken("verify-email", again)).toBeNull();
  });

  it("a password reset sets the new password and ends every session; so does sign-out-everywhere", async () => {
    const email = newEmail();
    const user = await createCustomer({ name: "Reset", email }, { password: "the-old-password" });
    const before = (await getSessionState(user.id))!.sessionVersion;
    await setPassword(email, "the-new-password");
    await markEmailVerified(email);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(after.passwordHash!, "the-new-password")).toBe(true);
    expect(after.sessionVersion).toBe(before + 1);
    expect(after.emailVerified).not.toBeNull();
    await revokeAllSessions(user.id);
    expect((await getSessionState(user.id))!.sessionVersion).toBe(before + 2);
  });
});
