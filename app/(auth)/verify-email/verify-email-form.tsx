"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { verifyEmailAction } from "@/lib/auth/actions";
import { idleState } from "@/lib/action-state";

/** A button, not a GET side effect: mail scanners that prefetch links must not use up the token. */
export function VerifyEmailForm({ token }: { token: string }) {
  const [state, formAction, pending] = useActionState(verifyEmailAction, idleState);
  if (state.status === "success") {
    return (
      <div className="flex flex-col gap-4">
        <FormMessage tone="success" message={state.message} />
        <Link href="/book" className="font-semibold text-brand-700 underline">Book an appointment</Link>
      </div>
    );
  }
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <FormMessage tone="error" message={state.status === "error" ? state.message : undefined} />
      <input type="hidden" name="token" value={token} />
      <Button type="submit" pending={pending}>Confirm my email</Button>
    </form>
  );
}
