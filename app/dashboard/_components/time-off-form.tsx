"use client";

import { RowButtonForm } from "@/components/forms/row-button-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitRow } from "@/components/forms/submit-row";
import { TextField } from "@/components/ui/text-field";
import { addTimeOffAction, removeTimeOffAction } from "@/lib/dashboard/admin-actions";

/** Whole days off, first and last day included, in the salon's timezone. */
export function TimeOffForm({ staffId }: { staffId: string }) {
  const actionForm = useActionForm(addTimeOffAction);
  const { pending, values, fieldProps } = actionForm;
  return (
    <ActionForm form={actionForm} className="grid max-w-3xl gap-3 sm:grid-cols-3" messageClassName="sm:col-span-3">
      <input type="hidden" name="staffId" value={staffId} />
      <TextField label="First day off" {...fieldProps("fromDate")} type="date" />
      <TextField label="Last day off" {...fieldProps("toDate")} type="date" />
      <TextField label="Reason (optional)" name="reason" defaultValue={values.reason} />
      <SubmitRow className="sm:col-span-3" variant="secondary" pending={pending}>
        Add time off
      </SubmitRow>
    </ActionForm>
  );
}

export function RemoveTimeOffForm({ staffId, timeOffId, label }: { staffId: string; timeOffId: string; label: string }) {
  return (
    <RowButtonForm
      action={removeTimeOffAction}
      variant="ghost"
      label="Remove"
      rowName={`time off ${label}`}
      fields={{ staffId, timeOffId }}
      inline
    />
  );
}
