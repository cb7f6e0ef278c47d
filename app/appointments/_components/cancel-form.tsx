"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import { MAX_NOTE_LENGTH } from "@/lib/booking/schema";
import { cancelAction } from "@/lib/customer-portal/actions";

export function CancelForm({ appointmentId, version }: { appointmentId: string; version: number }) {
  const [state, formAction, pending] = useActionState(cancelAction, idleState);
  return (
    <form action={formAction} className="flex max-w-xl flex-col gap-4">
      <FormMessage tone="error" message={state.status === "error" ? state.message : undefined} />
      <input type="hidden" name="appointmentId" value={appointmentId} />
      <input type="hidden" name="version" value={version} />
      <div className="flex flex-col gap-1">
        <label htmlFor="reason" className="text-sm font-medium text-stone-800">Reason (optional)</label>
        <textarea
          id="reason"
          name="reason"
          rows={3}
          maxLength={MAX_NOTE_LENGTH}
          defaultValue={state.values?.reason}
          aria-invalid={state.fieldErrors?.reason ? true : undefined}
          className="rounded-lg border border-stone-400 bg-white px-3 py-2 text-stone-900"
        />
        {state.fieldErrors?.reason && <p className="text-sm font-medium text-red-700">{state.fieldErrors.reason}</p>}
      </div>
      <Button type="submit" variant="danger" pending={pending} className="self-start">Cancel appointment</Button>
    </form>
  );
}
