"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ActionMessage } from "@/components/forms/action-message";
import { rescheduleAction } from "@/lib/customer-portal/actions";

type RescheduleFormProps = { appointmentId: string; version: number; start: string; date?: string };

export function RescheduleForm({ appointmentId, version, start, date }: RescheduleFormProps) {
  const { state, formAction, pending } = useActionForm(rescheduleAction);
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <ActionMessage state={state} />
      <input type="hidden" name="appointmentId" value={appointmentId} />
      {/* The version we showed: if the salon changed it meanwhile, the server refuses instead of overwriting. */}
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="start" value={start} />
      {date && <input type="hidden" name="date" value={date} />}
      <Button type="submit" pending={pending} className="self-start">Confirm new time</Button>
    </form>
  );
}
