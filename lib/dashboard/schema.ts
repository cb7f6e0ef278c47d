import { z } from "zod";
import { ZApiKeyScope } from "@/lib/api-keys/schema";
import { MAX_NOTE_LENGTH } from "@/lib/booking/schema";
import { MAX_VISIT_SEGMENTS } from "@/lib/booking/visit-availability";
import { ZCreateCustomerInput } from "@/lib/customers/schema";
import { ZLocalDate } from "@/lib/time/local-date";

/**
 * The dashboard's form and URL inputs (isomorphic). Times come in as the salon's wall-clock date and
 * time, because that is what staff read on the calendar; the action turns them into instants.
 */
const ZLocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a time like 14:30.");
const ZId = z.string().min(1).max(191);
const ZVersion = z.coerce.number().int().positive();
/** Which of a repeated wall-clock time (the hour the clocks go back) staff mean; asked only then. */
const ZOccurrence = z.enum(["earlier", "later"]).optional();
/** An unticked checkbox is absent from FormData; a ticked one is "on". */
const ZCheckbox = z
  .literal("on")
  .optional()
  .transform((value) => value === "on");

/** Given only to book or move a service needing a patch test without a valid one on record. */
const ZPatchTestOverrideReason = z.string().trim().max(MAX_NOTE_LENGTH).optional();

export const ZCalendarQuery = z.object({
  date: ZLocalDate.optional().catch(undefined),
  view: z.enum(["day", "week"]).catch("day"),
  staff: ZId.optional().catch(undefined),
});
export type TCalendarQuery = z.infer<typeof ZCalendarQuery>;

export const ZCreateAppointmentForm = z.object({
  customerName: ZCreateCustomerInput.shape.name,
  customerEmail: z.email("Enter the customer's email address.").max(254),
  customerPhone: ZCreateCustomerInput.shape.phone,
  serviceId: ZId,
  staffId: ZId,
  date: ZLocalDate,
  time: ZLocalTime,
  occurrence: ZOccurrence,
  note: z.string().trim().max(MAX_NOTE_LENGTH).optional(),
  overrideAvailability: ZCheckbox,
  patchTestOverrideReason: ZPatchTestOverrideReason,
});

export const ZDashboardRescheduleForm = z.object({
  appointmentId: ZId,
  version: ZVersion,
  staffId: ZId,
  date: ZLocalDate,
  time: ZLocalTime,
  occurrence: ZOccurrence,
  overrideAvailability: ZCheckbox,
  patchTestOverrideReason: ZPatchTestOverrideReason,
});

export const ZDashboardCancelForm = z.object({
  appointmentId: ZId,
  version: ZVersion,
  reason: z.string().trim().min(1, "Give a reason for cancelling.").max(MAX_NOTE_LENGTH),
});

/** A start the page offered (the slot's instant); the core checks it is still free. */
const ZOfferedStart = (message: string) =>
  z
    .string()
    .min(1, message)
    .pipe(z.iso.datetime({ offset: true, error: message }))
    .transform((value) => new Date(value));

/**
 * A walk-in or phone visit: services in order, each with its stylist ("" for anyone), and a start the
 * page offered from visit availability (an instant, so a repeated wall-clock hour is never ambiguous).
 */
export const ZCreateVisitForm = z
  .object({
    customerName: ZCreateCustomerInput.shape.name,
    customerEmail: z.email("Enter the customer's email address.").max(254),
    customerPhone: ZCreateCustomerInput.shape.phone,
    serviceIds: z.array(ZId).min(1, "Choose a service.").max(MAX_VISIT_SEGMENTS),
    staffIds: z.array(z.string().max(191)).max(MAX_VISIT_SEGMENTS),
    sameStylist: ZCheckbox,
    startsAt: ZOfferedStart("Choose a start time."),
    note: z.string().trim().max(MAX_NOTE_LENGTH).optional(),
  })
  .refine((form) => form.staffIds.length === form.serviceIds.length, { path: ["staffIds"], message: "Choose a stylist for each service." });

const ZVisitTarget = z.object({ visitId: ZId, version: ZVersion });
const ZCancelReason = z.string().trim().min(1, "Give a reason for cancelling.").max(MAX_NOTE_LENGTH);

