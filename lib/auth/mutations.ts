import "server-only";
import { revokeKeysOwnedBy } from "@/lib/api-keys/mutations";
import { db } from "@/lib/db";
import {
  emailRequestsPerAddress,
  emailRequestsPerIp,
  signInPerAccount,
  signInPerIp,
  type EmailRequestKind,
} from "@/lib/rate-limit/policies";
import { clearAllowance, refundAllowances, takeAllowances, type Allowance } from "@/lib/rate-limit/take-allowance";
import { hashPassword } from "./password";
import { createOneTimeToken, emailFromIdentifier, hashToken, tokenIdentifier, TOKEN_TTL_MS, type TokenPurpose } from "./tokens";

/** Issues a one-time token (one live token per purpose and email: older links stop working). */
export async function issueToken(purpose: TokenPurpose, email: string): Promise<string> {
  const { raw, hashed } = createOneTimeToken();
  const identifier = tokenIdentifier(purpose, email);
  await db.$transaction([
    db.verificationToken.deleteMany({ where: { identifier } }),
    db.verificationToken.create({
      data: { identifier, token: hashed, expires: new Date(Date.now() + TOKEN_TTL_MS[purpose]) },
    }),
  ]);
  return raw;
}

/** Deletes the token (one use only) and returns the email it was issued for, or null if invalid/expired. */
export async function consumeToken(purpose: TokenPurpose, raw: string): Promise<string | null> {
  const row = await db.verificationToken.findFirst({ where: { token: hashToken(raw) } });
  if (!row) return null;
  const email = emailFromIdentifier(purpose, row.identifier);
  if (!email) return null;
  const { count } = await db.verificationToken.deleteMany({ where: { identifier: row.identifier, token: row.token } });
  // count 0: a concurrent request used it first.
  return count === 1 && row.expires > new Date() ? email : null;
}

export function markEmailVerified(email: string) {
  return db.user.updateMany({ where: { email, emailVerified: null }, data: { emailVerified: new Date() } });
}

/**
 * The first proof that the address belongs to whoever holds the account. Anyone could have registered
 * it before, so a password set until now is cleared (unless the verifier just proved they know it) and
 * every older session ends. Bookings staff or the API made for the address become visible from now on
 * (booking/data visibleTo). Returns false when the address was already verified (nothing changes).
 */
export async function verifyEmailOwnership(email: string, options: { keepPassword: boolean }): Promise<boolean> {
  const { count } = await db.user.updateMany({
    where: { email, emailVerified: null },
    data: {
      emailVerified: new Date(),
      sessionVersion: { increment: 1 },
      ...(options.keepPassword ? {} : { passwordHash: null }),
    },
  });
  return count === 1;
}

/** Like consumeToken, but a disabled account's links are dead: a leaver cannot return through an old email. */
export async function consumeAccountToken(purpose: TokenPurpose, raw: string): Promise<string | null> {
  const email = await consumeToken(purpose, raw);
  if (!email) return null;
  const user = await db.user.findUnique({ where: { email }, select: { disabledAt: true } });
  return user && user.disabledAt === null ? email : null;
}

/** Whoever asks to end every session may also want every API key gone (a lost laptop holds both). */
export type EndSessionsOptions = { revokeApiKeys?: boolean };

async function endSessions(where: { id: string } | { email: string }, data: { passwordHash?: string }, options: EndSessionsOptions) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.update({ where, data: { ...data, sessionVersion: { increment: 1 } }, select: { id: true, role: true } });
    if (options.revokeApiKeys) await revokeKeysOwnedBy(tx, { kind: "user", userId: user.id, role: user.role }, user.id);
    return { id: user.id };
  });
}

/** A new password signs every device out: whoever knew the old one loses their session too. */
export async function setPassword(email: string, password: string, options: EndSessionsOptions = {}) {
  return endSessions({ email }, { passwordHash: await hashPassword(password) }, options);
}

export function revokeAllSessions(userId: string, options: EndSessionsOptions = {}) {
  return endSessions({ id: userId }, {}, options);
}

/** When the user last signed in, for the team page ("is this login still used?"). */
export function recordSignIn(userId: string, now = new Date()) {
  return db.user.update({ where: { id: userId }, data: { lastSignInAt: now }, select: { id: true } });
}

/** The sign-in limits an attempt counts against: its account, and its network when the IP is known. */
function signInAllowances(email: string, ip: string | null): Allowance[] {
  const allowances = [{ policy: signInPerAccount, subject: email }];
  if (ip) allowances.push({ policy: signInPerIp, subject: ip });
  return allowances;
}

/**
 * Counts a sign-in attempt against the account and the IP before the password is checked, so parallel
 * guesses each take a place under the limit and the ones past it never reach the hash. A right password
 * gives its places back (see refundSignInAttempt): only failures lock an account or a network.
 */
export function takeSignInAttempt(email: string, ip: string | null, now = new Date()): Promise<boolean> {
  return takeAllowances(signInAllowances(email, ip), now);
}

/** Gives back the account's and the IP's place: a shared network's successful sign-ins never lock it. */
export function refundSignInAttempt(email: string, ip: string | null, now = new Date()): Promise<void> {
  return refundAllowances(signInAllowances(email, ip), now);
}

/** Proof of the mailbox (a reset link) lifts a password lockout: an attacker cannot lock the owner out. */
export function clearSignInFailures(email: string): Promise<void> {
  return clearAllowance(signInPerAccount, email);
}

/** Counts one email-sending request against its address and IP and says whether it is within the limits. */
export function takeEmailRequestAllowance(kind: EmailRequestKind, email: string, ip: string | null, now = new Date()): Promise<boolean> {
  const allowances = [{ policy: emailRequestsPerAddress(kind), subject: email.toLowerCase() }];
  if (ip) allowances.push({ policy: emailRequestsPerIp(kind), subject: ip });
  return takeAllowances(allowances, now);
}
