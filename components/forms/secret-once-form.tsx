"use client";

import type { ReactNode } from "react";
import type { ActionState } from "@/lib/action-state";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import { SubmitRow } from "./submit-row";
import { useActionForm } from "./use-action-form";

/** What a field of the form needs: its name, the value to show and its error. */
type FieldOf = (name: string) => { name: string; defaultValue: string | undefined; error: string | undefined };

type Props = {
  /** Answers a success with the new secret in `values.secret`. */
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  secretLabel: string;
  submitLabel: string;
  defaults?: Record<string, string>;
  children: (field: FieldOf) => ReactNode;
};

/**
 * A form that creates something with a secret (an API key, a webhook signing secret): the secret is shown
 * once, above the form, which then starts over for the next one; a failed submit keeps what was typed.
 */
export function SecretOnceForm({ action, secretLabel, submitLabel, defaults = {}, children }: Props) {
  const { state, formAction, pending } = useActionForm(action);
  const secret = state.status === "success" ? state.values?.secret : undefined;
  const field: FieldOf = (name) => ({
    name,
    defaultValue: (secret ? undefined : state.values?.[name]) ?? defaults[name],
    error: state.fieldErrors?.[name],
  });
  return (
    <form action={formAction} className="grid max-w-3xl gap-4">
      <FormMessage tone={secret ? "success" : "error"} message={state.status === "idle" ? undefined : state.message} />
      {secret && <TextField label={secretLabel} name="secret" readOnly value={secret} className="font-mono" />}
      {children(field)}
      <SubmitRow pending={pending}>{submitLabel}</SubmitRow>
    </form>
  );
}
