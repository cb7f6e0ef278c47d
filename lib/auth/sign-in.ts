import "server-only";
import { findUserByEmail } from "./data";
import type { Role } from "./actor";
import { consumeAccountToken, refundSignInAttempt, takeSignInAttempt, verifyEmailOwnership } from "./mutations";
import { hashPassword, verifyPassword } from "./password";

type SignedInUser = { id: string; name: string; email: string; role: Role; sessionVersion: number };

export type PasswordSignIn = { outcome: "signed-in"; user: SignedInUser } | { outcome: "wrong" } | { outcome: "rate-limited" };

function signedIn(user: SignedInUser): SignedInUser {
  return { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion };
}

// A real argon2id hash of a random password: unknown emails and accounts without a password are checked
// against it, so the answer takes as long as for a real account and timing does not reveal who has one.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(crypto.randomUUID());
  return dummyHash;
}

/** Password sign-in: the attempt is counted first, then the hash always runs, then the verdict. */
export async function signInWithPassword(email: string, password: string, ip: string | null): Promise<PasswordSignIn> {
  if (!(await takeSignInAttempt(email, ip))) return { outcome: "rate-limited" };
  const user = await findUserByEmail(email);
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user?.passwordHash || !valid) return { outcome: "wrong" };
  await refundSignInAttempt(email, ip);
  // A disabled account stays out even with the right password (not counted as a guess).
  if (user.disabledAt) return { outcome: "wrong" };
  return { outcome: "signed-in", user: signedIn(user) };
}

/**
 * Magic link: a one-time token from the mailbox, spent on use. It ignores the password lockout (holding
 * the mailbox is the proof), so an attacker guessing passwords cannot lock the owner out. Opening it
 * proves the address: a first proof ends whatever came before it (verifyEmailOwnership).
 */
export async function signInWithLink(token: string): Promise<SignedInUser | null> {
  // A disabled account's links are dead: a leaver cannot return through an old email.
  const email = await consumeAccountToken("sign-in-link", token);
  if (!email) return null;
  await verifyEmailOwnership(email, { keepPassword: false });
  const user = await findUserByEmail(email);
  return user ? signedIn(user) : null;
}
