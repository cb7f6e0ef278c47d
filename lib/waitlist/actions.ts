"use server";

import type { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { blankAsAbsent, formList } from "@/lib/actions/form-input";
import { findCustomerByEmail } from "@/lib/customers/data";
import { AppError } from "@/lib/errors";
import { afterAppointmentChange } from "@/lib/notifications/after-appointment-change";
import { ANY_STAFF } from "@/lib/customer-portal/selection";
import { bookFromOffer } from "./book-offer";
import { joinWaitlist, leaveWaitlist } from "./mutations";
import { ZJoinWaitlistForm, ZStaffAddWaitlistForm, ZWaitlistEntryIdForm, ZWaitlistOfferIdForm, type TJoinWaitlistInput } from "./schema";

/** The booking flow's form: the selection's services (a visit's further ones repeated as `also`), stylist, dates and parts of the day. */
const joinInput = ({ values, formData }: { values: Record<string, string>; formData: FormData }) => ({
  ...blankAsAbsent(values, "staffId"),
  // The dashboard's further-service selects post "" for none.
  also: formList(formData, "also").filter(Boolean),
  windows: formList(formData, "windows"),
});

/** The form's choice as an entry for `customerId`: one service or a visit in order, the stylist or anyone ("any"). */
function entryOf(input: z.output<typeof ZJoinWaitlistForm>, customerId: string, source: "WEB" | "DASHBOARD"): TJoinWaitlistInput {
  const { serviceId, also, staffId, from, to, windows } = input;
  return {
    customerId,
    serviceIds: [serviceId, ...also],
    staffId: staffId && staffId !== ANY_STAFF ? staffId : null,
    from,
    to,
    windows,
    source,
  };
}

export const joinWaitlistAction = defineAction({
  permission: "appointment.bookForSelf",
  schema: ZJoinWaitlistForm,
  input: joinInput,
  async run({ user, actor, input, values }) {
    await joinWaitlist(actor, entryOf(input, user.id, "WEB"));
    return { status: "success", message: "You are on the waitlist. We will email you as soon as a matching time opens.", values };
  },
});

export const leaveWaitlistAction = defineAction({
  permission: "appointment.bookForSelf",
  schema: ZWaitlistEntryIdForm,
  async run({ actor, input }) {
    await leaveWaitlist(actor, input.entryId);
    return { redirect: "/appointments?notice=left-waitlist" };
  },
});

/** Booking an offered time needs the session of the customer it was offered to; the link only shows it. */
export const bookWaitlistOfferAction = defineAction({
  permission: "appointment.bookForSelf",
  schema: ZWaitlistOfferIdForm,
  async run({ actor, input }) {
    const appointment = await bookFromOffer(actor, input.offerId);
    return { redirect: `/book/confirmed/${appointment.id}` };
  },
  after: afterAppointmentChange,
});

/** The front desk adds a customer who asked by phone. */
export const staffAddToWaitlistAction = defineAction({
  permission: "waitlist.manageAny",
  schema: ZStaffAddWaitlistForm,
  input: joinInput,
  async run({ actor, input, values }) {
    const customer = await findCustomerByEmail(input.customerEmail);
    if (!customer)
      throw new AppError("NOT_FOUND", "No customer has that email address.", [{ path: "customerEmail", message: "No such customer." }]);
    await joinWaitlist(actor, entryOf(input, customer.id, "DASHBOARD"));
    return { status: "success", message: `${customer.name} is on the waitlist.`, values };
  },
});

export const staffRemoveFromWaitlistAction = defineAction({
  permission: "waitlist.manageAny",
  schema: ZWaitlistEntryIdForm,
  async run({ actor, input }) {
    await leaveWaitlist(actor, input.entryId);
    return { status: "success", message: "Taken off the waitlist." };
  },
});
