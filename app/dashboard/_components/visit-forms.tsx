"use client";

import type { ReactNode } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { ActionMessage } from "@/components/forms/action-message";
import { SelectField } from "@/components/dashboard/select-field";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { ActionState } from "@/lib/action-state";
import type { OfferedVisitStart } from "@/lib/visits/data";
import {
  cancelSegmentAction,
  dashboardCancelVisitAction,
  reassignSegmentAction,
  dashboardRescheduleVisitAction,
} from "@/lib/visits/actions";
import { VisitStartChoices } from "./visit-start-choices";

type Option = { value: string; label: string };
type VisitTarget = { visitId: string; version: number };
type SegmentTarget = { visitId: string; appointmentId: string; version: number };

type FormProps = {
  /** Unique on the page: several segment forms sit side by side. */
  id: string;
  heading: string;
  form: { state: ActionState; formAction: (formData: FormData) => void };
  hidden: Record<string, string | number>;
  children: ReactNode;
};

/** A titled form acting on the visit or one of its segments: the heading names it, its error shows under it. */
function HeadedForm({ id, heading, form, hidden, children }: FormProps) {
  return (
    <form action={form.formAction} aria-labelledby={`${id}-heading`} className="flex flex-col gap-3">
      <h3 id={`${id}-heading`} className="font-semibold text-stone-900">
        {heading}
      </h3>
      <ActionMessage state={form.state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
    </form>
  );
}

export function RescheduleVisitForm({ starts, day, ...target }: VisitTarget & { starts: OfferedVisitStart[]; day: string }) {
  const actionForm = useActionForm(dashboardRescheduleVisitAction);
  return (
    <HeadedForm id="visit-reschedule" heading={`Move the whole visit (${day})`} form={actionForm} hidden={target}>
      <VisitStartChoices legend="New start" starts={starts} value={actionForm.values.startsAt} error={actionForm.fieldError("startsAt")} />
      {starts.length > 0 && (
        <Button type="submit" variant="secondary" pending={actionForm.pending}>
          Move visit
        </Button>
      )}
    </HeadedForm>
  );
}

export function CancelVisitForm(target: VisitTarget) {
  const actionForm = useActionForm(dashboardCancelVisitAction);
  return (
    <HeadedForm id="visit-cancel" heading="Cancel the whole visit" form={actionForm} hidden={target}>
      <TextField label="Reason (sent to the customer)" {...actionForm.fieldProps("reason")} id="visit-cancel-reason" required />
      <Button type="submit" variant="danger" pending={actionForm.pending}>
        Cancel visit
      </Button>
    </HeadedForm>
  );
}

type SegmentProps = SegmentTarget & { position: number; name: string };

export function ReassignSegmentForm({ position, name, staff, ...target }: SegmentProps & { staff: Option[] }) {
  const actionForm = useActionForm(reassignSegmentAction);
  const id = `segment-${position}-reassign`;
  return (
    <HeadedForm id={id} heading={`Hand ${name} to another stylist`} form={actionForm} hidden={target}>
      <SelectField label="Stylist" {...actionForm.fieldProps("staffId")} id={`${id}-staff`} options={staff} />
      <Button type="submit" variant="secondary" pending={actionForm.pending}>
        Reassign segment {position}
      </Button>
    </HeadedForm>
  );
}

export function CancelSegmentForm({ position, name, ...target }: SegmentProps) {
  const actionForm = useActionForm(cancelSegmentAction);
  const id = `segment-${position}-cancel`;
  return (
    <HeadedForm id={id} heading={`Cancel only ${name}`} form={actionForm} hidden={target}>
      <TextField label="Reason (sent to the customer)" {...actionForm.fieldProps("reason")} id={`${id}-reason`} required />
      <Button type="submit" variant="danger" pending={actionForm.pending}>
        Cancel segment {position}
      </Button>
    </HeadedForm>
  );
}
