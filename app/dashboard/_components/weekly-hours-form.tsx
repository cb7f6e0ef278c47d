"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { TwoColumnActionForm } from "@/components/forms/action-form";
import { saveWeeklyHoursAction } from "@/lib/dashboard/admin-actions";
import { WeeklyHoursFields } from "./weekly-hours-fields";

/** A stylist's own week: the hours only (profile and services stay with the admin). */
export function WeeklyHoursForm({ staffId, defaults }: { staffId: string; defaults: Record<string, string> }) {
  const actionForm = useActionForm(saveWeeklyHoursAction, { defaults });
  const { values, fieldError } = actionForm;
  return (
    <TwoColumnActionForm form={actionForm} submitLabel="Save hours">
      <input type="hidden" name="staffId" value={staffId} />
      <WeeklyHoursFields values={values} error={fieldError} />
    </TwoColumnActionForm>
  );
}
