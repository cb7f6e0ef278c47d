"use client";

import { ButtonActionForm } from "@/components/forms/button-action-form";
import { signInWithLinkAction } from "@/lib/auth/actions";

/** A button, not a GET side effect: mail scanners that prefetch links must not spend the token. */
export function SignInLinkButton({ token }: { token: string }) {
  return <ButtonActionForm action={signInWithLinkAction} fields={{ token }} label="Sign in" />;
}
