/**
 * The security headers every response carries. The Content-Security-Policy follows the Next.js guide for
 * nonces: scripts run only with this request's nonce, and 'strict-dynamic' lets those scripts load Next's
 * chunks. Pages must render dynamically so Next can stamp the nonce on its own <script> tags.
 */

export type ContentSecurityPolicyOptions = { nonce: string; development: boolean };

export function buildContentSecurityPolicy({ nonce, development }: ContentSecurityPolicyOptions): string {
  const directives = [
    "default-src 'self'",
    // React's development build evaluates strings for its debugging aids; production never needs eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // The dev server injects unnonced <style> tags for hot reloading. In production, style elements need the
    // nonce, while style *attributes* (React's style={…}, e.g. a stylist's colour) stay allowed: they cannot
    // run code, and forbidding them would break ordinary components.
    development ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(development ? [] : ["upgrade-insecure-requests"]),
  ];
  return directives.join("; ");
}

/** A fresh, unguessable nonce for one response. */
export function createNonce(): string {
  return Buffer.from(crypto.randomUUID()).toString("base64");
}

export type SecurityHeaderOptions = { production: boolean };

/** Headers that do not depend on the request. HSTS only in production: local http must keep working. */
export function staticSecurityHeaders({ production }: SecurityHeaderOptions): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    // Legacy browsers ignore frame-ancestors; this is their equivalent.
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    ...(production ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/**
 * For JSON API responses, which the proxy does not see (it runs for pages and the app's own routes): the
 * same static headers, and a CSP that lets a response do nothing if a browser ever renders it.
 */
export function apiSecurityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return { ...staticSecurityHeaders(options), "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'" };
}
