"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ActionForm } from "@/components/forms/action-form";
import { signInWithLinkAction } from "@/lib/auth/actions";

/** A button, not a GET side effect: mail scanners that prefetch links must not spend the token. */
export function SignInLinkButton({ token }: { token: string }) {
  const actionForm = useActionForm(signInWithLinkAction);
  const { pending } = actionForm;
  return (
    <ActionForm form={actionForm} className="flex flex-col gap-4">
      <input type="hidden" name="token" value={token} />
      <Button type="submit" pending={pending}>Sign in</Button>
    </ActionForm>
  );
}
