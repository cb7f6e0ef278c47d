"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { resendVerificationAction } from "@/lib/auth/actions";

export function ResendVerificationForm() {
  const { state, formAction, pending } = useActionForm(resendVerificationAction);
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <FormMessage tone="success" message={state.message} />
      <Button type="submit" variant="secondary" pending={pending}>
        Send me a new link
      </Button>
    </form>
  );
}
