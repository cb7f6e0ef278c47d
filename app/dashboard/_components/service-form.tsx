"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { CheckboxField } from "@/components/dashboard/checkbox-field";
import { CheckboxGroup } from "@/components/dashboard/checkbox-group";
import { TwoColumnActionForm } from "@/components/forms/action-form";
import { HiddenFields } from "@/components/forms/hidden-fields";
import { SelectField } from "@/components/dashboard/select-field";
import { TextField } from "@/components/ui/text-field";
import { saveServiceAction } from "@/lib/dashboard/admin-actions";

const bufferFields = [
  ["bufferBeforeMinutes", "Buffer before (minutes)"],
  ["bufferAfterMinutes", "Buffer after (minutes)"],
] as const;

const depositOptions = [
  { value: "none", label: "No deposit" },
  { value: "fixed", label: "A fixed deposit" },
  { value: "percent", label: "A percentage of the price" },
  { value: "card", label: "Card required (nothing charged now; a card saved for fees)" },
];

type Props = {
  id?: string;
  defaults: Record<string, string>;
  staff: Array<{ value: string; label: string }>;
  staffIds: string[];
  /** Why deposits cannot be switched on here (no payment provider), or null. */
  depositsUnavailable: string | null;
};

/** Create or edit a service; unticking "Active" deactivates it (services with appointments are never deleted). */
export function ServiceForm({ id, defaults, staff, staffIds, depositsUnavailable }: Props) {
  const actionForm = useActionForm(saveServiceAction, { defaults });
  const { values, fieldError, fieldProps } = actionForm;
  return (
    <TwoColumnActionForm form={actionForm} submitLabel="Save service">
      <HiddenFields fields={{ id }} />
      <TextField label="Name" {...fieldProps("name")} />
      <TextField label="Slug" {...fieldProps("slug")} hint="Lowercase letters, digits and hyphens, e.g. womens-cut." />
      <TextField label="Category" {...fieldProps("category")} />
      <TextField label="Price (GBP)" {...fieldProps("price")} inputMode="decimal" />
      <TextField label="Duration (minutes)" {...fieldProps("durationMinutes")} type="number" min={5} />
      {bufferFields.map(([name, label]) => (
        <TextField key={name} label={label} name={name} type="number" min={0} defaultValue={values[name] ?? "0"} error={fieldError(name)} />
      ))}
      <TextField className="sm:col-span-2" label="Description" {...fieldProps("description")} />
      <SelectField
        label="Deposit"
        name="depositRule"
        options={depositOptions}
        defaultValue={values.depositRule ?? "none"}
        error={fieldError("depositRule") ?? fieldError("depositCents") ?? fieldError("cardRequired")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Fixed deposit"
          {...fieldProps("depositAmount")}
          inputMode="decimal"
          hint="With a fixed deposit, e.g. 10 or 12.50."
        />
        <TextField label="Deposit (%)" {...fieldProps("depositPercent")} type="number" min={1} max={100} hint="With a percentage." />
      </div>
      {depositsUnavailable && (
        <p id="deposit-unavailable" className="text-sm text-amber-900 sm:col-span-2">
          Deposits are off: {depositsUnavailable}
        </p>
      )}
      <CheckboxGroup className="sm:col-span-2" legend="Stylists who perform it" name="staffIds" options={staff} checked={staffIds} />
      <CheckboxField label="Active (customers can book it)" name="active" defaultChecked={(values.active ?? "on") === "on"} />
      <CheckboxField
        label="Needs a patch test (e.g. hair colour)"
        name="requiresPatchTest"
        defaultChecked={values.requiresPatchTest === "on"}
        hint="Booking it needs a negative patch test on record, done within the window set in the salon settings."
      />
    </TwoColumnActionForm>
  );
}
