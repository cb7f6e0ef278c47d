"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import { resendEmailAction } from "@/lib/dashboard/actions";

export function ResendEmailForm({ emailId }: { emailId: string }) {
  const [state, action, pending] = useActionState(resendEmailAction, idleState);
  return (
    <form action={action} className="flex flex-col gap-2">
      <FormMessage tone="error" message={state.status === "error" ? state.message : undefined} />
      <input type="hidden" name="emailId" value={emailId} />
      <div><Button type="submit" variant="secondary" pending={pending}>Resend this email</Button></div>
    </form>
  );
}
