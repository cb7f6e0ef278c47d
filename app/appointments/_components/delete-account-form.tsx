"use client";

import { ActionForm } from "@/components/forms/action-form";
import { SubmitRow } from "@/components/forms/submit-row";
import { useActionForm } from "@/components/forms/use-action-form";
import { TextField } from "@/components/ui/text-field";
import { deleteAccountAction } from "@/lib/customers/actions";

/** Deleting one's account: typed confirmation, because it cannot be undone. */
export function DeleteAccountForm() {
  const actionForm = useActionForm(deleteAccountAction);
  const { pending, fieldProps } = actionForm;
  return (
    <ActionForm form={actionForm} className="mt-4 flex max-w-md flex-col gap-3">
      <TextField label='Type "DELETE" to delete your account' {...fieldProps("confirm")} id="delete-confirm" autoComplete="off" />
      <SubmitRow variant="secondary" pending={pending}>
        Delete my account
      </SubmitRow>
    </ActionForm>
  );
}
