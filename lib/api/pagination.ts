import { decodeIdCursor } from "@/lib/cursor";

export const DEFAULT_LIMIT = 20;
/** Larger pages are capped rather than refused, so a client asking for "everything" still gets a page. */
export const MAX_LIMIT = 100;

/** `limit` and `cursor` of a list request, already validated by the route's query schema. */
export function pageParams(query: { limit?: number; cursor?: string }): { limit: number; cursorId?: string } {
  const limit = Math.min(query.limit ?? DEFAULT_LIMIT, MAX_LIMIT);
  return { limit, ...(query.cursor && { cursorId: decodeIdCursor(query.cursor) }) };
}
