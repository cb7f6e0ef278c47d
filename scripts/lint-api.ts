import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openApiDocument } from "../lib/api/openapi/document";
import { runMain } from "./lib/run-main";

/**
 * Lints the served OpenAPI document with two maintained linters (Redocly's recommended rules, Spectral's
 * spectral:oas), failing on any warning: generated clients trust what the spec says, so it must say it cleanly.
 */
const LINTED_ORIGIN = "https://book.pamper-book.test";

runMain(async () => {
  const dir = mkdtempSync(join(tmpdir(), "pamper-openapi-"));
  const file = join(dir, "openapi.json");
  // Linted as a deployment serves it (an https origin), not as a laptop's localhost.
  writeFileSync(file, JSON.stringify(openApiDocument(LINTED_ORIGIN), null, 2));
  try {
    const linters = [
      ["redocly", "lint", "--config", "redocly.yaml", "--max-problems", "200", file],
      ["spectral", "lint", "--ruleset", ".spectral.yaml", "--fail-severity", "warn", file],
    ];
    const failed = linters.filter(
      ([bin, ...args]) =>
        spawnSync(join("node_modules", ".bin", bin!), args, {
          stdio: "inherit",
          // Offline and quiet in CI: no usage reporting, no update check.
          env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
        }).status !== 0,
    );
    if (failed.length) throw new Error(`The OpenAPI document has lint problems (${failed.map(([bin]) => bin).join(", ")}).`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
