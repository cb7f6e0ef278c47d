"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ActionMessage } from "@/components/forms/action-message";
import { TextField } from "@/components/ui/text-field";
import { forgotPasswordAction } from "@/lib/auth/actions";
import { ZForgotPasswordInput } from "@/lib/auth/schema";

export function ForgotPasswordForm() {
  const { form, state, pending, formAction, onSubmit, fieldError } = useActionForm(forgotPasswordAction, { schema: ZForgotPasswordInput });
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <ActionMessage state={state} success />
      <TextField label="Email" type="email" autoComplete="email" error={fieldError("email")} {...form.register("email")} />
      <Button type="submit" pending={pending}>Email me a reset link</Button>
    </form>
  );
}
