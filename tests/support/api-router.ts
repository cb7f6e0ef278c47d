import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { assertConformsToSpec } from "./spec-conformance";

/**
 * Finds every route handler file under app/api/v1 and dispatches Requests to them as Next would:
 * static segments first, then [param] segments, then the [...path] catch-all. Lets tests (and the typed
 * openapi-fetch client) drive the whole API in-process.
 */

const ROOT = join(process.cwd(), "app", "api", "v1");
type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
export type RouteModule = Partial<Record<string, Handler>>;
export type RouteFile = { file: string; template: string; segments: string[]; catchAll: boolean };

export function routeFiles(): RouteFile[] {
  const files = readdirSync(ROOT, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(`${sep}route.ts`) || f === "route.ts");
  return files.map((file) => {
    const segments = relative(ROOT, join(ROOT, file)).split(sep).slice(0, -1);
    const template = "/" + segments.map((s) => s.replace(/^\[(\w+)\]$/, "{$1}")).join("/");
    return { file: join(ROOT, file), template, segments, catchAll: segments.some((s) => s.startsWith("[...")) };
  });
}

const modules = new Map<string, Promise<RouteModule>>();
export function loadRoute(file: string): Promise<RouteModule> {
  if (!modules.has(file)) modules.set(file, import(file) as Promise<RouteModule>);
  return modules.get(file)!;
}

function match(route: RouteFile, parts: string[]): Record<string, string> | undefined {
  if (route.catchAll || route.segments.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, segment] of route.segments.entries()) {
    const param = /^\[(\w+)\]$/.exec(segment)?.[1];
    if (param) params[param] = decodeURIComponent(parts[i]!);
    else if (segment !== parts[i]) return undefined;
  }
  return params;
}

/**
 * A `fetch` that answers /api/v1 requests with the route handlers (no server), holding every answer to
 * the OpenAPI contract.
 */
export async function dispatch(request: Request): Promise<Response> {
  const method = request.method;
  const response = await route(request);
  const text = await response.clone().text();
  const json = text && response.headers.get("content-type")?.includes("json") ? (JSON.parse(text) as unknown) : text || undefined;
  assertConformsToSpec(method, request.url, response.status, response.headers, json);
  return response;
}

async function route(request: Request): Promise<Response> {
  const parts = new URL(request.url).pathname
    .replace(/^\/api\/v1\/?/, "")
    .split("/")
    .filter(Boolean);
  const routes = routeFiles().sort(
    (a, b) => a.segments.filter((s) => s.startsWith("[")).length - b.segments.filter((s) => s.startsWith("[")).length,
  );
  for (const route of routes) {
    const params = match(route, parts);
    if (!params) continue;
    return invoke(route, request, params);
  }
  const catchAll = routes.find((r) => r.catchAll)!;
  return invoke(catchAll, request, { path: parts } as unknown as Record<string, string>);
}

async function invoke(route: RouteFile, request: Request, params: Record<string, string>): Promise<Response> {
  const handler = (await loadRoute(route.file))[request.method];
  // Next answers a method the file does not export with a bare 405; our files export every method.
  if (!handler) return new Response(null, { status: 405 });
  return handler(request, { params: Promise.resolve(params) });
}
