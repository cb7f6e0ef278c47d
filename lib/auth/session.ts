import "server-only";
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import type { UserActor } from "./actor";

export type SessionUser = { id: string; name: string; email: string; role: UserActor["role"]; emailConfirmed: boolean };

/** The signed-in user, re-validated against the database on this request (see the jwt callback). */
export async function currentUser(): Promise<SessionUser | null> {
  const session = await auth();
  const user = session?.user;
  if (!user?.id) return null;
  return { id: user.id, name: user.name ?? "", email: user.email ?? "", role: user.role, emailConfirmed: user.emailConfirmed };
}

/** For protected pages and actions: a guest is sent to sign in and brought back to `returnTo` after. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

export function actorOf(user: SessionUser): UserActor {
  return { kind: "user", userId: user.id, role: user.role };
}
