"use client";

import type { ReactNode } from "react";
import { CheckboxGroup } from "@/components/dashboard/checkbox-group";
import { ActionForm } from "@/components/forms/action-form";
import { HiddenFields } from "@/components/forms/hidden-fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { ActionState } from "@/lib/action-state";

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  /** Posted as they are: the selection's services and stylist (the dashboard's form asks for them). */
  fields: Record<string, string | readonly string[] | undefined>;
  defaults: { from: string; to: string };
  /** Extra fields before the dates (the dashboard's customer, service and stylist). */
  children?: ReactNode;
};

const WINDOWS = [
  { value: "morning", label: "Morning (before 12:00)" },
  { value: "afternoon", label: "Afternoon (12:00–17:00)" },
  { value: "evening", label: "Evening (after 17:00)" },
];

/** Dates (up to 30 days) and parts of the day for a waitlist entry; no part ticked means any time. */
export function JoinWaitlistForm({ action, fields, defaults, children }: Props) {
  const actionForm = useActionForm(action, { defaults });
  const { form, pending, fieldError } = actionForm;
  return (
    <ActionForm form={actionForm} className="flex flex-col gap-4" success>
      <HiddenFields fields={fields} />
      {children}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="From" type="date" error={fieldError("from")} {...form.register("from")} />
        <TextField label="To (at most 30 days later)" type="date" error={fieldError("to")} {...form.register("to")} />
      </div>
      <CheckboxGroup legend="Times of day that suit you (none ticked: any time)" name="windows" options={WINDOWS} checked={[]} />
      <Button type="submit" variant="secondary" pending={pending} className="self-start">
        Join the waitlist
      </Button>
    </ActionForm>
  );
}
