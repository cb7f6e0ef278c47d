import { OpenAPIRegistry, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { ZProblem } from "@/lib/api/schemas/common";

/**
 * Describes each operation once, from the same zod schemas the handlers validate with, and adds the
 * behaviour every route shares (auth, rate limit, problem responses) so no operation forgets it.
 */
export const registry = new OpenAPIRegistry();
// Components are named with zod's own `.meta({ id })` rather than `registry.register`, which relies on
// patching zod's prototype: under plain Node the library loads zod's CommonJS build, a different copy.
const Problem = ZProblem.meta({ id: "Problem" });
registry.registerComponent("securitySchemes", "apiKey", {
  type: "http",
  scheme: "bearer",
  description: "An API key (`pb_…`) in `Authorization: Bearer`. Session cookies are not accepted.",
});

const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: Problem } } });

const rateLimitHeaders = z.object({
  "X-Request-Id": z.string().meta({ description: "Echoes a valid incoming X-Request-Id, else a new id." }),
  RateLimit: z.string().meta({ description: 'Remaining requests and seconds to reset, e.g. "per-key";r=119;t=42' }),
  "RateLimit-Policy": z.string().meta({ description: 'The limit, e.g. "per-key";q=120;w=60' }),
});

type Operation = {
  method: "get" | "post" | "patch" | "delete";
  path: string;
  summary: string;
  tag: string;
  scope?: string;
  description?: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  bodyOptional?: boolean;
  success: { status: number; description: string; schema: z.ZodType; etag?: boolean };
  errors?: Record<number, string>;
};

export function registerOperation(op: Operation): void {
  const writes = op.method !== "get";
  const auth = op.scope ? `Requires scope \`${op.scope}\`.` : "Any valid API key.";
  const headers: z.ZodObject = op.success.etag
    ? rateLimitHeaders.extend({ ETag: z.string().meta({ description: "The version; send it back in If-Match." }) })
    : rateLimitHeaders;
  const requestHeaders: z.ZodObject[] = [];
  if (op.method === "post") {
    requestHeaders.push(
      z.object({ "Idempotency-Key": z.string().max(255).optional().meta({ description: "Replays the first response for 24 h." }) }),
    );
  }
  if ((op.method === "patch" || op.method === "delete") && op.success.etag) {
    requestHeaders.push(z.object({ "If-Match": z.string().meta({ description: "The ETag from your last GET.", example: '"3"' }) }));
  }
  const route: RouteConfig = {
    method: op.method,
    path: op.path,
    summary: op.summary,
    description: [op.description, auth].filter(Boolean).join("\n\n"),
    tags: [op.tag],
    security: [{ apiKey: [] }],
    request: {
      params: op.params,
      query: op.query,
      headers: requestHeaders,
      body: op.body ? { required: !op.bodyOptional, content: { "application/json": { schema: op.body } } } : undefined,
    },
    responses: {
      [op.success.status]: { description: op.success.description, headers, content: { "application/json": { schema: op.success.schema } } },
      ...(writes ? { 400: problem("Malformed JSON or header") } : {}),
      401: problem("Missing, malformed, revoked or expired API key"),
      403: problem("The key lacks the scope, or its owner the role"),
      ...(op.params ? { 404: problem("Not found (or not visible to this key)") } : {}),
      ...(writes ? { 413: problem("Body over 64 KB"), 415: problem("Body is not application/json") } : {}),
      422: problem("Validation failed; `errors[]` names the fields (unknown fields included)"),
      429: problem("Rate limit exceeded; see Retry-After"),
      ...Object.fromEntries(Object.entries(op.errors ?? {}).map(([status, text]) => [status, problem(text)])),
    },
  };
  registry.registerPath(route);
}
