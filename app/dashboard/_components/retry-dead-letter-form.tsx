"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import { retryDeadLetterAction } from "@/lib/dashboard/notification-actions";

export function RetryDeadLetterForm({ outboxEventId, label }: { outboxEventId: string; label: string }) {
  const [state, action, pending] = useActionState(retryDeadLetterAction, idleState);
  return (
    <form action={action} className="flex flex-col gap-1">
      <FormMessage tone={state.status === "success" ? "success" : "error"} message={state.status === "idle" ? undefined : state.message} />
      <input type="hidden" name="outboxEventId" value={outboxEventId} />
      <div><Button type="submit" variant="secondary" pending={pending}>Retry<span className="sr-only"> {label}</span></Button></div>
    </form>
  );
}
