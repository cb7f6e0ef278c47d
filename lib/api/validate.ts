import type { z } from "zod";
import { AppError, fieldErrorsFromZod } from "@/lib/errors";

/** Validates `value` (a parsed body or query object) against `schema`, or throws a 422 naming the fields. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, what = "body"): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = fieldErrorsFromZod(result.error);
  const unknown = errors.filter((e) => e.message === "Unknown field").map((e) => e.path);
  const detail = unknown.length
    ? `The ${what} has unknown fields: ${unknown.join(", ")}.`
    : `The ${what} is invalid: ${errors.map((e) => `${e.path || "(root)"} ${e.message}`).join("; ")}.`;
  throw new AppError("VALIDATION", detail.slice(0, 1000), errors.slice(0, 50));
}

/** The query string as a plain object (repeated keys: last wins — none of our filters is multi-valued). */
export function queryObject(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}
