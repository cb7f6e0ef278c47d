"use client";

import type { ReactNode } from "react";
import type { z } from "zod";
import { ActionForm } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/action-state";

type ActionFormHandle = ReturnType<typeof useActionForm>;

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  /** The action's own schema, token included, so the fields are checked before the token is spent. */
  schema: z.ZodObject;
  token: string;
  submitLabel: string;
  children: (form: ActionFormHandle) => ReactNode;
};

/** A form that completes an emailed one-time link: the link's token travels with the fields it asks for. */
export function TokenForm({ action, schema, token, submitLabel, children }: Props) {
  const actionForm = useActionForm(action, { schema, defaults: { token } });
  return (
    <ActionForm form={actionForm} onSubmit={actionForm.onSubmit} noValidate className="flex flex-col gap-4">
      <input type="hidden" {...actionForm.form.register("token")} />
      {children(actionForm)}
      <Button type="submit" pending={actionForm.pending}>
        {submitLabel}
      </Button>
    </ActionForm>
  );
}
