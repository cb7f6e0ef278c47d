/**
 * The route pattern of an /api/v1 path, for metric labels: ids collapse to `[id]` and anything unknown to
 * the catch-all, so a client probing random paths cannot grow the label set.
 */
const COLLECTIONS = new Set(["appointments", "customers", "services", "staff"]);
const SINGLETONS = new Set(["availability", "me", "openapi.json"]);
const CATCH_ALL = "/api/v1/[...path]";

export function apiRoutePattern(pathname: string): string {
  const segments = pathname
    .replace(/^\/api\/v1\/?/, "")
    .split("/")
    .filter(Boolean);
  const [resource, id, ...rest] = segments;
  if (!resource || rest.length > 0) return CATCH_ALL;
  if (SINGLETONS.has(resource) && id === undefined) return `/api/v1/${resource}`;
  if (COLLECTIONS.has(resource)) return id === undefined ? `/api/v1/${resource}` : `/api/v1/${resource}/[id]`;
  return CATCH_ALL;
}
