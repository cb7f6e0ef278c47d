import type { SessionUser } from "@/lib/auth/session";
import { Redirect } from "./next-navigation";

/**
 * A stand-in for `@/lib/auth/session`, so server actions can be called as plain functions as whoever the
 * test says: `vi.mock("@/lib/auth/session", async () => (await import("../support/session-mock")).sessionMock)`,
 * then set `session.user` (null is a guest). A guest meeting requireUser is sent to sign in, as for real.
 */
export const session: { user: SessionUser | null } = { user: null };

export const sessionMock = {
  currentUser: async () => session.user,
  requireUser: async (returnTo: string) => {
    if (!session.user) throw new Redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
    return session.user;
  },
  actorOf: (user: SessionUser) => ({ kind: "user", userId: user.id, role: user.role }),
};

/** A signed-in user with a confirmed email, named after their role. */
export function signedInAs(id: string, role: SessionUser["role"]): SessionUser {
  return { id, role, name: role, email: `${id}@test.test`, emailConfirmed: true };
}

/** A submitted form, as a server action receives it (an array is a multi-select's values). */
export function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) data.append(key, item);
  return data;
}
