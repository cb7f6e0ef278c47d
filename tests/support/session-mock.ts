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

/** A submitted form, as a server action receives it. */
export function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}
