"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ActionForm } from "@/components/forms/action-form";
import { resendEmailAction } from "@/lib/dashboard/actions";

export function ResendEmailForm({ emailId }: { emailId: string }) {
  const actionForm = useActionForm(resendEmailAction);
  const { pending } = actionForm;
  return (
    <ActionForm form={actionForm} className="flex flex-col gap-2">
      <input type="hidden" name="emailId" value={emailId} />
      <div><Button type="submit" variant="secondary" pending={pending}>Resend this email</Button></div>
    </ActionForm>
  );
}
