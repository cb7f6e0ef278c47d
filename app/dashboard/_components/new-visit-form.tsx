"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { TwoColumnActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/ui/text-field";
import { CustomerFields } from "./customer-fields";
import type { OfferedVisitStart } from "@/lib/visits/data";
import { createVisitAction } from "@/lib/visits/actions";
import { VisitStartChoices } from "./visit-start-choices";

type Props = {
  items: { serviceId: string; staffId: string }[];
  sameStylist: boolean;
  starts: OfferedVisitStart[];
  defaults: Record<string, string>;
};

/** The visit chosen above (services, stylists, a free start), booked for a customer found by email or created. */
export function NewVisitForm({ items, sameStylist, starts, defaults }: Props) {
  const actionForm = useActionForm(createVisitAction, { defaults });
  const { values, fieldError, fieldProps } = actionForm;
  return (
    <TwoColumnActionForm form={actionForm} submitLabel="Book visit" className="max-w-2xl">
      {items.map((item, i) => (
        <span key={i} hidden>
          <input type="hidden" name="serviceId" value={item.serviceId} />
          <input type="hidden" name="staffId" value={item.staffId} />
        </span>
      ))}
      {sameStylist && <input type="hidden" name="sameStylist" value="on" />}
      <div className="sm:col-span-2">
        <VisitStartChoices legend="Start" starts={starts} value={values.startsAt} error={fieldError("startsAt")} />
      </div>
      <CustomerFields values={values} fieldError={fieldError} fieldProps={fieldProps} />
      <TextField className="sm:col-span-2" label="Note (optional)" {...fieldProps("note")} />
    </TwoColumnActionForm>
  );
}
