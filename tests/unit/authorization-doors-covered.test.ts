import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ACTION_MATRIX, API_MATRIX, OTHER_ROUTE_FILES, PUBLIC_API_FILES } from "../support/authorization-doors";

/** Fails when a door exists that the authorization matrix (tests/integration/authorization-matrix.test.ts) does not list. */

const ROOT = join(import.meta.dirname, "../..");

function filesUnder(dir: string, match: (name: string) => boolean): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && match(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

const exported = (source: string) =>
  [...source.matchAll(/export (?:async )?function (\w+)|export const (\w+)\s*=/g)].map((m) => m[1] ?? m[2]!);
const exportedMethods = (source: string) =>
  [
    ...new Set([
      ...exported(source),
      ...[...source.matchAll(/export \{([^}]*)\}/g)].flatMap((m) =>
        m[1]!.split(",").map((part) =>
          part
            .trim()
            .split(/\s+as\s+/)
            .at(-1)!,
        ),
      ),
    ]),
  ]
    .filter((name) => /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/.test(name))
    .sort();

describe("the authorization matrix covers every door", () => {
  it('lists every export of every "use server" file', () => {
    const serverFiles = filesUnder("lib", (name) => name.endsWith(".ts")).filter((file) =>
      /^["']use server["'];/m.test(readFileSync(join(ROOT, file), "utf8")),
    );
    const found = Object.fromEntries(
      serverFiles.map((file) => [file.replace(/^lib\//, "").replace(/\.ts$/, ""), exported(readFileSync(join(ROOT, file), "utf8")).sort()]),
    );
    const listed = Object.fromEntries(Object.entries(ACTION_MATRIX).map(([module, actions]) => [module, Object.keys(actions).sort()]));
    expect(listed).toEqual(found);
  });

  it("lists every method of every /api/v1 route file, and names every other route file's guard", () => {
    const routeFiles = filesUnder("app", (name) => name === "route.ts").map((file) => file.replace(/^app\//, ""));
    const v1 = routeFiles.filter((file) => file.startsWith("api/v1/")).map((file) => file.replace(/^api\/v1\//, ""));
    const found = Object.fromEntries(
      v1
        .filter((file) => !PUBLIC_API_FILES.includes(file))
        .map((file) => [file, exportedMethods(readFileSync(join(ROOT, "app/api/v1", file), "utf8"))]),
    );
    const listed = Object.fromEntries(
      Object.entries(API_MATRIX).map(([file, row]) => [file, [...Object.keys(row.methods), ...row.notAllowed].sort()]),
    );
    expect(listed).toEqual(found);
    expect(routeFiles.filter((file) => !file.startsWith("api/v1/")).sort()).toEqual(Object.keys(OTHER_ROUTE_FILES).sort());
    expect(v1.filter((file) => PUBLIC_API_FILES.includes(file)).sort()).toEqual([...PUBLIC_API_FILES].sort());
  });
});
