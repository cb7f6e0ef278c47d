"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { TextAreaField } from "@/components/ui/text-area-field";
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
      <TextAreaField
        label="Reason (optional)"
        name="reason"
        id="reason"
        rows={3}
        maxLength={MAX_NOTE_LENGTH}
        defaultValue={state.values?.reason}
        error={state.fieldErrors?.reason}
      />
      <Button type="submit" variant="danger" pending={pending} className="self-start">Cancel appointment</Button>
    </form>
  );
}
