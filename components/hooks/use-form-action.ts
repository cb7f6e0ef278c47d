"use client";

import { useActionState } from "react";
import { idleState, type ActionState } from "@/lib/action-state";

type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * A server-action form's state: what the person typed (kept after a failed submit, since React 19 resets
 * uncontrolled fields) over the form's defaults, and each field's error.
 */
export function useFormAction(formAction: FormAction, defaults: Record<string, string> = {}) {
  const [state, action, pending] = useActionState(formAction, idleState);
  const values: Record<string, string | undefined> = { ...defaults, ...state.values };
  const error = (name: string) => state.fieldErrors?.[name];
  return { state, action, pending, values, error };
}
