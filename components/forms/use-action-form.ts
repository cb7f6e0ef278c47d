"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, useMemo, type FormEvent } from "react";
import { useForm, type FieldErrors, type FieldValues, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { idleState, type ActionState } from "@/lib/action-state";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * react-hook-form validates with the same zod schema as the server action, then submits through the
 * action (so the form still works before hydration). Server-side field errors flow back into the form.
 */
export function useActionForm<S extends z.ZodObject>(schema: S, action: Action, defaults: Record<string, string> = {}) {
  const [state, formAction, pending] = useActionState(action, idleState);
  const errors = useMemo(() => {
    const result: Record<string, { type: string; message: string }> = {};
    for (const [field, message] of Object.entries(state.fieldErrors ?? {})) result[field] = { type: "server", message };
    return result as FieldErrors<FieldValues>;
  }, [state]);
  const form = useForm<FieldValues>({
    resolver: zodResolver(schema as never) as unknown as Resolver<FieldValues>,
    defaultValues: { ...defaults, ...state.values },
    errors,
    mode: "onTouched",
  });
  const submit = form.handleSubmit((_values, event) => {
    // The form's own fields (hidden ones included) are what the action receives, as without JavaScript.
    const formData = new FormData(event?.target as HTMLFormElement);
    startTransition(() => formAction(formData));
  });
  // handleSubmit's promise settles once validation has run; it can only reject if the callback above
  // throws, and that callback only queues the action, whose outcome arrives through `state`.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => void submit(event);
  const fieldError = (name: string) => form.formState.errors[name]?.message as string | undefined;
  return { form, state, pending, formAction, onSubmit, fieldError };
}
