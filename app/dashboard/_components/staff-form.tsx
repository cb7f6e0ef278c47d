"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { CheckboxField } from "@/components/dashboard/checkbox-field";
import { CheckboxGroup } from "@/components/dashboard/checkbox-group";
import { SelectField } from "@/components/dashboard/select-field";
import { TwoColumnActionForm } from "@/components/forms/action-form";
import { HiddenFields } from "@/components/forms/hidden-fields";
import { TextField } from "@/components/ui/text-field";
import { STAFF_ROLES } from "@/lib/auth/actor";
import { saveStaffAction } from "@/lib/dashboard/admin-actions";
import { roleLabels } from "@/lib/dashboard/labels";
import { WeeklyHoursFields } from "./weekly-hours-fields";

type Props = {
  /** The stylist being edited; absent for a new stylist, whose sign-in details the form then asks for. */
  id?: string;
  defaults: Record<string, string>;
  /** Every active service, and the ones this stylist performs (ticked). */
  services: Array<{ value: string; label: string }>;
  serviceIds: string[];
};

/** New stylist (account + profile) or an existing one's profile, services and weekly hours. */
export function StaffForm({ id, defaults, services, serviceIds }: Props) {
  const actionForm = useActionForm(saveStaffAction, { defaults });
  const { values, fieldError, fieldProps } = actionForm;
  return (
    <TwoColumnActionForm form={actionForm} submitLabel="Save stylist">
      <TextField label="Display name" {...fieldProps("displayName")} />
      <TextField label="Calendar colour" name="color" type="color" defaultValue={values.color ?? "#7c3aed"} error={fieldError("color")} />
      {!id && (
        <>
          <TextField label="Sign-in email" {...fieldProps("email")} type="email" autoComplete="off" />
          <TextField
            label="Initial password"
            name="password"
            type="password"
            autoComplete="new-password"
            error={fieldError("password")}
            hint="At least 10 characters; they can change it with “forgot password”."
          />
          <SelectField
            key={`role-${values.role}`}
            label="Role"
            name="role"
            defaultValue={values.role ?? "STYLIST"}
            options={STAFF_ROLES.map((role) => ({ value: role, label: roleLabels[role] }))}
          />
        </>
      )}
      <TextField className="sm:col-span-2" label="Bio" {...fieldProps("bio")} />
      <CheckboxGroup className="sm:col-span-2" legend="Services performed" name="serviceIds" options={services} checked={serviceIds} />
      <WeeklyHoursFields values={values} error={fieldError} />
      <CheckboxField label="Active (bookable)" name="active" defaultChecked={(values.active ?? "on") === "on"} />
      <HiddenFields fields={{ id }} />
    </TwoColumnActionForm>
  );
}
