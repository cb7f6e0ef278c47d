import { z } from "zod";
import { ZLocalDate } from "@/lib/time/local-date";

export const ZPatchTestResult = z.enum(["NEGATIVE", "POSITIVE"]);
export const PATCH_TEST_RESULT_LABELS = { NEGATIVE: "Negative (no reaction)", POSITIVE: "Positive (reaction)" } as const;

/** A test staff record, as the form sends it: the salon's wall-clock date and time it was done. */
export const ZRecordPatchTestForm = z.object({
  customerId: z.string().min(1).max(191),
  date: ZLocalDate,
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a time like 14:30."),
  product: z.string().trim().min(1, "Name the product tested.").max(200),
  result: ZPatchTestResult,
});

export const ZRecordPatchTestInput = z.strictObject({
  customerId: z.string().min(1).max(191),
  testedAt: z.date(),
  product: z.string().trim().min(1).max(200),
  result: ZPatchTestResult,
});
export type TRecordPatchTestInput = z.input<typeof ZRecordPatchTestInput>;
