import { z } from "zod";
import { isAppError, type ErrorCode } from "@/lib/errors";

/**
 * What a form's server action returns. `values` echoes the submitted text because React 19 resets
 * uncontrolled fields after an action: a failed submit must not wipe what the person typed.
 */
export type ActionState = {
  status: "idle" | "error" | "success";
  message?: string;
  code?: ErrorCode;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
};

export const idleState: ActionState = { status: "idle" };

export function formValues(formData: FormData, omit: string[] = ["password"]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !omit.includes(key) && !key.startsWith("$")) values[key] = value;
  }
  return values;
}

export function validationState(error: z.ZodError, values: Record<string, string>): ActionState {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
  return { status: "error", code: "VALIDATION", message: "Please correct the highlighted fields.", fieldErrors, values };
}

/** The ONE place where an AppError becomes form feedback; anything else is a bug and is rethrown. */
export function errorState(error: unknown, values: Record<string, string>): ActionState {
  if (!isAppError(error)) throw error;
  const fieldErrors: Record<string, string> = {};
  for (const fieldError of error.fieldErrors) fieldErrors[fieldError.path] ??= fieldError.message;
  return { status: "error", code: error.code, message: error.message, fieldErrors, values };
}
