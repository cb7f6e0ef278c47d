import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { actorCan } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/mutations";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

export const DELETED_CUSTOMER_NAME = "Deleted customer";

/**
 * A customer deleting their account. The person goes; the salon's books stay: appointment rows keep
 * their dates, service, stylist, status and price (the salon must keep its sales records), but point at
 * a user row with no name, email, phone or password. What identifies or describes the person is removed:
 * their notes on bookings, staff notes about them, patch tests, sign-in data, keys, the bodies of the
 * emails sent to them and the personal fields of audit entries about them. Docs: docs/PRIVACY.md.
 */
export async function deleteOwnCustomerAccount(actor: Actor, now: Date = new Date()): Promise<void> {
  if (actor.kind !== "user" || !actorCan(actor, "account.ownData"))
    throw new AppError("FORBIDDEN", "Only customers can delete their account here.");
  const customerId = actor.userId;
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: customerId }, select: { email: true, anonymisedAt: true } });
    if (user.anonymisedAt) return;
    const upcoming = await tx.appointment.count({ where: { customerId, status: "BOOKED", startsAt: { gt: now } } });
    if (upcoming > 0) {
      throw new AppError(
        "CONFLICT",
        `You have ${upcoming} upcoming appointment${upcoming === 1 ? "" : "s"}. Cancel ${upcoming === 1 ? "it" : "them"} first, so the salon is not left waiting for you.`,
      );
    }
    const anonymousEmail = `deleted-${customerId}@deleted.invalid`;
    await tx.user.update({
      where: { id: customerId },
      data: {
        name: DELETED_CUSTOMER_NAME,
        email: anonymousEmail,
        phone: null,
        image: null,
        passwordHash: null,
        emailVerified: null,
        marketingConsentAt: null,
        marketingConsentSource: null,
        anonymisedAt: now,
        disabledAt: now,
        sessionVersion: { increment: 1 },
      },
    });
    await tx.session.deleteMany({ where: { userId: customerId } });
    await tx.account.deleteMany({ where: { userId: customerId } });
    await tx.apiKey.deleteMany({ where: { ownerId: customerId } });
    await tx.verificationToken.deleteMany({ where: { identifier: { endsWith: `:${user.email}` } } });
    await tx.customerNote.deleteMany({ where: { customerId } });
    await tx.patchTest.deleteMany({ where: { customerId } });
    await tx.appointment.updateMany({ where: { customerId }, data: { customerNote: null } });
    await tx.appointmentNote.deleteMany({ where: { appointment: { customerId } } });
    await tx.mailboxMessage.deleteMany({ where: { to: user.email } });
    await tx.emailMessage.updateMany({
      where: { to: user.email },
      data: { to: anonymousEmail, subject: "[removed]", html: "", text: "", attachments: [] },
    });
    await tx.auditEvent.updateMany({
      where: { entityKind: "customer", entityId: customerId },
      data: { entityLabel: DELETED_CUSTOMER_NAME, before: Prisma.DbNull, after: Prisma.DbNull },
    });
    await recordAudit(tx, actor, {
      entityKind: "customer",
      entityId: customerId,
      entityLabel: DELETED_CUSTOMER_NAME,
      action: "account.deleted",
      after: { anonymisedAt: now },
    });
  });
}
