import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/auth";
import type { UserActor } from "./actor";

export type SessionUser = { id: string; name: string; email: string; role: UserActor["role"]; emailConfirmed: boolean };

/**
 * The session, read once per server render: the layout, the page and its gates all ask, and each read
 * re-validates the token against the database (see the jwt callback).
 */
const sessionOfThisRequest = cache(() => auth());

/** The signed-in user, re-validated against the database on this request (see the jwt callback). */
export async function currentUser(): Promise<SessionUser | null> {
  const session = await sessionOfThisRequest();
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
