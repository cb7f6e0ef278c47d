"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/ui/text-field";
import { addTimeOffAction, removeTimeOffAction } from "@/lib/dashboard/admin-actions";

/** Whole days off, first and last day included, in the salon's timezone. */
export function TimeOffForm({ staffId }: { staffId: string }) {
  const actionForm = useActionForm(addTimeOffAction);
  const { pending, values, fieldError } = actionForm;
  return (
    <ActionForm form={actionForm} className="grid max-w-3xl gap-3 sm:grid-cols-3" messageClassName="sm:col-span-3">
      <input type="hidden" name="staffId" value={staffId} />
      <TextField label="First day off" name="fromDate" type="date" defaultValue={values.fromDate} error={fieldError("fromDate")} />
      <TextField label="Last day off" name="toDate" type="date" defaultValue={values.toDate} error={fieldError("toDate")} />
      <TextField label="Reason (optional)" name="reason" defaultValue={values.reason} />
      <div className="sm:col-span-3">
        <Button type="submit" variant="secondary" pending={pending}>
          Add time off
        </Button>
      </div>
    </ActionForm>
  );
}

export function RemoveTimeOffForm({ staffId, timeOffId, label }: { staffId: string; timeOffId: string; label: string }) {
  const { state, formAction, pending } = useActionForm(removeTimeOffAction);
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="staffId" value={staffId} />
      <input type="hidden" name="timeOffId" value={timeOffId} />
      <Button type="submit" variant="ghost" pending={pending}>
        Remove<span className="sr-only"> time off {label}</span>
      </Button>
      {state.status === "error" && (
        <span role="alert" className="text-sm text-red-700">
          {state.message}
        </span>
      )}
    </form>
  );
}
