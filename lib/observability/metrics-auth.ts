import { createHash, timingSafeEqual } from "node:crypto";

export type ScrapeAuthorization = "allowed" | "disabled" | "unauthorized";

/**
 * Who may scrape /api/metrics. Without METRICS_TOKEN the endpoint does not exist (404: nothing to
 * discover); with it, only `Authorization: Bearer <token>` passes (401 otherwise).
 */
export function authorizeScrape(authorization: string | null, token: string | undefined): ScrapeAuthorization {
  if (!token) return "disabled";
  const presented = authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  if (!presented) return "unauthorized";
  // Compare fixed-length digests in constant time, so response timing leaks nothing about the token.
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(presented), digest(token)) ? "allowed" : "unauthorized";
}
