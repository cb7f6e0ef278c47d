"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ActionMessage } from "@/components/forms/action-message";
import { signInWithLinkAction } from "@/lib/auth/actions";

/** A button, not a GET side effect: mail scanners that prefetch links must not spend the token. */
export function SignInLinkButton({ token }: { token: string }) {
  const { state, formAction, pending } = useActionForm(signInWithLinkAction);
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <ActionMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <Button type="submit" pending={pending}>Sign in</Button>
    </form>
  );
}
