"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { CheckboxField } from "@/components/dashboard/checkbox-field";
import { SelectField } from "@/components/dashboard/select-field";
import { TwoColumnActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/ui/text-field";
import { CustomerFields } from "./customer-fields";
import { createAppointmentAction } from "@/lib/dashboard/actions";
import { OccurrenceField } from "./occurrence-field";
import { PatchTestOverrideField } from "./patch-test-override-field";
import { StartTimeField } from "./start-time-field";

type Option = { value: string; label: string };
type Props = { services: Option[]; staff: Option[]; defaults: Record<string, string> };

/** Walk-in or phone booking: the customer is found by email or created, then booked through the core. */
export function NewAppointmentForm({ services, staff, defaults }: Props) {
  const actionForm = useActionForm(createAppointmentAction, { defaults });
  const { values, fieldError, fieldProps, state } = actionForm;
  const pickers = [
    ["serviceId", "Service", services],
    ["staffId", "Stylist", staff],
  ] as const;
  return (
    <TwoColumnActionForm form={actionForm} submitLabel="Book appointment" className="max-w-2xl">
      <CustomerFields values={values} fieldError={fieldError} fieldProps={fieldProps} />
      {pickers.map(([name, label, options]) => (
        <SelectField key={`${name}-${values[name]}`} label={label} {...fieldProps(name)} options={options} />
      ))}
      <TextField label="Date" {...fieldProps("date")} type="date" />
      <StartTimeField label="Time" value={values.time} fieldError={fieldError} />
      <OccurrenceField value={values.occurrence} error={fieldError("occurrence")} />
      <TextField className="sm:col-span-2" label="Note (optional)" {...fieldProps("note")} />
      <CheckboxField
        className="sm:col-span-2"
        label="Book outside the normal availability"
        name="overrideAvailability"
        defaultChecked={values.overrideAvailability === "on"}
        hint="Confirm to book outside working hours, time off or notice. Double bookings are still refused."
      />
      <PatchTestOverrideField
        verb="Book"
        state={state}
        value={values.patchTestOverrideReason}
        error={fieldError("patchTestOverrideReason")}
        className="sm:col-span-2"
      />
    </TwoColumnActionForm>
  );
}
