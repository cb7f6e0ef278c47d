import "server-only";
import { revokeKeysOwnedBy } from "@/lib/api-keys/mutations";
import { recordAudit } from "@/lib/audit/mutations";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { consumeToken } from "@/lib/auth/mutations";
import { can } from "@/lib/auth/permissions";
import { TOKEN_TTL_MS } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError, orNotFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TAcceptInvitationInput, TInviteMemberInput, TStaffRole } from "./schema";

/**
 * Team accounts: invitations, roles and the disabled state. Every change is audited in its own
 * transaction. Nobody changes their own role or disables themselves, so a salon always keeps the admin
 * who is making changes.
 */

function refuseSelf(actor: Actor, userId: string, what: string): void {
  if (actor.kind === "user" && actor.userId === userId) throw new AppError("FORBIDDEN", `You cannot ${what} your own account.`);
}

/**
 * Whoever looks after their own appointments has a calendar column and a schedule, i.e. a profile; it
 * starts with no hours (so nobody can book them yet) until an admin or they themselves set some.
 */
async function ensureStylistProfile(tx: Prisma.TransactionClient, userId: string, name: string): Promise<void> {
  const last = await tx.staffProfile.aggregate({ _max: { sortOrder: true } });
  await tx.staffProfile.upsert({
    where: { userId },
    update: {},
    create: { userId, displayName: name, sortOrder: (last._max.sortOrder ?? -1) + 1 },
  });
}

export async function inviteMember(actor: Actor, input: TInviteMemberInput, now = new Date()): Promise<{ id: string }> {
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw new AppError("CONFLICT", "Someone with this email already has an account.", [
      { path: "email", message: "Already has an account: change their role below instead." },
    ]);
  }
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.create({
      data: { email: input.email, role: input.role, expiresAt: new Date(now.getTime() + TOKEN_TTL_MS.invitation) },
      select: { id: true, email: true, role: true, expiresAt: true },
    });
    const { id, ...after } = invitation;
    await recordAudit(tx, actor, { entity: { kind: "invitation", id: id, label: input.email }, action: "sent", after });
    return { id };
  });
}

/**
 * Spends the invitation's one-time link and creates the account it grants, with the invitee's own name
 * and password (the email counts as confirmed: the link arrived there). Returns the new account's email.
 */
export async function acceptInvitation(input: TAcceptInvitationInput, now = new Date()): Promise<{ email: string }> {
  const email = await consumeToken("invitation", input.token);
  const invitation = orNotFound(
    email
      ? await db.invitation.findFirst({ where: { email, acceptedAt: null, expiresAt: { gt: now } }, orderBy: { createdAt: "desc" } })
      : null,
    "This invitation has expired or was already used. Ask the salon for a new one.",
  );
  const passwordHash = await hashPassword(input.password);
  try {
    await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: input.name, email: invitation.email, role: invitation.role, passwordHash, emailVerified: now },
        select: { id: true, role: true },
      });
      if (can(invitation.role, "appointment.manageOwn")) await ensureStylistProfile(tx, user.id, input.name);
      // Every open invitation for this address is spent: one account per email.
      await tx.invitation.updateMany({ where: { email: invitation.email, acceptedAt: null }, data: { acceptedAt: now } });
      const joined: Actor = { kind: "user", userId: user.id, role: user.role };
      await recordAudit(tx, joined, {
        entity: { kind: "account", id: user.id, label: invitation.email },
        action: "joined",
        after: { email: invitation.email, role: invitation.role, name: input.name },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "An account with this email already exists. Sign in instead.");
    throw error;
  }
  return { email: invitation.email };
}

export async function changeRole(actor: Actor, userId: string, role: TStaffRole): Promise<void> {
  refuseSelf(actor, userId, "change the role of");
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, name: true, email: true } });
    if (!user || !can(user.role, "dashboard.access")) throw new AppError("NOT_FOUND", "That team member does not exist.");
    // Saving the same role again changes nothing and so records nothing (see diffSnapshots).
    await tx.user.update({ where: { id: userId }, data: { role } });
    if (can(role, "appointment.manageOwn")) await ensureStylistProfile(tx, userId, user.name);
    await recordAudit(tx, actor, {
      entity: { kind: "account", id: userId, label: user.email },
      action: "role-changed",
      before: { role: user.role },
      after: { role },
    });
  });
}

/**
 * Disabling ends the account everywhere at once: the raised sessionVersion signs out every browser on
 * its next request, every key the account owns is revoked, and sign-in, reset and sign-in links refuse
 * it. Enabling lets the person sign in again; their revoked keys stay revoked.
 */
export async function setAccountDisabled(actor: Actor, userId: string, disabled: boolean, now = new Date()): Promise<void> {
  if (disabled) refuseSelf(actor, userId, "disable");
  await db.$transaction(async (tx) => {
    const user = orNotFound(
      await tx.user.findUnique({ where: { id: userId }, select: { email: true, disabledAt: true } }),
      "That account does not exist.",
    );
    if (disabled === (user.disabledAt !== null)) return;
    await tx.user.update({
      where: { id: userId },
      data: disabled ? { disabledAt: now, sessionVersion: { increment: 1 } } : { disabledAt: null },
    });
    const revokedKeys = disabled ? await revokeKeysOwnedBy(tx, actor, userId, now) : 0;
    await recordAudit(tx, actor, {
      entity: { kind: "account", id: userId, label: user.email },
      action: disabled ? "disabled" : "enabled",
      before: { disabledAt: user.disabledAt },
      after: { disabledAt: disabled ? now : null, ...(disabled && { apiKeysRevoked: revokedKeys }) },
    });
  });
}
