import { decodeCursor, ZLimit } from "@/lib/api/cursor";
import { validate } from "@/lib/api/validate";

/** `limit` and `cursor` of a list request, already validated by the route's query schema as strings. */
export function pageParams(query: { limit?: string; cursor?: string }): { limit: number; cursorId?: string } {
  const limit = validate(ZLimit, query.limit ?? undefined, "query");
  return { limit, ...(query.cursor && { cursorId: decodeCursor(query.cursor) }) };
}
