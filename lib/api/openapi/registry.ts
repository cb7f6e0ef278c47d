import { OpenAPIRegistry, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { sharedErrorResponses, type ProducedStatus } from "@/lib/api/openapi/shared-responses";
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

const header = (description: string, schema: { type: "string" } | { type: "integer" } = { type: "string" }, required = true) => ({
  description,
  required,
  schema,
});

/** Response headers, each described once and referenced by name from every response that sends it. */
export const RESPONSE_HEADERS = {
  "X-Request-Id": header("Echoes a valid incoming X-Request-Id, else a new id. On every response."),
  RateLimit: header('Remaining requests and seconds to reset, e.g. "per-key";r=119;t=42'),
  "RateLimit-Policy": header('The limit, e.g. "per-key";q=120;w=60'),
  ETag: header("The version; send it back in If-Match."),
  Location: header("The URL of the created resource."),
  "Retry-After": header("Seconds to wait before retrying.", { type: "integer" }),
  "WWW-Authenticate": header('The scheme to use: `Bearer realm="pamper-book"`.'),
  "Idempotent-Replayed": header(
    '"true" when this answer replays an earlier request with the same Idempotency-Key.',
    { type: "string" },
    false,
  ),
} as const;
export type ResponseHeader = keyof typeof RESPONSE_HEADERS;
for (const [name, definition] of Object.entries(RESPONSE_HEADERS)) registry.registerComponent("headers", name, definition);

const refs = (names: readonly ResponseHeader[]) =>
  Object.fromEntries(names.map((name) => [name, { $ref: `#/components/headers/${name}` }]));

/** Tags group operations in the reference; each needs a description (the linters insist, and so do readers). */
export const TAGS = {
  Appointments: "Book, read, reschedule and cancel appointments.",
  Visits: "Several services booked as one visit: whole or not at all, moved and cancelled whole.",
  Availability: "Bookable times, computed from hours, time off, bookings, notice and horizon.",
  Services: "What the salon offers: duration, price, buffers.",
  Staff: "Stylists and the services they perform.",
  Customers: "The salon's customers (staff keys).",
  Salon: "The salon's settings: timezone, currency and booking rules.",
  Reports: "Headline figures over a range of the salon's local dates.",
  Webhooks: "Signed events pushed to your endpoints, their delivery log and replays (admin keys).",
  Waitlist: "Customers waiting for a time; a freed time is offered to the matching entries.",
  Me: "The key you hold: its owner, role and scopes.",
} as const;
export type Tag = keyof typeof TAGS;

type Operation = {
  method: "get" | "post" | "patch" | "delete";
  path: string;
  /** Stable camelCase name; generated clients name their methods after it. */
  operationId: string;
  summary: string;
  tag: Tag;
  scope?: string;
  description?: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  bodyOptional?: boolean;
  success: { status: number; description: string; /** Absent only for a 204. */ schema?: z.ZodType; etag?: boolean; location?: boolean };
  /** Statuses this operation's own handler produces, beyond what the wrapper does for every route. */
  errors?: Partial<Record<ProducedStatus, string>>;
};

const problem = (description: string, headers: readonly ResponseHeader[]) => ({
  description,
  headers: refs(["X-Request-Id", ...headers]),
  content: { "application/problem+json": { schema: Problem } },
});

export function registerOperation(op: Operation): void {
  const auth = op.scope ? `Requires scope \`${op.scope}\`.` : "Any valid API key.";
  const successHeaders: ResponseHeader[] = ["X-Request-Id", "RateLimit", "RateLimit-Policy"];
  if (op.success.etag) successHeaders.push("ETag");
  if (op.success.location) successHeaders.push("Location");
  if (op.method === "post") successHeaders.push("Idempotent-Replayed");
  const requestHeaders: z.ZodObject[] = [];
  if (op.method === "post") {
    requestHeaders.push(
      z.object({ "Idempotency-Key": z.string().max(255).optional().meta({ description: "Replays the first response for 24 h." }) }),
    );
  }
  if ((op.method === "patch" || op.method === "delete") && op.success.etag) {
    requestHeaders.push(z.object({ "If-Match": z.string().meta({ description: "The ETag from your last GET.", example: '"3"' }) }));
  }
  if (op.method === "get" && op.success.etag) {
    requestHeaders.push(
      z.object({ "If-None-Match": z.string().optional().meta({ description: "An ETag you hold: 304 when unchanged.", example: '"3"' }) }),
    );
  }
  const shared = sharedErrorResponses({
    method: op.method,
    hasParams: op.params !== undefined,
    etag: op.success.etag ?? false,
    scoped: op.scope !== undefined,
    validates: op.query !== undefined || op.body !== undefined,
  });
  const errors = { ...shared.errors };
  for (const [status, text] of Object.entries(op.errors ?? {})) {
    const code = Number(status) as ProducedStatus;
    errors[code] = errors[code]
      ? { ...errors[code], description: `${errors[code].description}; ${text}` }
      : { description: text, headers: [] };
  }
  const route: RouteConfig = {
    method: op.method,
    path: op.path,
    operationId: op.operationId,
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
      [op.success.status]: {
        description: op.success.description,
        headers: refs(successHeaders),
        // A 204 carries no body, so it declares no content.
        ...(op.success.schema && { content: { "application/json": { schema: op.success.schema } } }),
      },
      ...(shared.notModified && {
        304: {
          description: "Not modified: the If-None-Match ETag is current",
          headers: refs(["X-Request-Id", "ETag", "RateLimit", "RateLimit-Policy"]),
        },
      }),
      ...Object.fromEntries(
        Object.entries(errors)
          .sort(([a], [b]) => Number(a) - Number(b))
          .map(([status, response]) => [status, problem(response.description, response.headers)]),
      ),
      default: problem("Unexpected server error (500); always problem+json", []),
    },
  };
  registry.registerPath(route);
}
