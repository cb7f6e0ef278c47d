"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { CheckboxField } from "@/components/dashboard/checkbox-field";
import { CheckboxGroup } from "@/components/dashboard/checkbox-group";
import { TwoColumnActionForm } from "@/components/forms/action-form";
import { HiddenFields } from "@/components/forms/hidden-fields";
import { TextField } from "@/components/ui/text-field";
import { saveServiceAction } from "@/lib/dashboard/admin-actions";

const bufferFields = [
  ["bufferBeforeMinutes", "Buffer before (minutes)"],
  ["bufferAfterMinutes", "Buffer after (minutes)"],
] as const;

type Props = { id?: string; defaults: Record<string, string>; staff: Array<{ value: string; label: string }>; staffIds: string[] };

/** Create or edit a service; unticking "Active" deactivates it (services with appointments are never deleted). */
export function ServiceForm({ id, defaults, staff, staffIds }: Props) {
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
