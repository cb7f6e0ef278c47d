"use client";

import { SelectField } from "@/components/dashboard/select-field";
import { TwoColumnActionForm } from "@/components/forms/action-form";
import { HiddenFields } from "@/components/forms/hidden-fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { TextField } from "@/components/ui/text-field";
import { addCustomerNoteAction, setMarketingConsentAction, updateCustomerContactAction } from "@/lib/customers/actions";
import { CONSENT_SOURCES } from "@/lib/customers/schema";
import { recordPatchTestAction } from "@/lib/patch-tests/actions";
import { PATCH_TEST_RESULT_LABELS } from "@/lib/patch-tests/schema";
import { NoteForm } from "./note-form";

/** The customer profile's staff forms; each posts to its server action and shows its outcome on top. */

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

export function CustomerContactForm({ customer }: { customer: { id: string; name: string; email: string; phone: string | null } }) {
  const actionForm = useActionForm(updateCustomerContactAction, {
    defaults: { name: customer.name, email: customer.email, phone: customer.phone ?? "" },
  });
  const { fieldProps } = actionForm;
  return (
    <TwoColumnActionForm form={actionForm} submitLabel="Save contact details" className="max-w-2xl">
      <HiddenFields fields={{ customerId: customer.id }} />
      <TextField label="Name" {...fieldProps("name")} id="contact-name" autoComplete="off" />
      <TextField
        label="Email"
        {...fieldProps("email")}
        id="contact-email"
        type="email"
        hint="A new address must be confirmed by the customer."
      />
      <TextField label="Phone (optional)" {...fieldProps("phone")} id="contact-phone" type="tel" />
    </TwoColumnActionForm>
  );
}

export function MarketingConsentForm({ customerId, given }: { customerId: string; given: boolean }) {
  const actionForm = useActionForm(setMarketingConsentAction, {
    defaults: { consent: given ? "withdrawn" : "given", source: "IN_PERSON" },
  });
  const { fieldProps } = actionForm;
  return (
    <TwoColumnActionForm form={actionForm} submitLabel="Record consent" className="max-w-2xl">
      <HiddenFields fields={{ customerId }} />
      <SelectField
        label="Marketing email"
        {...fieldProps("consent")}
        id="consent-choice"
        options={[
          { value: "given", label: "Consent given" },
          { value: "withdrawn", label: "Consent withdrawn" },
        ]}
      />
      <SelectField label="How" {...fieldProps("source")} id="consent-source" options={options(CONSENT_SOURCES)} />
    </TwoColumnActionForm>
  );
}

export function CustomerNoteForm({ customerId }: { customerId: string }) {
  return <NoteForm action={addCustomerNoteAction} subject={{ customerId }} label="New note about the customer (never shown to them)" />;
}

export function PatchTestForm({ customerId, today }: { customerId: string; today: string }) {
  const actionForm = useActionForm(recordPatchTestAction, { defaults: { date: today, result: "NEGATIVE" } });
  const { fieldProps } = actionForm;
  return (
    <TwoColumnActionForm form={actionForm} submitLabel="Record patch test" className="max-w-2xl">
      <HiddenFields fields={{ customerId }} />
      <TextField label="Date tested" {...fieldProps("date")} id="patch-date" type="date" />
      <TextField label="Time tested" {...fieldProps("time")} id="patch-time" type="time" />
      <TextField label="Product" {...fieldProps("product")} id="patch-product" />
      <SelectField label="Result" {...fieldProps("result")} id="patch-result" options={options(PATCH_TEST_RESULT_LABELS)} />
    </TwoColumnActionForm>
  );
}
