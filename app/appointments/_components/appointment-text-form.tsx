"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ActionForm } from "@/components/forms/action-form";
import { TextAreaField } from "@/components/ui/text-area-field";
import type { ActionState } from "@/lib/action-state";
import { MAX_NOTE_LENGTH } from "@/lib/booking/schema";

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  appointmentId: string;
  /** The version the customer saw: a change made meanwhile is refused instead of overwritten. */
  version: number;
  field: { name: string; label: string; hint?: string; defaultValue?: string };
  submit: { label: string; variant: "secondary" | "danger" };
};

/** A customer's change to one appointment that takes a line of text: a cancellation reason, a note. */
export function AppointmentTextForm({ action, appointmentId, version, field, submit }: Props) {
  const actionForm = useActionForm(action);
  const { pending, values, fieldError } = actionForm;
  return (
    <ActionForm form={actionForm} className="flex max-w-xl flex-col gap-4">
      <input type="hidden" name="appointmentId" value={appointmentId} />
      <input type="hidden" name="version" value={version} />
      <TextAreaField
        label={field.label}
        name={field.name}
        id={field.name}
        rows={3}
        maxLength={MAX_NOTE_LENGTH}
        defaultValue={values[field.name] ?? field.defaultValue}
        hint={field.hint}
        error={fieldError(field.name)}
      />
      <Button type="submit" variant={submit.variant} pending={pending} className="self-start">
        {submit.label}
      </Button>
    </ActionForm>
  );
}
