"use client";

import type { ReactNode } from "react";
import type { ActionState } from "@/lib/action-state";
import { Button } from "@/components/ui/button";
import { ActionForm } from "./action-form";
import { HiddenFields } from "./hidden-fields";
import { useActionForm } from "./use-action-form";

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  /** Posted as hidden inputs; empty values are left out, as an unfilled field would be. */
  fields: Record<string, string | null | undefined>;
  label: ReactNode;
  pendingLabel?: ReactNode;
  variant?: "primary" | "secondary";
  className?: string;
  buttonClassName?: string;
  /** Show the action's success message (for actions that answer in place instead of moving on). */
  success?: boolean;
};

/** A form that is one button: what it acts on travels in hidden fields, its outcome shows above it. */
export function ButtonActionForm({
  action,
  fields,
  label,
  pendingLabel = label,
  variant,
  className = "flex flex-col gap-4",
  buttonClassName,
  success,
}: Props) {
  const actionForm = useActionForm(action);
  const { pending } = actionForm;
  return (
    <ActionForm form={actionForm} className={className} success={success}>
      <HiddenFields fields={fields} />
      <Button type="submit" variant={variant} pending={pending} className={buttonClassName}>
        {pending ? pendingLabel : label}
      </Button>
    </ActionForm>
  );
}
