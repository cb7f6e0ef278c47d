import { createHash, randomBytes } from "node:crypto";

/**
 * One-time tokens for email links. The raw token only ever travels in the email; the database keeps its
 * SHA-256, so a leaked database backup cannot be replayed as verification or reset links.
 */
export function createOneTimeToken(): { raw: string; hashed: string } {
  const raw = randomBytes(32).toString("base64url");
  return { raw, hashed: hashToken(raw) };
}

export function hashToken(raw: string): string {
  return createHash("sha256").update(raw).digest("hex");
}

/** VerificationToken.identifier says what a token is for, so a reset token cannot verify an email. */
export type TokenPurpose = "verify-email" | "reset-password" | "sign-in-link" | "invitation";

export function tokenIdentifier(purpose: TokenPurpose, email: string): string {
  return `${purpose}:${email}`;
}

export function emailFromIdentifier(purpose: TokenPurpose, identifier: string): string | null {
  const prefix = `${purpose}:`;
  return identifier.startsWith(prefix) ? identifier.slice(prefix.length) : null;
}

export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  "verify-email": 24 * 60 * 60_000,
  "reset-password": 60 * 60_000,
  // A sign-in link is as good as a password: short-lived.
  "sign-in-link": 15 * 60_000,
  // Long enough for someone invited on Friday to join on Monday.
  invitation: 7 * 24 * 60 * 60_000,
};
