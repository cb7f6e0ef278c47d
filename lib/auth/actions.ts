"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/auth";
import { runAfterResponse } from "@/lib/after-response";
import type { ActionState } from "@/lib/action-state";
import { defineAction } from "@/lib/actions/define-action";
import { createCustomer } from "@/lib/customers/mutations";
import { isAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { publishOutboxAfterResponse } from "@/lib/notifications/publish-after-response";
import { rateLimitedMessage, type EmailRequestKind } from "@/lib/rate-limit/policies";
import { clientIp } from "./client-ip";
import { findTokenEmail, findUserByEmail } from "./data";
import {
  clearSignInFailures,
  consumeAccountToken,
  markEmailVerified,
  revokeAllSessions,
  setPassword,
  takeEmailRequestAllowance,
  verifyEmailOwnership,
} from "./mutations";
import { hashPassword } from "./password";
import { signInWithPassword } from "./sign-in";
import { sendTokenEmail } from "./send-token-email";
import {
  safeCallbackUrl,
  ZEmailLinkRequest,
  ZRegisterInput,
  ZResetPasswordInput,
  ZSignInInput,
  ZSignInLinkInput,
  ZVerifyEmailInput,
} from "./schema";
import { currentUser } from "./session";
import type { TokenPurpose } from "./tokens";

/** Null when this email-sending request is within its limits; else the form error naming the wait. */
async function refuseIfRateLimited(kind: EmailRequestKind, email: string, values: Record<string, string>): Promise<ActionState | null> {
  const now = new Date();
  const ip = clientIp(await headers());
  if (await takeEmailRequestAllowance(kind, email, ip, now)) return null;
  return { status: "error", code: "RATE_LIMITED", message: rateLimitedMessage(now), values };
}

/**
 * Sends an account email once the response has gone out: the forms that could reveal whether an
 * address has an account answer the same, in the same time, and the sending is not part of that time.
 * A failure is logged (the email log row records it); the person can ask again.
 */
function sendAfterResponse(purpose: TokenPurpose, user: { email: string; name: string }, path: string): Promise<void> {
  return runAfterResponse(() =>
    sendTokenEmail(purpose, user, path).catch((error: unknown) => {
      logger.error({ err: error instanceof Error ? error.message : String(error), purpose }, "account email could not be sent");
    }),
  ).then(() => undefined);
}

/** On success signIn throws NEXT_REDIRECT, which must propagate: only AuthError is ours to explain. */
async function signInOr(refused: (code: unknown) => ActionState, ...[provider, options]: Parameters<typeof signIn>): Promise<ActionState> {
  try {
    await signIn(provider, options);
    return { status: "success" };
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    return refused("code" in error ? error.code : undefined);
  }
}

function signInOrExplain(
  email: string,
  password: string,
  callbackUrl: string | undefined,
  values: Record<string, string>,
): Promise<ActionState> {
  const refused = (code: unknown): ActionState =>
    code === "rate_limited"
      ? {
          status: "error",
          code: "RATE_LIMITED",
          message: "Too many failed attempts. For your security, sign-in is paused for 15 minutes — or reset your password.",
          values,
        }
      : { status: "error", code: "UNAUTHORIZED", message: "That email and password do not match an account.", values };
  return signInOr(refused, "credentials", { email, password, redirectTo: safeCallbackUrl(callbackUrl) });
}

export const signInAction = defineAction({
  permission: null,
  schema: ZSignInInput,
  run: ({ input, values }) => signInOrExplain(input.email, input.password, input.callbackUrl, values),
});

export const registerAction = defineAction({
  permission: null,
  schema: ZRegisterInput,
  async run({ input, values }) {
    const { email, name, password } = input;
    const limited = await refuseIfRateLimited("register", email, values);
    if (limited) return limited;
    const callbackUrl = safeCallbackUrl(input.callbackUrl);
    const verifyPath = `/verify-email?callbackUrl=${encodeURIComponent(callbackUrl)}`;
    const existing = await findUserByEmail(email);
    if (existing) {
      // As long as creating the account takes (the hash dominates), and an email either way: the owner of
      // a confirmed account gets a sign-in link, an unconfirmed one a fresh confirmation link.
      await hashPassword(password);
      if (existing.emailVerified) await sendAfterResponse("sign-in-link", existing, "/sign-in-link");
      else await sendAfterResponse("verify-email", existing, verifyPath);
    } else {
      const user = await createCustomer({ name, email }, { password }).catch((error: unknown) => {
        // Registered a moment ago by a concurrent request: answered like any existing address.
        if (isAppError(error) && error.code === "CONFLICT") return null;
        throw error;
      });
      if (user) await sendAfterResponse("verify-email", user, verifyPath);
    }
    // Nobody is signed in here: the same answer for a new and a known address, so the form reveals nothing.
    return { status: "success", message: `We sent a link to ${email}. Open it to confirm your address and sign in.`, values: { email } };
  },
  // A new account's customer.created event.
  after: publishOutboxAfterResponse,
});

const EXPIRED_VERIFICATION: ActionState = {
  status: "error",
  message: "This link has expired or was already used. Sign in to get a new one.",
};

export const verifyEmailAction = defineAction({
  permission: null,
  schema: ZVerifyEmailInput,
  invalid: EXPIRED_VERIFICATION,
  async run({ input, values }) {
    const email = await findTokenEmail("verify-email", input.token);
    const user = email ? await findUserByEmail(email) : null;
    if (!email || !user) return EXPIRED_VERIFICATION;
    // A password set before the address was confirmed could be anyone's: it survives confirmation only
    // when the person holding the link proves they know it (counted like any sign-in attempt).
    let keepPassword = false;
    if (user.passwordHash && !user.emailVerified) {
      const check = await signInWithPassword(email, input.password ?? "", clientIp(await headers()));
      if (check.outcome === "rate-limited")
        return {
          status: "error",
          code: "RATE_LIMITED",
          message: "Too many attempts. Please wait 15 minutes, or reset your password.",
          values,
        };
      if (check.outcome === "wrong") {
        return {
          status: "error",
          message: "Enter the password you chose when you created the account. Not you? Reset the password instead.",
          values,
        };
      }
      keepPassword = true;
    }
    if ((await consumeAccountToken("verify-email", input.token)) !== email) return EXPIRED_VERIFICATION;
    await verifyEmailOwnership(email, { keepPassword });
    if (keepPassword) return signInOrExplain(email, input.password ?? "", input.callbackUrl, values);
    return { status: "success", message: "Thank you — your email address is confirmed." };
  },
});

export async function resendVerificationAction(): Promise<ActionState> {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  if (user.emailConfirmed) return { status: "success", message: "Your email address is already confirmed." };
  const limited = await refuseIfRateLimited("resend-verification", user.email, {});
  if (limited) return limited;
  await sendTokenEmail("verify-email", user, "/verify-email");
  return { status: "success", message: `We sent a new link to ${user.email}.` };
}

/**
 * Forgot password and sign-in link: a link by email to an active account, and the same answer either
 * way, so the form cannot be used to find out who has an account.
 */
function emailLinkAction(kind: EmailRequestKind, purpose: TokenPurpose, path: string, sent: string) {
  return defineAction({
    permission: null,
    schema: ZEmailLinkRequest,
    async run({ input: { email }, values }) {
      const limited = await refuseIfRateLimited(kind, email, values);
      if (limited) return limited;
      const user = await findUserByEmail(email);
      if (user && !user.disabledAt) await sendAfterResponse(purpose, user, path);
      return { status: "success", message: `If ${email} has an account, ${sent}`, values };
    },
  });
}

export const forgotPasswordAction = emailLinkAction("forgot-password", "reset-password", "/reset-password", "a reset link is on its way.");

export const resetPasswordAction = defineAction({
  permission: null,
  schema: ZResetPasswordInput,
  secret: ["token"],
  async run({ input }) {
    const email = await consumeAccountToken("reset-password", input.token);
    if (!email) return { status: "error", message: "This reset link has expired or was already used. Ask for a new one." };
    // Set at the moment the address is proven, so it is the mailbox owner's; the link also lifts a lockout.
    await setPassword(email, input.password, { revokeApiKeys: input.revokeApiKeys });
    await markEmailVerified(email);
    await clearSignInFailures(email);
    return { redirect: "/sign-in?notice=password-reset" };
  },
});

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}

/** Without a form (a bare button), the keys stay: revoking them is opt-in. */
export async function signOutEverywhereAction(formData?: FormData): Promise<void> {
  const user = await currentUser();
  if (user) await revokeAllSessions(user.id, { revokeApiKeys: formData?.get("revokeApiKeys") === "on" });
  await signOut({ redirectTo: "/sign-in?notice=signed-out-everywhere" });
}

export const requestSignInLinkAction = emailLinkAction("sign-in-link", "sign-in-link", "/sign-in-link", "a sign-in link is on its way.");

export const signInWithLinkAction = defineAction({
  permission: null,
  schema: ZSignInLinkInput,
  invalid: { status: "error", message: "This sign-in link is not valid." },
  run: ({ input }) =>
    signInOr(
      () => ({ status: "error", message: "This sign-in link has expired or was already used. Ask for a new one on the sign-in page." }),
      "sign-in-link",
      { token: input.token, redirectTo: "/appointments" },
    ),
});
