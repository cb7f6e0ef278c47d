import "server-only";
import type { JWT } from "@auth/core/jwt";
import type { Role } from "./actor";
import { getSessionState } from "./data";

/**
 * The session cookie's claims, re-checked against the database on every request (the jwt callback):
 * null clears the cookie, so "sign out everywhere", a disabled account and a deleted one end the session
 * at once, and a changed role applies on the next click.
 */
export async function refreshSessionToken(token: JWT, user?: { id?: string; role?: Role; sessionVersion?: number }): Promise<JWT | null> {
  if (user?.id) {
    token.userId = user.id;
    token.role = user.role;
    token.sessionVersion = user.sessionVersion;
  }
  if (!token.userId) return null;
  const state = await getSessionState(token.userId);
  if (!state || state.disabledAt || state.sessionVersion !== token.sessionVersion) return null;
  token.role = state.role;
  token.name = state.name;
  token.email = state.email;
  token.emailVerified = state.emailVerified !== null;
  return token;
}
