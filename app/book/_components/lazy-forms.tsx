"use client";

import { lazy, type ComponentProps } from "react";
import type { TBookingSelection } from "@/lib/customer-portal/selection";

// Every step of /book is the same page, so a static import would put each step's form code in every
// step's first-load JavaScript. These load only when their step renders; the server still renders them
// into the HTML. There is deliberately no Suspense boundary here: on a step change the router's
// transition waits for the code, so the step appears whole (no empty gap, and focus lands on a complete
// step) instead of showing a blank fallback first.
const Form = lazy(() => import("next/form"));
const ConfirmBookingForm = lazy(() => import("./confirm-booking-form").then((module) => ({ default: module.ConfirmBookingForm })));
const ConfirmVisitForm = lazy(() => import("./confirm-visit-form").then((module) => ({ default: module.ConfirmVisitForm })));

export function LazyGetForm(props: ComponentProps<typeof Form>) {
  return <Form {...props} />;
}

export function LazyConfirmBookingForm({ selection }: { selection: TBookingSelection }) {
  return selection.also?.length ? <ConfirmVisitForm selection={selection} /> : <ConfirmBookingForm selection={selection} />;
}
