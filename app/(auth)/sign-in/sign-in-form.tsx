"use client";

import Link from "next/link";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/ui/text-field";
import { signInAction } from "@/lib/auth/actions";
import { ZSignInInput } from "@/lib/auth/schema";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const actionForm = useActionForm(signInAction, { schema: ZSignInInput });
  const { form, pending, onSubmit, fieldError } = actionForm;
  return (
    <ActionForm form={actionForm} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField label="Email" type="email" autoComplete="email" error={fieldError("email")} {...form.register("email")} />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        error={fieldError("password")}
        {...form.register("password")}
      />
      <Button type="submit" pending={pending}>
        Sign in
      </Button>
      <p className="text-sm text-stone-700">
        <Link href="/forgot-password" className="font-medium text-brand-700 underline">
          Forgot your password?
        </Link>
      </p>
    </ActionForm>
  );
}
