import { AppError } from "@/lib/errors";

/**
 * Keyset cursor for appointment lists: the (startsAt, id) of the last item of a page. Opaque to clients
 * (base64url JSON) so the ordering key can change without breaking their contract.
 */
export type ListCursor = { startsAt: Date; id: string };

export function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify([cursor.startsAt.toISOString(), cursor.id]), "utf8").toString("base64url");
}

export function decodeCursor(value: string): ListCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === "string" && typeof parsed[1] === "string") {
      const startsAt = new Date(parsed[0]);
      if (!Number.isNaN(startsAt.getTime())) return { startsAt, id: parsed[1] };
    }
  } catch {
    // Fall through: any malformed cursor is the same client error.
  }
  throw new AppError("VALIDATION", "The cursor is invalid.", [{ path: "cursor", message: "Invalid cursor." }]);
}
