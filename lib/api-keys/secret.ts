import { createHash, randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/** 43 base62 characters ≈ 256 bits: unguessable, and still copy-paste friendly (no symbols). */
const SECRET_LENGTH = 43;
export const KEY_PREFIX = "pb_";
/** `pb_` plus the first 8 secret characters: shown in listings and used to find the row. */
const LOOKUP_PREFIX_LENGTH = KEY_PREFIX.length + 8;

export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // 248 = 4 × 62: rejecting bytes ≥ 248 keeps every character equally likely.
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

export function generateApiKey(): { key: string; prefix: string; hashedKey: string } {
  const key = KEY_PREFIX + randomBase62(SECRET_LENGTH);
  return { key, prefix: lookupPrefixOf(key)!, hashedKey: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

const KEY_SHAPE = new RegExp(`^${KEY_PREFIX}[0-9A-Za-z]{${SECRET_LENGTH}}$`);

/** The lookup prefix of a well-formed key, or undefined (so malformed keys never reach the database). */
export function lookupPrefixOf(key: string): string | undefined {
  return KEY_SHAPE.test(key) ? key.slice(0, LOOKUP_PREFIX_LENGTH) : undefined;
}
