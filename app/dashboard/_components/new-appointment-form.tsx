"use client";

import { useFormAction } from "@/components/hooks/use-form-action";
import { CheckboxField } from "@/components/dashboard/checkbox-field";
import { SelectField } from "@/components/dashboard/select-field";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import { createAppointmentAction } from "@/lib/dashboard/actions";
import { OccurrenceField } from "./occurrence-field";

type Option = { value: string; label: string };
type Props = { services: Option[]; staff: Option[]; defaults: Record<string, string> };

/** Walk-in or phone booking: the customer is found by email or created, then booked through the core. */
export function NewAppointmentForm({ services, staff, defaults }: Props) {
  const { state, action, pending, values, error } = useFormAction(createAppointmentAction, defaults);
  return (
    <form action={action} className="grid max-w-2xl gap-4 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <FormMessage tone="error" message={state.status === "error" ? state.message : undefined} />
      </div>
      <fieldset className="grid gap-4 sm:col-span-2 sm:grid-cols-3">
        <legend className="mb-2 text-base font-semibold text-stone-900">Customer</legend>
        <TextField label="Name" name="customerName" autoComplete="off" defaultValue={values.customerName} error={error("customerName")} />
        <TextField
          label="Email"
          name="customerEmail"
          type="email"
          autoComplete="off"
          defaultValue={values.customerEmail}
          error={error("customerEmail") ?? error("email")}
          hint="An existing customer is matched by email; a new email creates their account."
        />
        <TextField label="Phone (optional)" name="customerPhone" type="tel" defaultValue={values.customerPhone} error={error("customerPhone")} />
      </fieldset>
      <SelectField key={`service-${values.serviceId}`} label="Service" name="serviceId" options={services} defaultValue={values.serviceId} error={error("serviceId")} />
      <SelectField key={`staff-${values.staffId}`} label="Stylist" name="staffId" options={staff} defaultValue={values.staffId} error={error("staffId")} />
      <TextField label="Date" name="date" type="date" defaultValue={values.date} error={error("date")} />
      <TextField label="Time" name="time" type="time" step={300} defaultValue={values.time} error={error("time") ?? error("startsAt")} />
      <OccurrenceField value={values.occurrence} error={error("occurrence")} />
      <div className="sm:col-span-2">
        <TextField label="Note (optional)" name="note" defaultValue={values.note} error={error("note")} />
      </div>
      <div className="sm:col-span-2">
        <CheckboxField
          label="Book outside the normal availability"
          name="overrideAvailability"
          defaultChecked={values.overrideAvailability === "on"}
          hint="Confirm to book outside working hours, time off or notice. Double bookings are still refused."
        />
      </div>
      <div className="sm:col-span-2">
        <Button type="submit" pending={pending}>Book appointment</Button>
      </div>
    </form>
  );
}
