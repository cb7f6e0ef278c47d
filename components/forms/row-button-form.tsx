"use client";

import type { ComponentProps } from "react";
import type { ActionState } from "@/lib/action-state";
import { Button } from "@/components/ui/button";
import { HiddenFields } from "./hidden-fields";
import { RowOutcome } from "./row-outcome";
import { useActionForm } from "./use-action-form";

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  /** Posted as hidden inputs: what the button acts on. */
  fields: Record<string, string>;
  label: string;
  /** Heard only by screen readers after the label: which row the button acts on ("Remove" what?). */
  rowName?: string;
  variant?: ComponentProps<typeof Button>["variant"];
  className?: string;
  /** Also say when it worked (else the refreshed row shows it). */
  success?: boolean;
  /** Sits inside a line of text: the form and its outcome flow with it. */
  inline?: boolean;
};

/** A one-button form inside a list row; its outcome shows next to the button, not at the top of the page. */
export function RowButtonForm({ action, fields, label, rowName, variant, className, success, inline }: Props) {
  const { state, formAction, pending } = useActionForm(action);
  return (
    <form action={formAction} className={inline ? `inline ${className ?? ""}`.trim() : className}>
      <HiddenFields fields={fields} />
      <Button type="submit" variant={variant} pending={pending}>
        {label}
        {rowName && <span className="sr-only"> {rowName}</span>}
      </Button>
      <RowOutcome state={state} success={success} inline={inline} />
    </form>
  );
}
