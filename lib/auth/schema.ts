import { z } from "zod";

/**
 * Account forms, shared by the react-hook-form resolvers in the browser and the server actions, so the
 * same rules (and messages) hold on both sides. Isomorphic: no server imports.
 */

export const MIN_PASSWORD_LENGTH = 10;

const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254)
  .pipe(z.email("Enter a valid email address, like name@example.com."));

const ZNewPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(200, "Use at most 200 characters.");

export const ZRegisterInput = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(100, "Use at most 100 characters."),
  email: ZEmail,
  password: ZNewPassword,
  callbackUrl: z.string().max(2000).optional(),
});

export const ZSignInInput = z.object({
  email: ZEmail,
  password: z.string().min(1, "Enter your password.").max(200),
  callbackUrl: z.string().max(2000).optional(),
});

/** Asking for a reset link or a sign-in link: just the address. */
export const ZEmailLinkRequest = z.object({ email: ZEmail });

/** An unticked checkbox is absent from the form; a ticked one is "on". */
const ZCheckbox = z
  .literal("on")
  .optional()
  .transform((value) => value === "on");

export const ZResetPasswordInput = z.object({
  token: z.string().min(20).max(200),
  password: ZNewPassword,
  revokeApiKeys: ZCheckbox,
});

/** The password is asked for when one was set before the address was confirmed (see verifyEmailAction). */
export const ZVerifyEmailInput = z.object({
  token: z.string().min(20).max(200),
  password: z.string().max(200).optional(),
  callbackUrl: z.string().max(2000).optional(),
});

/** A one-time sign-in link (magic link) and its use. */
export const ZSignInLinkInput = z.object({ token: z.string().min(20).max(200) });

export type TRegisterInput = z.infer<typeof ZRegisterInput>;
export type TSignInInput = z.infer<typeof ZSignInInput>;
export type TEmailLinkRequest = z.infer<typeof ZEmailLinkRequest>;
export type TResetPasswordInput = z.infer<typeof ZResetPasswordInput>;

/** Only same-site paths may be a post-sign-in destination: an absolute URL would be an open redirect. */
export function safeCallbackUrl(value: string | null | undefined, fallback = "/appointments"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
