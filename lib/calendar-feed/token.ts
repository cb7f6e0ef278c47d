import { createHash } from "node:crypto";
import { randomBase62 } from "@/lib/api-keys/secret";

/** 43 base62 characters ≈ 256 bits: the link is the only credential, so it must be unguessable. */
const TOKEN_LENGTH = 43;
const TOKEN_SHAPE = /^[0-9A-Za-z]{43}$/;

export function generateCalendarFeedToken(): { token: string; tokenHash: string } {
  const token = randomBase62(TOKEN_LENGTH);
  return { token, tokenHash: hashCalendarFeedToken(token) };
}

export function hashCalendarFeedToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The token of a feed file name (`<token>.ics`), or undefined for anything else. */
export function tokenOfFeedFile(file: string): string | undefined {
  const token = file.endsWith(".ics") ? file.slice(0, -".ics".length) : "";
  return TOKEN_SHAPE.test(token) ? token : undefined;
}
