"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ActionMessage } from "@/components/forms/action-message";
import { confirmBookingAction } from "@/lib/customer-portal/actions";
import type { TBookingSelection } from "@/lib/customer-portal/selection";

export function ConfirmBookingForm({ selection }: { selection: TBookingSelection }) {
  const { state, formAction, pending } = useActionForm(confirmBookingAction);
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <ActionMessage state={state} />
      {(["service", "staff", "date", "start", "note"] as const).map((key) =>
        selection[key] ? <input key={key} type="hidden" name={key} value={selection[key]} /> : null,
      )}
      <Button type="submit" pending={pending} className="self-start px-6">
        {pending ? "Booking…" : "Confirm booking"}
      </Button>
    </form>
  );
}
