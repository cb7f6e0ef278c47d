"use client";

import { ButtonActionForm } from "@/components/forms/button-action-form";
import { resendEmailAction } from "@/lib/dashboard/actions";

export function ResendEmailForm({ emailId }: { emailId: string }) {
  return (
    <ButtonActionForm
      action={resendEmailAction}
      fields={{ emailId }}
      label="Resend this email"
      variant="secondary"
      className="flex flex-col gap-2"
      buttonClassName="self-start"
    />
  );
}
