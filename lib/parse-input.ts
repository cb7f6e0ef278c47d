import type { z } from "zod";
import { AppError, fieldErrorsFromZod } from "@/lib/errors";

/**
 * A core validates its own input even when an entry point already did: a script or a test calling it
 * directly must hit the same rules, and the failure must be the typed VALIDATION error, not a ZodError
 * (which would surface as a 500).
 */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError("VALIDATION", "Some fields are invalid.", fieldErrorsFromZod(result.error));
}
