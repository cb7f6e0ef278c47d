"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { TextAreaField } from "@/components/ui/text-area-field";
import { idleState } from "@/lib/action-state";
import { MAX_NOTE_LENGTH } from "@/lib/booking/schema";
import { changeNoteAction } from "@/lib/customer-portal/actions";

export function NoteForm({ appointmentId, version, note }: { appointmentId: string; version: number; note: string | null }) {
  const [state, formAction, pending] = useActionState(changeNoteAction, idleState);
  return (
    <form action={formAction} className="flex max-w-xl flex-col gap-4">
      <FormMessage tone="error" message={state.status === "error" ? state.message : undefined} />
      <input type="hidden" name="appointmentId" value={appointmentId} />
      <input type="hidden" name="version" value={version} />
      <TextAreaField
        label="Note for your stylist"
        name="note"
        id="note"
        rows={3}
        maxLength={MAX_NOTE_LENGTH}
        defaultValue={state.values?.note ?? note ?? ""}
        hint="Allergies, access needs, what you have in mind… Leave it empty to remove the note."
        error={state.fieldErrors?.note}
      />
      <Button type="submit" variant="secondary" pending={pending} className="self-start">Save note</Button>
    </form>
  );
}
