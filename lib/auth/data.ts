import "server-only";
import { db } from "@/lib/db";
import { signInLimitKeys, windowStart } from "./sign-in-limits";

export function findUserByEmail(email: string) {
  return db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, role: true, passwordHash: true, sessionVersion: true, emailVerified: true, disabledAt: true },
  });
}

/** What every request re-checks: a raised sessionVersion, a changed role or a disabled account takes effect at once. */
export function getSessionState(userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: { role: true, sessionVersion: true, emailVerified: true, name: true, email: true, disabledAt: true },
  });
}

/** True when the account or the IP has used up its failed sign-ins for the current window. */
export async function isSignInLocked(email: string, ip: string | null, now = new Date()): Promise<boolean> {
  const limits = signInLimitKeys(email, ip);
  const rows = await db.rateLimitCounter.findMany({
    where: { windowStart: windowStart(now), key: { in: limits.map((limit) => limit.key) } },
    select: { key: true, count: true },
  });
  return rows.some((row) => row.count >= (limits.find((limit) => limit.key === row.key)?.max ?? Infinity));
}
