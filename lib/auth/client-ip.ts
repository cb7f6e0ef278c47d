import { env } from "@/lib/env";

/**
 * The client's address for per-IP limits, counted from the right of X-Forwarded-For: each of the
 * `trustedHops` proxies in front of the app appended the address it accepted the connection from, so the
 * entry `trustedHops` places from the end is the client as the outermost trusted proxy saw it. Entries
 * further left are whatever the client sent and are never used, so rotating them changes nothing.
 *
 * With no proxy (0 hops) the app would need the socket's address, which Next 16 does not expose to route
 * handlers or server actions: its server only fills X-Forwarded-For from the socket when the request has
 * none. So at 0 hops the last entry is the socket address for a client that sends no such header, and
 * the client's own last value otherwise; run production behind a proxy that appends to the header and
 * set TRUSTED_PROXY_HOPS (docs/DEPLOYMENT.md). Per-account limits never depend on the address.
 */
export function clientIp(headers: Headers, trustedHops = env().TRUSTED_PROXY_HOPS): string | null {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Fewer entries than hops: a request that skipped a proxy; the leftmost is the best we know.
  return entries[Math.max(0, entries.length - 1 - trustedHops)] ?? null;
}
