/**
 * The route pattern of an /api/v1 path, for metric labels: ids collapse to their `[param]` and anything
 * unknown to the catch-all, so a client probing random paths cannot grow the label set. One entry per
 * route file under app/api/v1 (a unit test walks the folder, so a new route cannot be forgotten).
 */
const ROUTES = [
  "appointments",
  "appointments/[id]",
  "availability",
  "customers",
  "customers/[id]",
  "me",
  "openapi.json",
  "reports/summary",
  "salon",
  "services",
  "services/[id]",
  "staff",
  "staff/[id]",
  "visits",
  "visits/[id]",
  "waitlist",
  "waitlist/[id]",
  "webhooks",
  "webhooks/[id]",
  "webhooks/[id]/deliveries",
  "webhooks/[id]/deliveries/[deliveryId]/replay",
  "webhooks/[id]/rotate-secret",
  "webhooks/[id]/test",
].map((route) => route.split("/"));
const CATCH_ALL = "/api/v1/[...path]";

const isParam = (segment: string) => segment.startsWith("[") && segment.endsWith("]");

export function apiRoutePattern(pathname: string): string {
  const segments = pathname
    .replace(/^\/api\/v1\/?/, "")
    .split("/")
    .filter(Boolean);
  const route = ROUTES.find(
    (candidate) => candidate.length === segments.length && candidate.every((part, i) => isParam(part) || part === segments[i]),
  );
  return route ? `/api/v1/${route.join("/")}` : CATCH_ALL;
}
