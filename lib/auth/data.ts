import "server-only";
import { db } from "@/lib/db";
import { emailFromIdentifier, hashToken, type TokenPurpose } from "./tokens";

export function findUserByEmail(email: string) {
  return db.user.findUnique({
    where: { email },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      passwordHash: true,
      sessionVersion: true,
      emailVerified: true,
      disabledAt: true,
    },
  });
}

/** What every request re-checks: a raised sessionVersion, a changed role or a disabled account takes effect at once. */
export function getSessionState(userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: { role: true, sessionVersion: true, emailVerified: true, name: true, email: true, disabledAt: true },
  });
}

/** The email a live token of this purpose was issued for, without spending it (null if invalid or expired). */
export async function findTokenEmail(purpose: TokenPurpose, raw: string, now = new Date()): Promise<string | null> {
  const row = await db.verificationToken.findFirst({
    where: { token: hashToken(raw), expires: { gt: now } },
    select: { identifier: true },
  });
  return row ? emailFromIdentifier(purpose, row.identifier) : null;
}

/** Whether confirming with this link asks for the password (one was set before the address was confirmed). */
export async function needsPasswordToVerify(raw: string): Promise<boolean> {
  const email = await findTokenEmail("verify-email", raw);
  const user = email ? await findUserByEmail(email) : null;
  return Boolean(user?.passwordHash && !user.emailVerified);
}
