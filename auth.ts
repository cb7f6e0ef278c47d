import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { Role } from "@/lib/auth/actor";
import { clientIp } from "@/lib/auth/client-ip";
import { recordSignIn } from "@/lib/auth/mutations";
import { signInWithLink, signInWithPassword } from "@/lib/auth/sign-in";
import { refreshSessionToken } from "@/lib/auth/session-token";
import { ZSignInInput, ZSignInLinkInput } from "@/lib/auth/schema";

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
        const result = await signInWithPassword(parsed.data.email, parsed.data.password, clientIp(request.headers));
        if (result.outcome === "rate-limited") throw new SignInRateLimited();
        return result.outcome === "signed-in" ? result.user : null;
      },
    }),
    // Magic link: a one-time token from the mailbox (hashed in VerificationToken); see signInWithLink.
    Credentials({
      id: "sign-in-link",
      credentials: { token: { type: "text" } },
      async authorize(credentials) {
        const parsed = ZSignInLinkInput.safeParse(credentials);
        return parsed.success ? signInWithLink(parsed.data.token) : null;
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
