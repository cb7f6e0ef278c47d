import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";
import { canAny, type PermissionNeed } from "./permissions";
import { currentUser, requireUser, type SessionUser } from "./session";

/**
 * The doors of the browser app, each checked on the server against the permission table: a hidden link
 * proves nothing. A page answers a guest with the sign-in page (and back to `returnTo` after) and anyone
 * lacking the permission with 404 (the page's existence is not theirs to learn).
 */
export async function requirePermission(need: PermissionNeed, returnTo: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (!canAny(user.role, need)) notFound();
  return user;
}

/** For server actions: FORBIDDEN (guests included), which the one action-state mapping turns into a form error. */
export async function userForAction(need: PermissionNeed): Promise<SessionUser> {
  const user = await currentUser();
  if (!user || !canAny(user.role, need)) throw new AppError("FORBIDDEN", "You do not have permission to do this.");
  return user;
}