export const ZRescheduleVisitForm = ZVisitTarget.extend({ startsAt: ZOfferedStart("Choose a new start time.") });
export const ZCancelVisitForm = ZVisitTarget.extend({ reason: ZCancelReason });
/** One segment of a visit: its own id and version (a change to one segment leaves the others' alone). */
const ZSegmentTarget = z.object({ visitId: ZId, appointmentId: ZId, version: ZVersion });
export const ZReassignSegmentForm = ZSegmentTarget.extend({ staffId: ZId });
export const ZCancelSegmentForm = ZSegmentTarget.extend({ reason: ZCancelReason });

export const ZTransitionForm = z.object({
  appointmentId: ZId,
  version: ZVersion,
  transition: z.enum(["complete", "no_show"]),
});

export const ZStaffNoteForm = z.object({
  appointmentId: ZId,
  body: z.string().trim().min(1, "Write the note first.").max(MAX_NOTE_LENGTH),
});

const MONEY_TEXT = /^\d{1,7}(\.\d{1,2})?$/;

/** The service editor's deposit choices: the API's three fields as one choice, so two rules never mix. */
export const DEPOSIT_RULES = ["none", "fixed", "percent", "card"] as const;

/** An empty field is "not given" (the rule that needs it says so). */
const optionalText = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

/**
 * The service editor's fields as typed (price in pounds and pence), mapped to the services core's input,
 * which validates it with the same schema as the API's PATCH.
 */
export const ZServiceForm = z
  .object({
    name: z.string().trim().min(1).max(120),
    slug: z.string().trim().min(1).max(80),
    category: z.string().trim().min(1).max(80),
    description: z.string().max(2000).optional(),
    durationMinutes: z.coerce.number().int().min(5).max(720),
    price: z.string().trim().regex(MONEY_TEXT, "Use a price like 35 or 35.50."),
    bufferBeforeMinutes: z.coerce.number().int().min(0).max(240),
    bufferAfterMinutes: z.coerce.number().int().min(0).max(240),
    active: ZCheckbox,
    requiresPatchTest: ZCheckbox,
    staffIds: z.array(z.string().min(1).max(191)).max(200),
    depositRule: z.enum(DEPOSIT_RULES).default("none"),
    depositAmount: optionalText(z.string().trim().regex(MONEY_TEXT, "Use an amount like 10 or 12.50.")),
    depositPercent: optionalText(z.coerce.number().int("A whole percentage.").min(1).max(100)),
  })
  .superRefine((form, ctx) => {
    if (form.depositRule === "fixed" && form.depositAmount === undefined) {
      ctx.addIssue({ code: "custom", path: ["depositAmount"], message: "Enter the deposit, e.g. 10." });
    }
    if (form.depositRule === "percent" && form.depositPercent === undefined) {
      ctx.addIssue({ code: "custom", path: ["depositPercent"], message: "Enter a percentage from 1 to 100." });
    }
  })
  .transform(({ price, staffIds, description, depositRule, depositAmount, depositPercent, ...service }) => ({
    service: {
      ...service,
      description: description ?? "",
      priceCents: Math.round(Number(price) * 100),
      depositCents: depositRule === "fixed" ? Math.round(Number(depositAmount) * 100) : null,
      depositPercent: depositRule === "percent" ? (depositPercent ?? null) : null,
      cardRequired: depositRule === "card",
    },
    staffIds,
  }));

/** The editor's deposit fields for a service as stored. */
export function depositFormValues(service: { depositCents: number | null; depositPercent: number | null; cardRequired: boolean }) {
  const depositRule =
    service.depositCents != null ? "fixed" : service.depositPercent != null ? "percent" : service.cardRequired ? "card" : "none";
  return {
    depositRule,
    depositAmount: service.depositCents != null ? (service.depositCents / 100).toFixed(2) : "",
    depositPercent: service.depositPercent != null ? String(service.depositPercent) : "",
  };
}

export const ZCreateApiKeyForm = z.object({
  name: z.string().trim().min(1, "Name the key, e.g. “Partner site”.").max(100),
  scopes: z.array(ZApiKeyScope).min(1, "Choose at least one scope."),
  // Staff keys always end (see api-keys/expiry.ts); the form suggests a date, the core checks the bound.
  expiresOn: z.string().min(1, "Choose when the key stops working.").pipe(ZLocalDate),
});
