"use client";

import { CheckboxField } from "@/components/dashboard/checkbox-field";
import { resetPasswordAction } from "@/lib/auth/actions";
import { MIN_PASSWORD_LENGTH, ZResetPasswordInput } from "@/lib/auth/schema";
import { NewPasswordField } from "../_components/new-password-field";
import { TokenForm } from "../_components/token-form";

export function ResetPasswordForm({ token }: { token: string }) {
  return (
    <TokenForm action={resetPasswordAction} schema={ZResetPasswordInput} token={token} submitLabel="Save new password">
      {({ form, fieldError }) => (
        <>
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
        </>
      )}
    </TokenForm>
  );
}
