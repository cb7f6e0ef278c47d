"use client";

import { ActionForm } from "@/components/forms/action-form";
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
  const actionForm = useActionForm(action, { schema: ZEmailLinkRequest });
  const { form, pending, onSubmit, fieldError } = actionForm;
  return (
    <ActionForm form={actionForm} onSubmit={onSubmit} noValidate className="flex flex-col gap-4" success>
      <TextField
        id={field.id}
        label={field.label}
        type="email"
        autoComplete="email"
        error={fieldError("email")}
        {...form.register("email")}
      />
      <Button type="submit" variant={submit.variant} pending={pending}>
        {submit.label}
      </Button>
    </ActionForm>
  );
}
