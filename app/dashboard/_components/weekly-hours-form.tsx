"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ActionMessage } from "@/components/forms/action-message";
import { saveWeeklyHoursAction } from "@/lib/dashboard/admin-actions";
import { WeeklyHoursFields } from "./weekly-hours-fields";

/** A stylist's own week: the hours only (profile and services stay with the admin). */
export function WeeklyHoursForm({ staffId, defaults }: { staffId: string; defaults: Record<string, string> }) {
  const { state, formAction, pending, values, fieldError } = useActionForm(saveWeeklyHoursAction, { defaults: defaults });
  return (
    <form action={formAction} className="grid max-w-3xl gap-4 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <ActionMessage state={state} />
      </div>
      <input type="hidden" name="staffId" value={staffId} />
      <WeeklyHoursFields values={values} error={fieldError} />
      <div className="sm:col-span-2">
        <Button type="submit" pending={pending}>Save hours</Button>
      </div>
    </form>
  );
}
