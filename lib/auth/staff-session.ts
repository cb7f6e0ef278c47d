import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";
import { currentUser, requireUser, type SessionUser } from "./session";

/**
 * Role gates for the staff dashboard, checked on the server for every page and every action: a hidden
 * link proves nothing. Pages answer 404 to signed-in customers (the dashboard's existence is not theirs
 * to learn); actions throw FORBIDDEN, which the one action-state mapping turns into a form error.
 */
export function isStaffRole(role: SessionUser["role"]): boolean {
  return role === "STAFF" || role === "ADMIN";
}

/**
 * Account emails (verification, reset, sign-in link) are listed to admins only, and then only as kind,
 * recipient, status and time: their content is never shown to staff (the link is removed anyway).
 */
export function mayListAccountEmails(user: SessionUser): boolean {
  return user.role === "ADMIN";
}

export async function requireStaff(returnTo: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (!isStaffRole(user.role)) notFound();
  return user;
}

export async function requireAdmin(returnTo: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (user.role !== "ADMIN") notFound();
  return user;
}

/** For server actions: the signed-in staff member or admin, else FORBIDDEN (guests included). */
export async function staffForAction(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user || !isStaffRole(user.role)) throw new AppError("FORBIDDEN", "Only salon staff can do this.");
  return user;
}

export async function adminForAction(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user || user.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only an admin can do this.");
  return user;
}
