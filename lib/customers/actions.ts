"use server";

import { signOut } from "@/auth";
import { defineAction } from "@/lib/actions/define-action";
import { addCustomerNote, deleteOwnCustomerAccount, setMarketingConsent, updateCustomerContact } from "./mutations";
import { ZAddCustomerNoteInput, ZDeleteAccountForm, ZMarketingConsentForm, ZUpdateCustomerContactInput } from "./schema";

/** The customer profile's forms (staff) and the customer's own account deletion. */

const profileHref = (customerId: string, notice: string) => ({ redirect: `/dashboard/customers/${customerId}?notice=${notice}` });

export const updateCustomerContactAction = defineAction({
  permission: "customer.editContact",
  schema: ZUpdateCustomerContactInput,
  input: ({ values }) => ({ customerId: values.customerId, name: values.name, email: values.email, phone: values.phone || null }),
  async run({ actor, input }) {
    const { emailChanged } = await updateCustomerContact(actor, input);
    return profileHref(input.customerId, emailChanged ? "email-changed" : "contact-saved");
  },
});

export const setMarketingConsentAction = defineAction({
  permission: "customer.editContact",
  schema: ZMarketingConsentForm,
  async run({ actor, input }) {
    await setMarketingConsent(actor, { customerId: input.customerId, consent: input.consent === "given", source: input.source });
    return profileHref(input.customerId, "consent-saved");
  },
});

export const addCustomerNoteAction = defineAction({
  permission: "customer.notes",
  schema: ZAddCustomerNoteInput,
  input: ({ values }) => ({ customerId: values.customerId, body: values.body }),
  async run({ user, actor, input }) {
    await addCustomerNote(actor, input, user.id);
    return profileHref(input.customerId, "note-added");
  },
});

export const deleteAccountAction = defineAction({
  permission: "account.ownData",
  schema: ZDeleteAccountForm,
  async run({ actor }) {
    await deleteOwnCustomerAccount(actor);
    await signOut({ redirect: false });
    return { redirect: "/?notice=account-deleted" };
  },
});
