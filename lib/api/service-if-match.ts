import { requireIfMatch, staleEtag } from "@/lib/api/etag";

/** If-Match for a service: its ETag is the last-update time in milliseconds; "*" means any. */
export function requireServiceIfMatch(request: Request): Date | undefined {
  const token = requireIfMatch(request);
  if (token === "*") return undefined;
  const millis = Number(token);
  if (!Number.isSafeInteger(millis)) throw staleEtag();
  return new Date(millis);
}
