import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/mutations";
import { db } from "@/lib/db";
import { orNotFound } from "@/lib/errors";
import { generateCalendarFeedToken } from "./token";

/**
 * Issues a new feed token for the stylist, which ends the old link at once (only its hash was stored).
 * Returns the token: the one moment it exists outside the subscriber's calendar app.
 */
export async function rotateCalendarFeed(actor: Actor, staffId: string, now: Date = new Date()): Promise<string> {
  const { token, tokenHash } = generateCalendarFeedToken();
  await db.$transaction(async (tx) => {
    const profile = orNotFound(
      await tx.staffProfile.findUnique({ where: { userId: staffId }, select: { displayName: true, calendarTokenHash: true } }),
      "That stylist does not exist.",
    );
    await tx.staffProfile.update({ where: { userId: staffId }, data: { calendarTokenHash: tokenHash } });
    await recordAudit(tx, actor, {
      entityKind: "stylist",
      entityId: staffId,
      entityLabel: profile.displayName,
      action: profile.calendarTokenHash ? "calendar-feed.rotated" : "calendar-feed.created",
      after: { calendarFeedIssuedAt: now },
    });
  });
  return token;
}
