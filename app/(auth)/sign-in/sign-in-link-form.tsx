"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ActionMessage } from "@/components/forms/action-message";
import { TextField } from "@/components/ui/text-field";
import { requestSignInLinkAction } from "@/lib/auth/actions";
import { ZSignInLinkRequest } from "@/lib/auth/schema";

/** Passwordless sign-in: a one-time link through the same mail transport as every other email. */
export function SignInLinkForm() {
  const { form, state, pending, formAction, onSubmit, fieldError } = useActionForm(requestSignInLinkAction, { schema: ZSignInLinkRequest });
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <ActionMessage state={state} success />
      <TextField id="link-email" label="Email for the link" type="email" autoComplete="email" error={fieldError("email")} {...form.register("email")} />
      <Button type="submit" variant="secondary" pending={pending}>Email me a sign-in link</Button>
    </form>
  );
}
