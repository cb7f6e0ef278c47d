"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ActionForm } from "@/components/forms/action-form";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import { registerAction } from "@/lib/auth/actions";
import { ZRegisterInput } from "@/lib/auth/schema";
import { NewPasswordField } from "../_components/new-password-field";

export function RegisterForm({ callbackUrl }: { callbackUrl: string }) {
  const actionForm = useActionForm(registerAction, { schema: ZRegisterInput });
  const { state, form, pending, onSubmit, fieldError } = actionForm;
  if (state.status === "success") return <FormMessage tone="success" message={state.message} />;
  return (
    <ActionForm form={actionForm} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField label="Name" autoComplete="name" error={fieldError("name")} {...form.register("name")} />
      <TextField label="Email" type="email" autoComplete="email" error={fieldError("email")} {...form.register("email")} />
      <NewPasswordField error={fieldError("password")} {...form.register("password")} />
      <Button type="submit" pending={pending}>
        Create account
      </Button>
    </ActionForm>
  );
}
