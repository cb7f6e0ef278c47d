import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/mutations";
import { db } from "@/lib/db";
import { orNotFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
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
      entity: { kind: "stylist", id: staffId, label: profile.displayName },
      action: profile.calendarTokenHash ? "calendar-feed.rotated" : "calendar-feed.created",
      after: { calendarFeedIssuedAt: now },
    });
  });
  return token;
}

/**
 * Something left the stylist's feed without a row in it to say when: time off deleted, an appointment
 * handed to a colleague. The profile's `updatedAt` is one of the feed's Last-Modified stamps, so touching
 * it in the change's own transaction moves Last-Modified as the ETag moves.
 */
export async function touchCalendarFeed(tx: Prisma.TransactionClient, staffId: string, now: Date = new Date()): Promise<void> {
  await tx.staffProfile.updateMany({ where: { userId: staffId }, data: { updatedAt: now } });
}
