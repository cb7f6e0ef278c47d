"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ActionMessage } from "@/components/forms/action-message";
import { resendEmailAction } from "@/lib/dashboard/actions";

export function ResendEmailForm({ emailId }: { emailId: string }) {
  const { state, formAction, pending } = useActionForm(resendEmailAction);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <ActionMessage state={state} />
      <input type="hidden" name="emailId" value={emailId} />
      <div><Button type="submit" variant="secondary" pending={pending}>Resend this email</Button></div>
    </form>
  );
}
