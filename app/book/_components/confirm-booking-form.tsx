"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ActionForm } from "@/components/forms/action-form";
import { confirmBookingAction } from "@/lib/customer-portal/actions";
import type { TBookingSelection } from "@/lib/customer-portal/selection";

export function ConfirmBookingForm({ selection }: { selection: TBookingSelection }) {
  const actionForm = useActionForm(confirmBookingAction);
  const { pending } = actionForm;
  return (
    <ActionForm form={actionForm} className="flex flex-col gap-4">
      {(["service", "staff", "date", "start", "note"] as const).map((key) =>
        selection[key] ? <input key={key} type="hidden" name={key} value={selection[key]} /> : null,
      )}
      <Button type="submit" pending={pending} className="self-start px-6">
        {pending ? "Booking…" : "Confirm booking"}
      </Button>
    </ActionForm>
  );
}
