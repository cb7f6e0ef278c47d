"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ActionForm } from "@/components/forms/action-form";
import { rescheduleAction } from "@/lib/customer-portal/actions";

type RescheduleFormProps = {
  appointmentId: string;
  version: number;
  start: string;
  date?: string;
  /** Another door with the same fields (a whole visit's); the single appointment's by default. */
  action?: typeof rescheduleAction;
};

export function RescheduleForm({ appointmentId, version, start, date, action = rescheduleAction }: RescheduleFormProps) {
  const actionForm = useActionForm(action);
  const { pending } = actionForm;
  return (
    <ActionForm form={actionForm} className="flex flex-col gap-4">
      <input type="hidden" name="appointmentId" value={appointmentId} />
      {/* The version we showed: if the salon changed it meanwhile, the server refuses instead of overwriting. */}
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="start" value={start} />
      {date && <input type="hidden" name="date" value={date} />}
      <Button type="submit" pending={pending} className="self-start">
        Confirm new time
      </Button>
    </ActionForm>
  );
}
