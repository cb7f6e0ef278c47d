"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/ui/text-field";
import { acceptInvitationAction } from "@/lib/team/actions";
import { ZAcceptInvitationInput } from "@/lib/team/schema";
import { NewPasswordField } from "../_components/new-password-field";

export function AcceptInvitationForm({ token }: { token: string }) {
  const actionForm = useActionForm(acceptInvitationAction, { schema: ZAcceptInvitationInput, defaults: { token } });
  const { form, pending, onSubmit, fieldError } = actionForm;
  return (
    <ActionForm form={actionForm} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <input type="hidden" {...form.register("token")} />
      <TextField label="Your name" autoComplete="name" error={fieldError("name")} {...form.register("name")} />
      <NewPasswordField error={fieldError("password")} {...form.register("password")} />
      <Button type="submit" pending={pending}>
        Join the team
      </Button>
    </ActionForm>
  );
}
