"use client";

import { ButtonActionForm } from "@/components/forms/button-action-form";
import { bookWaitlistOfferAction } from "@/lib/waitlist/actions";

/** "Book it": books the offered time with the customer's session; a lost race shows "just taken". */
export function BookOfferButton({ offerId }: { offerId: string }) {
  return (
    <ButtonActionForm action={bookWaitlistOfferAction} fields={{ offerId }} label="Book it" pendingLabel="Booking…" variant="primary" />
  );
}
