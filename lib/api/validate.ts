import type { z } from "zod";
import { ApiError } from "@/lib/api/api-error";
import type { FieldError } from "@/lib/errors";

/** zod issues as field errors; unknown keys become one error per key so the client sees which. */
export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    const base = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: base ? `${base}.${key}` : key, message: "Unknown field" }));
    }
    return [{ path: base, message: issue.message }];
  });
}

/** Validates `value` (a parsed body or query object) against `schema`, or throws a 422 naming the fields. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, what = "body"): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = fieldErrorsOf(result.error);
  const unknown = errors.filter((e) => e.message === "Unknown field").map((e) => e.path);
  const detail = unknown.length
    ? `The ${what} has unknown fields: ${unknown.join(", ")}.`
    : `The ${what} is invalid: ${errors.map((e) => `${e.path || "(root)"} ${e.message}`).join("; ")}.`;
  throw new ApiError("VALIDATION", detail.slice(0, 1000), errors.slice(0, 50));
}

/** The query string as a plain object (repeated keys: last wins — none of our filters is multi-valued). */
export function queryObject(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}
