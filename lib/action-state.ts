import type { z } from "zod";
import { AppError, fieldErrorsFromZod, isAppError, type ErrorCode, type FieldError } from "@/lib/errors";

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
  return errorState(new AppError("VALIDATION", "Please correct the highlighted fields.", fieldErrorsFromZod(error)), values);
}

/** The ONE place where an AppError becomes form feedback; anything else is a bug and is rethrown. */
export function errorState(error: unknown, values: Record<string, string>): ActionState {
  if (!isAppError(error)) throw error;
  return { status: "error", code: error.code, message: error.message, fieldErrors: byFormField(error.fieldErrors), values };
}

/** A form shows one message per input, named by the top-level field (a nested path belongs to its input). */
function byFormField(fieldErrors: FieldError[]): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const { path, message } of fieldErrors) byField[path.split(".")[0] || "form"] ??= message;
  return byField;
}
