"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ActionForm } from "@/components/forms/action-form";
import { retryDeadLetterAction } from "@/lib/dashboard/notification-actions";

export function RetryDeadLetterForm({ outboxEventId, label }: { outboxEventId: string; label: string }) {
  const actionForm = useActionForm(retryDeadLetterAction);
  const { pending } = actionForm;
  return (
    <ActionForm form={actionForm} className="flex flex-col gap-1" success>
      <input type="hidden" name="outboxEventId" value={outboxEventId} />
      <div>
        <Button type="submit" variant="secondary" pending={pending}>
          Retry<span className="sr-only"> {label}</span>
        </Button>
      </div>
    </ActionForm>
  );
}
