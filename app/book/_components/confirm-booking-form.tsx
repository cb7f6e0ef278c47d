"use client";

import { ButtonActionForm } from "@/components/forms/button-action-form";
import { confirmBookingAction } from "@/lib/customer-portal/actions";
import type { TBookingSelection } from "@/lib/customer-portal/selection";

export function ConfirmBookingForm({ selection }: { selection: TBookingSelection }) {
  const { service, staff, date, start, note } = selection;
  return (
    <ButtonActionForm
      action={confirmBookingAction}
      fields={{ service, staff, date, start, note }}
      label="Confirm booking"
      pendingLabel="Booking…"
      buttonClassName="self-start px-6"
    />
  );
}
