"use client";

import { ActionForm } from "@/components/forms/action-form";
import { HiddenFields } from "@/components/forms/hidden-fields";
import { SubmitRow } from "@/components/forms/submit-row";
import { useActionForm } from "@/components/forms/use-action-form";
import { TextField } from "@/components/ui/text-field";
import type { ActionState } from "@/lib/action-state";

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  /** Posted as hidden inputs: what the note is about. */
  subject: Record<string, string>;
  label: string;
};

/** A staff note added to a record (an appointment, a customer): one text field posted as `body`. */
export function NoteForm({ action, subject, label }: Props) {
  const actionForm = useActionForm(action);
  return (
    <ActionForm form={actionForm} className="flex max-w-2xl flex-col gap-3">
      <HiddenFields fields={subject} />
      <TextField label={label} {...actionForm.fieldProps("body")} />
      <SubmitRow pending={actionForm.pending}>Add note</SubmitRow>
    </ActionForm>
  );
}
