import "server-only";
import { STAFF_ROLES } from "@/lib/auth/actor";
import { db } from "@/lib/db";

/** Everyone with a dashboard login, enabled first, with what the Team page shows about them. */
export function listTeam() {
  return db.user.findMany({
    where: { role: { in: [...STAFF_ROLES] } },
    orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    select: { id: true, name: true, email: true, role: true, disabledAt: true, lastSignInAt: true },
  });
}

export type TeamMember = Awaited<ReturnType<typeof listTeam>>[number];

/** Invitations not yet used and still valid, newest first. */
export function listPendingInvitations(now = new Date()) {
  return db.invitation.findMany({
    where: { acceptedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
  });
}

/** Whether an account (of any kind) is disabled, for the customer page's account section. */
export function getAccountState(userId: string) {
  return db.user.findUnique({ where: { id: userId }, select: { id: true, disabledAt: true } });
}
