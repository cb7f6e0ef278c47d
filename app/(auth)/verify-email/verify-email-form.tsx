"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { ActionForm } from "@/components/forms/action-form";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import { verifyEmailAction } from "@/lib/auth/actions";

/**
 * A button, not a GET side effect: mail scanners that prefetch links must not use up the token. When a
 * password was chosen before the address was confirmed, confirming asks for it (see verifyEmailAction).
 */
export function VerifyEmailForm({ token, askPassword, callbackUrl }: { token: string; askPassword: boolean; callbackUrl: string }) {
  const actionForm = useActionForm(verifyEmailAction);
  const { state, pending } = actionForm;
  if (state.status === "success") {
    return (
      <div className="flex flex-col gap-4">
        <FormMessage tone="success" message={state.message} />
        <Link href="/sign-in" className="font-semibold text-brand-700 underline">
          Sign in
        </Link>
      </div>
    );
  }
  return (
    <ActionForm form={actionForm} className="flex flex-col gap-4">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {askPassword && (
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          hint="The password you chose when you created the account."
        />
      )}
      <Button type="submit" pending={pending}>
        Confirm my email
      </Button>
      {askPassword && (
        <p className="text-sm text-stone-700">
          Did someone else create this account with your address?{" "}
          <Link href="/forgot-password" className="font-semibold text-brand-700 underline">
            Set your own password
          </Link>{" "}
          instead.
        </p>
      )}
    </ActionForm>
  );
}
