import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { REQUEST_ID_HEADER, resolveRequestId } from "@/lib/observability/request-id";
import { buildContentSecurityPolicy, createNonce, staticSecurityHeaders } from "@/lib/observability/security-headers";

/**
 * Runs before every route: gives the request its id, its CSP nonce and the security headers. It is not an
 * authorisation layer — pages, actions and route handlers check access themselves.
 */
export function proxy(request: NextRequest) {
  const production = process.env.NODE_ENV === "production";

  // Next uses this header internally to mark its own subrequests; from outside it has been used to skip
  // the proxy entirely (CVE-2025-29927). Nobody outside has a reason to send it.
  if (request.headers.has("x-middleware-subrequest")) {
    return new NextResponse("Forbidden", { status: 403, headers: staticSecurityHeaders({ production }) });
  }

  const requestId = resolveRequestId(request.headers.get(REQUEST_ID_HEADER), env().TRUSTED_PROXY);
  const nonce = createNonce();
  const contentSecurityPolicy = buildContentSecurityPolicy({ nonce, development: !production });

  // Next reads the nonce from the request's CSP header while rendering and stamps it on its scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", contentSecurityPolicy);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  response.headers.set("Content-Security-Policy", contentSecurityPolicy);
  for (const [name, value] of Object.entries(staticSecurityHeaders({ production }))) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything except hashed static assets, which carry no request-specific headers and are served hot.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/v1/).*)"],
};
