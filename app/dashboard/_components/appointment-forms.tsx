"use client";

import type { ReactNode } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { CheckboxField } from "@/components/dashboard/checkbox-field";
import { SelectField } from "@/components/dashboard/select-field";
import { Button } from "@/components/ui/button";
import { ActionForm } from "@/components/forms/action-form";
import { ActionMessage } from "@/components/forms/action-message";
import { TextField } from "@/components/ui/text-field";
import type { ActionState } from "@/lib/action-state";
import { NoteForm } from "./note-form";
import { OccurrenceField } from "./occurrence-field";
import { PatchTestOverrideField } from "./patch-test-override-field";
import { StartTimeField } from "./start-time-field";
import { addStaffNoteAction, dashboardCancelAction, dashboardRescheduleAction, transitionAction } from "@/lib/dashboard/actions";

type Target = { appointmentId: string; version: number };

function Hidden({ appointmentId, version }: Target) {
  return (
    <>
      <input type="hidden" name="appointmentId" value={appointmentId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}

type HeadedFormProps = {
  headingId: string;
  heading: string;
  form: { state: ActionState; formAction: (formData: FormData) => void };
  target: Target;
  children: ReactNode;
};

/** A titled form acting on one appointment: the heading names the form, its error shows under it. */
function HeadedForm({ headingId, heading, form, target, children }: HeadedFormProps) {
  return (
    <form action={form.formAction} aria-labelledby={headingId} className="flex flex-col gap-3">
      <h3 id={headingId} className="font-semibold text-stone-900">
        {heading}
      </h3>
      <ActionMessage state={form.state} />
      <Hidden {...target} />
      {children}
    </form>
  );
}

type RescheduleProps = Target & {
  staff: Array<{ value: string; label: string }>;
  defaults: { staffId: string; date: string; time: string };
};

export function RescheduleForm({ staff, defaults, ...target }: RescheduleProps) {
  const actionForm = useActionForm(dashboardRescheduleAction, { defaults });
  const { pending, values, fieldError, fieldProps, state } = actionForm;
  return (
    <HeadedForm headingId="reschedule-heading" heading="Reschedule" form={actionForm} target={target}>
      <SelectField key={`staff-${values.staffId}`} label="Stylist" {...fieldProps("staffId")} id="reschedule-staff" options={staff} />
      <div className="grid grid-cols-2 gap-3">
        <TextField label="New date" {...fieldProps("date")} id="reschedule-date" type="date" />
        <StartTimeField label="New time" id="reschedule-time" value={values.time} fieldError={fieldError} />
        <OccurrenceField id="reschedule-occurrence" value={values.occurrence} error={fieldError("occurrence")} />
      </div>
      <CheckboxField
        label="Allow outside the normal availability"
        name="overrideAvailability"
        id="reschedule-override"
        defaultChecked={values.overrideAvailability === "on"}
      />
      <PatchTestOverrideField
        verb="Move"
        state={state}
        id="reschedule-patch-test-override"
        value={values.patchTestOverrideReason}
        error={fieldError("patchTestOverrideReason")}
      />
      <Button type="submit" variant="secondary" pending={pending}>
        Reschedule
      </Button>
    </HeadedForm>
  );
}

export function CancelForm(target: Target) {
  const actionForm = useActionForm(dashboardCancelAction);
  const { pending, fieldProps } = actionForm;
  return (
    <HeadedForm headingId="cancel-heading" heading="Cancel" form={actionForm} target={target}>
      <TextField label="Reason (sent to the customer)" {...fieldProps("reason")} id="cancel-reason" required />
      <Button type="submit" variant="danger" pending={pending}>
        Cancel appointment
      </Button>
    </HeadedForm>
  );
}

export function TransitionForm({ started, ...target }: Target & { started: boolean }) {
  const actionForm = useActionForm(transitionAction);
  const { pending } = actionForm;
  return (
    <ActionForm form={actionForm} className="flex flex-col gap-3">
      <Hidden {...target} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="transition" value="complete" pending={pending}>
          Mark completed
        </Button>
        <Button type="submit" name="transition" value="no_show" variant="secondary" pending={pending} disabled={!started}>
          Mark no-show
        </Button>
      </div>
      {!started && <p className="text-sm text-stone-700">A no-show can be marked once the appointment has started.</p>}
    </ActionForm>
  );
}

export function StaffNoteForm({ appointmentId }: { appointmentId: string }) {
  return <NoteForm action={addStaffNoteAction} subject={{ appointmentId }} label="New staff note (never shown to the customer)" />;
}
