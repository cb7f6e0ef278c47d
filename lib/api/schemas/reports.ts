import { z } from "zod";
import type { loadReportSummary } from "@/lib/reports/load-reports";
import { MAX_REPORT_DAYS } from "@/lib/reports/schema";
import { ZLocalDate } from "@/lib/time/local-date";

export const ZApiReportSummaryQuery = z.strictObject({
  from: ZLocalDate.meta({ description: "First local date of the range (salon's timezone).", example: "2030-01-01" }),
  to: ZLocalDate.meta({ description: `Last local date, included; at most ${MAX_REPORT_DAYS} days after \`from\`.`, example: "2030-01-31" }),
  staffId: z
    .string()
    .min(1)
    .optional()
    .meta({ description: "One stylist's figures. A stylist's key sees only its owner's, whether named or not." }),
});

const rate = z.number().min(0).max(1).nullable();

export const ZApiReportSummary = z.object({
  from: z.string().meta({ example: "2030-01-01" }),
  to: z.string().meta({ example: "2030-01-31" }),
  timezone: z.string().meta({ example: "Europe/London" }),
  staffId: z.string().nullable().meta({ description: "The stylist the figures are narrowed to, if any." }),
  currency: z.string().meta({ example: "GBP" }),
  completedRevenueCents: z.number().int().meta({ description: "Price snapshots of completed appointments, minor units." }),
  bookedRevenueCents: z.number().int().meta({ description: "Price snapshots of every appointment not cancelled." }),
  appointmentsByStatus: z.object({
    BOOKED: z.number().int(),
    COMPLETED: z.number().int(),
    CANCELLED: z.number().int(),
    NO_SHOW: z.number().int(),
  }),
  bookedMinutes: z.number().int(),
  workingMinutes: z.number().int().meta({ description: "Weekly hours in the range, breaks and time off excluded." }),
  utilisation: rate.meta({ description: "bookedMinutes ÷ workingMinutes; null without working time." }),
  noShowRate: rate.meta({ description: "No-shows ÷ (completed + no-shows); null when neither happened." }),
  lateCancellationRate: rate.meta({ description: "Cancellations inside the salon's cutoff ÷ all appointments." }),
});

export function toApiReportSummary(summary: Awaited<ReturnType<typeof loadReportSummary>>): z.infer<typeof ZApiReportSummary> {
  const { scope, totals } = summary;
  return {
    from: scope.from,
    to: scope.to,
    timezone: scope.timezone,
    staffId: scope.staffId ?? null,
    currency: summary.currency,
    completedRevenueCents: totals.completedRevenue,
    bookedRevenueCents: totals.bookedRevenue,
    appointmentsByStatus: { BOOKED: totals.booked, COMPLETED: totals.completed, CANCELLED: totals.cancelled, NO_SHOW: totals.noShow },
    bookedMinutes: totals.bookedMinutes,
    workingMinutes: totals.workingMinutes,
    utilisation: totals.utilisation,
    noShowRate: totals.noShowRate,
    lateCancellationRate: totals.lateCancellationRate,
  };
}
