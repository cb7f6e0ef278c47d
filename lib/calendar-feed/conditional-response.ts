import { createHash } from "node:crypto";

/**
 * The feed's answer with its validators. Calendar apps poll every few minutes; a 304 costs them (and us)
 * no body. The ETag is the body's hash, so any change (a removed time off included) is a new tag;
 * If-Modified-Since is honoured only without If-None-Match, as RFC 9110 §13.1.3 orders.
 */
export function conditionalCalendarResponse(request: Request, body: string, lastModified: Date): Response {
  const etag = `"${createHash("sha256").update(body, "utf8").digest("base64url").slice(0, 27)}"`;
  // HTTP dates have whole seconds: compare at that precision, or a client's echo never matches.
  const modifiedSeconds = Math.floor(lastModified.getTime() / 1000);
  const headers = {
    ETag: etag,
    "Last-Modified": new Date(modifiedSeconds * 1000).toUTCString(),
    "Cache-Control": "private, no-cache",
  };
  const ifNoneMatch = request.headers.get("if-none-match");
  const ifModifiedSince = request.headers.get("if-modified-since");
  const notModified = ifNoneMatch
    ? ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag || tag.trim() === "*")
    : ifModifiedSince !== null && Date.parse(ifModifiedSince) >= modifiedSeconds * 1000;
  if (notModified) return new Response(null, { status: 304, headers });
  return new Response(body, { headers: { ...headers, "Content-Type": "text/calendar; charset=utf-8" } });
}
