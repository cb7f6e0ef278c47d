import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSchemaEngineWasm } from "../../scripts/prisma/engine-wasm.mjs";

/**
 * The pair reviewed together (docs: CONTRIBUTING.md, "The schema engine pin"). No WASM build of the CLI's
 * own engine commit is published, so the shim runs the next build of the same 8.1.0 engine line. Bumping
 * either package fails this test until the new pair is checked and recorded here.
 */
const REVIEWED_PAIR = {
  prismaCli: "7.10.1",
  cliEngines: "8.1.0-1.d1b3f377ca835d73fd50954a5e22128b9ebdd6b8",
  schemaEngineWasm: "8.1.0-2.59be4fda12412a79eeb9c2ae727b6aa723593323",
};

const require = createRequire(import.meta.url);
type PackageJson = { version: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
const readJson = (path: string) => JSON.parse(readFileSync(path, "utf8")) as PackageJson;

const project = readJson(join(import.meta.dirname, "../../package.json"));
const prismaCli = readJson(require.resolve("prisma/package.json"));
// The engines version the CLI itself depends on, resolved the way the CLI resolves it.
const enginesDir = dirname(require.resolve("@prisma/engines/package.json", { paths: [dirname(require.resolve("prisma/package.json"))] }));
const cliEngines = readJson(require.resolve("@prisma/engines-version/package.json", { paths: [enginesDir] }));
// The package's exports hide package.json; its bindings file sits beside it.
const wasm = readJson(join(dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "package.json"));

/** "8.1.0-2.59be…" → { line: "8.1.0", build: 2, commit: "59be…" } */
function engineVersion(version: string) {
  const match = /^(\d+\.\d+\.\d+)-(\d+)\.([0-9a-f]{40})$/.exec(version);
  if (!match) throw new Error(`not an engine version: ${version}`);
  return { line: match[1], build: Number(match[2]), commit: match[3] };
}

describe("the offline schema engine stays on the Prisma CLI's engine", () => {
  it("pins the WASM engine and the CLI exactly, as installed", () => {
    expect(project.devDependencies?.["@prisma/schema-engine-wasm"]).toBe(wasm.version);
    expect(project.devDependencies?.prisma).toBe(prismaCli.version);
  });

  it("runs a WASM engine of the same engine line as the CLI's engines", () => {
    expect(engineVersion(wasm.version).line).toBe(engineVersion(cliEngines.version).line);
  });

  it("changes the CLI and the WASM engine only together, as a reviewed pair", () => {
    expect({ prismaCli: prismaCli.version, cliEngines: cliEngines.version, schemaEngineWasm: wasm.version }).toEqual(REVIEWED_PAIR);
  });

  it("loads the engine build its package names (what `prisma --version` shows as Schema Engine)", async () => {
    const { version } = await loadSchemaEngineWasm();
    expect(version()).toBe(engineVersion(wasm.version).commit);
  }, 30_000);
});
