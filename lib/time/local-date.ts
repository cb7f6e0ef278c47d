import { z } from "zod";
import { isCalendarDate } from "./zoned";

/** A local calendar date as forms send it (YYYY-MM-DD), refused when the day does not exist. */
export const ZLocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-11-26.")
  .refine(isCalendarDate, "That date does not exist in the calendar.");
