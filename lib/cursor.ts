import { z } from "zod";
import { AppError } from "@/lib/errors";

/**
 * Page cursors are opaque to clients (base64url JSON of the last row's sort key), so the ordering behind
 * them can change without breaking anyone who just follows `nextCursor`. There are three payloads because
 * there are three orderings: most lists go by id (`{"id"}`), appointment lists by start time
 * (`[startsAt, id]`), and sync lists (`updatedSince`) by last change (`{"u": updatedAt, "id"}`).
 */

function encode(payload: unknown): string {
  return Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
}

function decode<T>(cursor: string, schema: z.ZodType<T>): T {
  try {
    return schema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    // Any malformed or forged cursor is the same client error.
    throw new AppError("VALIDATION", "The cursor is not one this list issued.", [{ path: "cursor", message: "Invalid cursor" }]);
  }
}

const ZIdCursor = z.object({ id: z.string().min(1).max(100) });

export function encodeIdCursor(id: string): string {
  return encode({ id });
}

export function decodeIdCursor(cursor: string): string {
  return decode(cursor, ZIdCursor).id;
}

/** Splits a page fetched with `limit + 1` rows (ordered by id) into items and the next cursor. */
export function pageOf<T extends { id: string }>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeIdCursor(items[items.length - 1]!.id) : null };
}

/** The keyset of a list ordered by start time: the (startsAt, id) of a page's last item. */
export type StartsAtCursor = { startsAt: Date; id: string };

const ZStartsAtCursor = z
  .tuple([z.string(), z.string()])
  .transform(([startsAt, id]): StartsAtCursor => ({ startsAt: new Date(startsAt), id }))
  .refine((cursor) => !Number.isNaN(cursor.startsAt.getTime()));

export function encodeStartsAtCursor(cursor: StartsAtCursor): string {
  return encode([cursor.startsAt.toISOString(), cursor.id]);
}

export function decodeStartsAtCursor(cursor: string): StartsAtCursor {
  return decode(cursor, ZStartsAtCursor);
}

/** Splits a page fetched with `limit + 1` rows, ordered by a time (`timeOf`) then id, into items and the next cursor. */
export function startsAtPageOf<T extends { id: string }>(
  rows: T[],
  limit: number,
  timeOf: (row: T) => Date,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeStartsAtCursor({ startsAt: timeOf(last), id: last.id }) : null };
}

const ZChangedCursor = z
  .object({ u: z.string(), id: z.string().min(1).max(100) })
  .transform(({ u, id }) => ({ updatedAt: new Date(u), id }))
  .refine((cursor) => !Number.isNaN(cursor.updatedAt.getTime()));

/**
 * A sync list: rows changed at or after `since` (inclusive, so a change in the same millisecond as the
 * last sync is not lost), ordered by (updatedAt, id) and continued after the cursor's row. The shapes are
 * the same for every model with `updatedAt` and `id`, so the data layers pass them to Prisma as they are.
 */
export function changedSince(since: Date, cursor: string | undefined) {
  const after = cursor === undefined ? undefined : decode(cursor, ZChangedCursor);
  return {
    where: after
      ? { OR: [{ updatedAt: { gt: after.updatedAt } }, { updatedAt: after.updatedAt, id: { gt: after.id } }] }
      : { updatedAt: { gte: since } },
    orderBy: [{ updatedAt: "asc" as const }, { id: "asc" as const }],
  };
}

/** Splits a sync page fetched with `limit + 1` rows into items and the cursor of its last change. */
export function changedPageOf<T extends { id: string; updatedAt: Date }>(
  rows: T[],
  limit: number,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encode({ u: last.updatedAt.toISOString(), id: last.id }) : null };
}
