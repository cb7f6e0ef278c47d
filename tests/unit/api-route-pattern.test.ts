import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { apiRoutePattern } from "@/lib/api/route-pattern";

/** The metric label of an /api/v1 request is its route file's pattern, never the raw path. */

const API_DIR = join(process.cwd(), "app/api/v1");

function routePatterns(dir = API_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return routePatterns(join(dir, entry.name));
    if (entry.name !== "route.ts") return [];
    const path = relative(API_DIR, dir).split(sep).filter(Boolean).join("/");
    return [`/api/v1${path ? `/${path}` : ""}`];
  });
}

describe("apiRoutePattern", () => {
  it("names every route file's pattern for a concrete path of that route", () => {
    const patterns = routePatterns();
    expect(patterns.length).toBeGreaterThan(5);
    for (const pattern of patterns) {
      const concrete = pattern.replace("[id]", "3f2a9c1e-0000-4000-8000-000000000000").replace("[...path]", "no/such/thing");
      expect(apiRoutePattern(concrete), concrete).toBe(pattern);
    }
  });

  it("collapses unknown and over-long paths to the catch-all, so probing cannot grow the label set", () => {
    for (const path of ["/api/v1", "/api/v1/", "/api/v1/admin", "/api/v1/me/extra", "/api/v1/appointments/a/b", "/api/v1/availability/x"]) {
      expect(apiRoutePattern(path), path).toBe("/api/v1/[...path]");
    }
  });
});
