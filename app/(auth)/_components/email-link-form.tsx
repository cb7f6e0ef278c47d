"use client";

import { ActionMessage } from "@/components/forms/action-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { ActionState } from "@/lib/action-state";
import { ZEmailLinkRequest } from "@/lib/auth/schema";

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  field: { label: string; id?: string };
  submit: { label: string; variant?: "primary" | "secondary" };
};

/** Asks for a one-time link by email (reset password, sign-in link); the answer is the same for any address. */
export function EmailLinkForm({ action, field, submit }: Props) {
  const { form, state, pending, formAction, onSubmit, fieldError } = useActionForm(action, { schema: ZEmailLinkRequest });
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <ActionMessage state={state} success />
      <TextField id={field.id} label={field.label} type="email" autoComplete="email" error={fieldError("email")} {...form.register("email")} />
      <Button type="submit" variant={submit.variant} pending={pending}>{submit.label}</Button>
    </form>
  );
}
