"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { CheckboxField } from "@/components/dashboard/checkbox-field";
import { Button } from "@/components/ui/button";
import { ActionForm } from "@/components/forms/action-form";
import { resetPasswordAction } from "@/lib/auth/actions";
import { MIN_PASSWORD_LENGTH, ZResetPasswordInput } from "@/lib/auth/schema";
import { NewPasswordField } from "../_components/new-password-field";

export function ResetPasswordForm({ token }: { token: string }) {
  const actionForm = useActionForm(resetPasswordAction, { schema: ZResetPasswordInput, defaults: { token } });
  const { form, pending, onSubmit, fieldError } = actionForm;
  return (
    <ActionForm form={actionForm} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <input type="hidden" {...form.register("token")} />
      <NewPasswordField
        label="New password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. Every device signed in to your account will be signed out.`}
        error={fieldError("password")}
        {...form.register("password")}
      />
      {/* Not registered with the form library: the action reads it from the submitted form as "on". */}
      <CheckboxField
        name="revokeApiKeys"
        label="Also revoke all my API keys"
        hint="Scripts and partner sites using them stop working until you create new keys."
      />
      <Button type="submit" pending={pending}>
        Save new password
      </Button>
    </ActionForm>
  );
}
