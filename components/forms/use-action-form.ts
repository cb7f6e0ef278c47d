"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, useMemo, type FormEvent } from "react";
import { useForm, type FieldErrors, type FieldValues, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { idleState, type ActionState } from "@/lib/action-state";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

type Options = {
  /** The server action's own zod schema: react-hook-form then checks the fields before submitting. */
  schema?: z.ZodObject;
  defaults?: Record<string, string>;
};

/**
 * The one client side of a server-action form. The form posts to the action (`action={formAction}`), so it
 * works before hydration; what the person typed survives a failed submit (React 19 resets uncontrolled
 * fields), over the form's defaults. With a schema, react-hook-form validates first (`onSubmit`, fields
 * through `form.register`) and the server's field errors flow back into it.
 */
export function useActionForm(action: Action, { schema, defaults = {} }: Options = {}) {
  const [state, formAction, pending] = useActionState(action, idleState);
  const values: Record<string, string | undefined> = { ...defaults, ...state.values };
  const errors = useMemo(() => {
    const result: Record<string, { type: string; message: string }> = {};
    for (const [field, message] of Object.entries(state.fieldErrors ?? {})) result[field] = { type: "server", message };
    return result as FieldErrors<FieldValues>;
  }, [state]);
  const form = useForm<FieldValues>({
    resolver: schema ? (zodResolver(schema as never) as unknown as Resolver<FieldValues>) : undefined,
    defaultValues: values,
    errors,
    mode: "onTouched",
  });
  const submit = form.handleSubmit((_values, event) => {
    // The form's own fields (hidden ones and the pressed button included) are what the action
    // receives, as without JavaScript.
    const submitter = (event?.nativeEvent as SubmitEvent | undefined)?.submitter ?? null;
    const formData = new FormData(event?.target as HTMLFormElement, submitter);
    startTransition(() => formAction(formData));
  });
  // handleSubmit's promise settles once validation has run; it can only reject if the callback above
  // throws, and that callback only queues the action, whose outcome arrives through `state`.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => void submit(event);
  const fieldError = (name: string): string | undefined =>
    schema ? (form.formState.errors[name]?.message as string | undefined) : state.fieldErrors?.[name];
  /** What a field without form.register needs: its name, the value to show and its error. */
  const fieldProps = (name: string) => ({ name, defaultValue: values[name], error: fieldError(name) });
  return { form, state, pending, formAction, onSubmit, values, fieldError, fieldProps };
}
