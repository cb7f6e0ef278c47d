import { z } from "zod";
import { INSTANT_FORMAT_MESSAGE } from "@/lib/booking/schema";
import { errorCodes, type ErrorCode } from "@/lib/errors";
import { isBookableInstant, OUT_OF_RANGE_MESSAGE } from "@/lib/time/bookable-range";

/** An instant on the wire: ISO 8601 with an offset ("Z" or "+01:00"); a bare local time is ambiguous. */
export const ZApiInstant = z.iso
  .datetime({ offset: true, error: INSTANT_FORMAT_MESSAGE })
  // An unparseable value already failed the format check; this names only a well-formed, out-of-range one.
  .refine((value) => Number.isNaN(Date.parse(value)) || isBookableInstant(new Date(value)), OUT_OF_RANGE_MESSAGE)
  .meta({ example: "2030-01-07T10:00:00Z" });

export const ZId = z.string().min(1).max(191);

export const ZFieldError = z.object({ path: z.string(), message: z.string() });

export const ZProblem = z
  .object({
    type: z.string().meta({ description: "A URI identifying the problem type (links to its documentation)." }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.enum(Object.keys(errorCodes) as [ErrorCode, ...ErrorCode[]]).meta({
      description: "Stable machine-readable code: switch on this, never on `detail`. Each is explained in the guide (/docs/api).",
      example: "SLOT_UNAVAILABLE",
    }),
    errors: z.array(ZFieldError).meta({ description: "Field errors (path in dot notation) for validation problems." }),
  })
  .meta({ description: "RFC 9457 problem details" });

export const ZPageMeta = {
  nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
};

export const ZListQueryBase = {
  cursor: z.string().min(1).max(500).optional().meta({ description: "From the previous page's nextCursor." }),
  limit: z.coerce.number().int().min(1).optional().meta({ description: "Page size, default 20; values above 100 are capped to 100." }),
};

/** Sync by last change: the list answers what changed since then, ordered by (updatedAt, id). */
export const ZUpdatedSince = {
  updatedSince: ZApiInstant.optional().meta({
    description:
      "Only rows changed at or after this instant, ordered by last change; follow nextCursor, then keep the newest updatedAt for the next sync.",
  }),
};

/** `?includeInactive=true|false` as a boolean (query strings carry no types). */
export const ZBooleanFlag = z.enum(["true", "false"]).optional();
