"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/auth";
import { errorState, formValues, validationState, type ActionState } from "@/lib/action-state";
import { findUserByEmail } from "./data";
import { consumeAccountToken, createCustomer, markEmailVerified, revokeAllSessions, setPassword, takeEmailRequestAllowance } from "./mutations";
import { rateLimitedMessage, type EmailRequestKind } from "./request-limits";
import { sendTokenEmail } from "./send-token-email";
import { safeCallbackUrl, ZForgotPasswordInput, ZRegisterInput, ZResetPasswordInput, ZSignInInput, ZSignInLinkInput, ZSignInLinkRequest, ZVerifyEmailInput } from "./schema";
import { currentUser } from "./session";
import { clientIp } from "./sign-in-limits";

/** Null when this email-sending request is within its limits; else the form error naming the wait. */
async function refuseIfRateLimited(kind: EmailRequestKind, email: string, values: Record<string, string>): Promise<ActionState | null> {
  const now = new Date();
  const ip = clientIp(await headers());
  if (await takeEmailRequestAllowance(kind, email, ip, now)) return null;
  return { status: "error", code: "RATE_LIMITED", message: rateLimitedMessage(now), values };
}

async function signInOrExplain(email: string, password: string, callbackUrl: string | undefined, values: Record<string, string>): Promise<ActionState> {
  try {
    // On success signIn throws NEXT_REDIRECT, which must propagate: only AuthError is ours to handle.
    await signIn("credentials", { email, password, redirectTo: safeCallbackUrl(callbackUrl) });
    return { status: "success" };
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    const code = "code" in error ? error.code : undefined;
    const message =
      code === "rate_limited"
        ? "Too many failed attempts. For your security, sign-in is paused for 15 minutes — or reset your password."
        : "That email and password do not match an account.";
    return { status: "error", code: code === "rate_limited" ? "RATE_LIMITED" : "UNAUTHORIZED", message, values };
  }
}

export async function signInAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  const parsed = ZSignInInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return validationState(parsed.error, values);
  return signInOrExplain(parsed.data.email, parsed.data.password, parsed.data.callbackUrl, values);
}

export async function registerAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  const parsed = ZRegisterInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return validationState(parsed.error, values);
  const limited = await refuseIfRateLimited("register", parsed.data.email, values);
  if (limited) return limited;
  try {
    const user = await createCustomer(parsed.data);
    await sendTokenEmail("verify-email", user, "/verify-email");
  } catch (error) {
    return errorState(error, values);
  }
  return signInOrExplain(parsed.data.email, parsed.data.password, parsed.data.callbackUrl, values);
}

export async function verifyEmailAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = ZVerifyEmailInput.safeParse(Object.fromEntries(formData));
  const email = parsed.success ? await consumeAccountToken("verify-email", parsed.data.token) : null;
  if (!email) return { status: "error", message: "This link has expired or was already used. Sign in to get a new one." };
  await markEmailVerified(email);
  return { status: "success", message: "Thank you — your email address is confirmed." };
}

export async function resendVerificationAction(): Promise<ActionState> {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  if (user.emailConfirmed) return { status: "success", message: "Your email address is already confirmed." };
  await sendTokenEmail("verify-email", user, "/verify-email");
  return { status: "success", message: `We sent a new link to ${user.email}.` };
}

export async function forgotPasswordAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  const parsed = ZForgotPasswordInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return validationState(parsed.error, values);
  const limited = await refuseIfRateLimited("forgot-password", parsed.data.email, values);
  if (limited) return limited;
  const user = await findUserByEmail(parsed.data.email);
  if (user && !user.disabledAt) await sendTokenEmail("reset-password", user, "/reset-password");
  // The same answer either way, so the form cannot be used to find out who has an account.
  return { status: "success", message: `If ${parsed.data.email} has an account, a reset link is on its way.`, values };
}

export async function resetPasswordAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = ZResetPasswordInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return validationState(parsed.error, {});
  const email = await consumeAccountToken("reset-password", parsed.data.token);
  if (!email) return { status: "error", message: "This reset link has expired or was already used. Ask for a new one." };
  await setPassword(email, parsed.data.password, { revokeApiKeys: parsed.data.revokeApiKeys });
  // Following the emailed link proves the address is theirs.
  await markEmailVerified(email);
  redirect("/sign-in?notice=password-reset");
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}

export async function signOutEverywhereAction(formData: FormData): Promise<void> {
  const user = await currentUser();
  if (user) await revokeAllSessions(user.id, { revokeApiKeys: formData.get("revokeApiKeys") === "on" });
  await signOut({ redirectTo: "/sign-in?notice=signed-out-everywhere" });
}

export async function requestSignInLinkAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  const parsed = ZSignInLinkRequest.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return validationState(parsed.error, values);
  const limited = await refuseIfRateLimited("sign-in-link", parsed.data.email, values);
  if (limited) return limited;
  const user = await findUserByEmail(parsed.data.email);
  if (user && !user.disabledAt) await sendTokenEmail("sign-in-link", user, "/sign-in-link");
  // The same answer either way: the form must not reveal who has an account.
  return { status: "success", message: `If ${parsed.data.email} has an account, a sign-in link is on its way.`, values };
}

export async function signInWithLinkAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = ZSignInLinkInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", message: "This sign-in link is not valid." };
  try {
    await signIn("sign-in-link", { token: parsed.data.token, redirectTo: "/appointments" });
    return { status: "success" };
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    return { status: "error", message: "This sign-in link has expired or was already used. Ask for a new one on the sign-in page." };
  }
}
