import { z } from "zod";
import { AppError } from "@/lib/errors";

/**
 * Cursors are opaque to clients (base64url JSON of the last row's id), so the ordering behind them can
 * change without breaking anyone who just follows `nextCursor`.
 */
export function encodeCursor(id: string): string {
  return Buffer.from(JSON.stringify({ id })).toString("base64url");
}

const ZCursorPayload = z.object({ id: z.string().min(1).max(100) });

export function decodeCursor(cursor: string): string {
  try {
    return ZCursorPayload.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"))).id;
  } catch {
    throw new AppError("VALIDATION", "The cursor is not one this API issued.", [{ path: "cursor", message: "Invalid cursor" }]);
  }
}

/** Splits a page fetched with `limit + 1` rows into items and the next cursor. */
export function pageOf<T extends { id: string }>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]!.id) : null };
}
