import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { Role } from "@/lib/auth/actor";
import { findUserByEmail, isSignInLocked } from "@/lib/auth/data";
import { consumeToken, markEmailVerified, recordFailedSignIn, recordSignIn } from "@/lib/auth/mutations";
import { verifyPassword } from "@/lib/auth/password";
import { refreshSessionToken } from "@/lib/auth/session-token";
import { ZSignInInput, ZSignInLinkInput } from "@/lib/auth/schema";
import { clientIp } from "@/lib/auth/sign-in-limits";

declare module "next-auth" {
  interface User {
    role?: Role;
    sessionVersion?: number;
  }
  interface Session {
    user: { id: string; role: Role; emailConfirmed: boolean } & DefaultSession["user"];
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    userId?: string;
    role?: Role;
    sessionVersion?: number;
    emailVerified?: boolean;
  }
}

/** The code reaches the sign-in form, which explains the lockout instead of "wrong password". */
export class SignInRateLimited extends CredentialsSignin {
  code = "rate_limited";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  // JWT sessions, revocable: every request re-reads sessionVersion (see the jwt callback).
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const parsed = ZSignInInput.safeParse(credentials);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const ip = clientIp(request.headers);
        if (await isSignInLocked(email, ip)) throw new SignInRateLimited();
        const user = await findUserByEmail(email);
        // Verify even without a user (against a dummy hash) would equalise timing; the lockout bounds guessing.
        const valid = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : false;
        if (!user || !valid) {
          await recordFailedSignIn(email, ip);
          return null;
        }
        // A disabled account stays out even with the right password (not counted as a guess).
        if (user.disabledAt) return null;
        return { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion };
      },
    }),
    // Magic link: a one-time token from the mailbox (hashed in VerificationToken), spent on use.
    Credentials({
      id: "sign-in-link",
      credentials: { token: { type: "text" } },
      async authorize(credentials) {
        const parsed = ZSignInLinkInput.safeParse(credentials);
        const email = parsed.success ? await consumeToken("sign-in-link", parsed.data.token) : null;
        const user = email ? await findUserByEmail(email) : null;
        if (!user || user.disabledAt) return null;
        // Opening the link proves the address is theirs.
        await markEmailVerified(user.email);
        return { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  events: {
    async signIn({ user }) {
      if (user.id) await recordSignIn(user.id);
    },
  },
  callbacks: {
    jwt: ({ token, user }) => refreshSessionToken(token, user),
    session({ session, token }) {
      session.user.id = token.userId ?? "";
      session.user.role = token.role ?? "CUSTOMER";
      session.user.emailConfirmed = token.emailVerified ?? false;
      return session;
    },
  },
});
