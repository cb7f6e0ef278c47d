"use client";

import { ButtonActionForm } from "@/components/forms/button-action-form";
import { selectedServiceIds, type TBookingSelection } from "@/lib/customer-portal/selection";
import { confirmVisitAction } from "@/lib/customer-portal/visit-actions";

export function ConfirmVisitForm({ selection }: { selection: TBookingSelection }) {
  const { staff, date, start, note } = selection;
  return (
    <ButtonActionForm
      action={confirmVisitAction}
      fields={{ services: selectedServiceIds(selection).join(","), staff, date, start, note }}
      label="Confirm booking"
      pendingLabel="Booking…"
      buttonClassName="self-start px-6"
    />
  );
}
