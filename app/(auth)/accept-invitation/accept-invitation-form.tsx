"use client";

import { TextField } from "@/components/ui/text-field";
import { acceptInvitationAction } from "@/lib/team/actions";
import { ZAcceptInvitationInput } from "@/lib/team/schema";
import { NewPasswordField } from "../_components/new-password-field";
import { TokenForm } from "../_components/token-form";

export function AcceptInvitationForm({ token }: { token: string }) {
  return (
    <TokenForm action={acceptInvitationAction} schema={ZAcceptInvitationInput} token={token} submitLabel="Join the team">
      {({ form, fieldError }) => (
        <>
          <TextField label="Your name" autoComplete="name" error={fieldError("name")} {...form.register("name")} />
          <NewPasswordField error={fieldError("password")} {...form.register("password")} />
        </>
      )}
    </TokenForm>
  );
}
