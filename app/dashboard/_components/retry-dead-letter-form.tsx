"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ActionMessage } from "@/components/forms/action-message";
import { retryDeadLetterAction } from "@/lib/dashboard/notification-actions";

export function RetryDeadLetterForm({ outboxEventId, label }: { outboxEventId: string; label: string }) {
  const { state, formAction, pending } = useActionForm(retryDeadLetterAction);
  return (
    <form action={formAction} className="flex flex-col gap-1">
      <ActionMessage state={state} success />
      <input type="hidden" name="outboxEventId" value={outboxEventId} />
      <div><Button type="submit" variant="secondary" pending={pending}>Retry<span className="sr-only"> {label}</span></Button></div>
    </form>
  );
}
