import { z } from "zod";
import { ZLocalDate } from "@/lib/time/local-date";

export const REPORT_PRESETS = ["this-week", "last-week", "this-month", "last-month", "custom"] as const;
export const ZReportPreset = z.enum(REPORT_PRESETS);
export type TReportPreset = z.infer<typeof ZReportPreset>;

export const REPORT_PRESET_LABELS: Record<TReportPreset, string> = {
  "this-week": "This week",
  "last-week": "Last week",
  "this-month": "This month",
  "last-month": "Last month",
  custom: "Custom",
};

/** The longest range one request may ask for: a year and a bit, so a yearly comparison fits. */
export const MAX_REPORT_DAYS = 400;

const optionalId = z.preprocess((value) => (value === "" ? undefined : value), z.string().min(1).max(100).optional());

/** A range of the salon's local dates, both ends included, and the optional stylist / service filters. */
export const ZReportFilter = z
  .object({
    from: ZLocalDate,
    to: ZLocalDate,
    staffId: optionalId,
    serviceId: optionalId,
  })
  .refine((filter) => filter.from <= filter.to, { message: "The range must not end before it starts.", path: ["to"] })
  .refine((filter) => Date.parse(filter.to) - Date.parse(filter.from) < MAX_REPORT_DAYS * 86_400_000, {
    message: `A report covers at most ${MAX_REPORT_DAYS} days.`,
    path: ["to"],
  });
export type TReportFilter = z.infer<typeof ZReportFilter>;

/** What the reports page reads from its query string: a preset, or a custom range. */
export const ZReportQuery = z.object({
  preset: ZReportPreset.catch("this-month"),
  from: z.string().optional(),
  to: z.string().optional(),
  staffId: z.string().optional(),
  serviceId: z.string().optional(),
});
export type TReportQuery = z.infer<typeof ZReportQuery>;

/** The reports that download as CSV, by the name in the download's URL. */
export const REPORT_KINDS = [
  "revenue-by-day",
  "revenue-by-stylist",
  "utilisation",
  "statuses-by-stylist",
  "statuses-by-service",
  "customers",
  "top-services",
  "busiest-hours",
] as const;
export const ZReportKind = z.enum(REPORT_KINDS);
export type TReportKind = z.infer<typeof ZReportKind>;
