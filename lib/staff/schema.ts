import { z } from "zod";
import { STAFF_ROLES } from "@/lib/auth/actor";
import { ZLocalDate } from "@/lib/time/local-date";
import { parseDayHours, WEEKDAYS, type WeeklyInterval } from "./weekly-hours";

/**
 * A stylist as an admin edits them (isomorphic). Hours arrive as one text line per weekday (`hours1` …
 * `hours7`, see weekly-hours.ts) and leave as validated intervals.
 */
const ZDay = z.string().max(200).optional();
const ZHours = z.object({ hours1: ZDay, hours2: ZDay, hours3: ZDay, hours4: ZDay, hours5: ZDay, hours6: ZDay, hours7: ZDay });

type HoursFields = z.infer<typeof ZHours>;

/** The seven weekday lines as validated intervals; each bad line becomes an issue on its own field. */
function weeklyIntervals(form: HoursFields, ctx: z.RefinementCtx): WeeklyInterval[] {
  const hours: WeeklyInterval[] = [];
  WEEKDAYS.forEach((_, index) => {
    const parsed = parseDayHours(index + 1, form[`hours${index + 1}` as keyof HoursFields] ?? "");
    if (typeof parsed === "string") ctx.addIssue({ code: "custom", path: [`hours${index + 1}`], message: parsed });
    else hours.push(...parsed);
  });
  return hours;
}

/** A stylist's own week (the "My schedule" page): the hours only. */
export const ZWeeklyHoursForm = z
  .object({ staffId: z.string().min(1).max(191) })
  .extend(ZHours.shape)
  .transform((form, ctx) => ({ staffId: form.staffId, hours: weeklyIntervals(form, ctx) }));

export const ZStaffProfileForm = z
  .object({
    displayName: z.string().trim().min(1).max(80),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/, "Use a colour like #7c3aed."),
    bio: z.string().trim().max(500).optional(),
    active: z
      .literal("on")
      .optional()
      .transform((value) => value === "on"),
    serviceIds: z.array(z.string().min(1).max(191)).max(200),
  })
  .extend(ZHours.shape)
  .transform((form, ctx) => {
    const hours = weeklyIntervals(form, ctx);
    return {
      displayName: form.displayName,
      color: form.color,
      bio: form.bio || null,
      active: form.active,
      serviceIds: form.serviceIds,
      hours,
    };
  });
export type TStaffProfile = z.output<typeof ZStaffProfileForm>;

export const ZNewStaffAccount = z.object({
  email: z
    .email()
    .max(254)
    .transform((email) => email.toLowerCase()),
  password: z.string().min(10, "At least 10 characters.").max(200),
  role: z.enum(STAFF_ROLES),
});
export type TNewStaffAccount = z.output<typeof ZNewStaffAccount>;

export const ZTimeOffForm = z.object({
  staffId: z.string().min(1).max(191),
  fromDate: ZLocalDate,
  toDate: ZLocalDate,
  reason: z.string().trim().max(200).optional(),
});
