"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { resendVerificationAction } from "@/lib/auth/actions";
import { idleState } from "@/lib/action-state";

export function ResendVerificationForm() {
  const [state, formAction, pending] = useActionState(resendVerificationAction, idleState);
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <FormMessage tone="success" message={state.message} />
      <Button type="submit" variant="secondary" pending={pending}>Send me a new link</Button>
    </form>
  );
}
