#!/usr/bin/env node
// @ts-check
// Runs the real Prisma CLI with our WASM-backed schema engine
// (./schema-engine.mjs) in place of the native binary it cannot download here.
//
//   node scripts/prisma/cli.mjs migrate dev --name init
//
// or from another script:
//
//   import { runPrisma } from './scripts/prisma/cli.mjs';
//   const code = await runPrisma(['migrate', 'deploy'], { env: { DATABASE_URL } });
import { spawn } from "node:child_process";
import { realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

export const schemaEngineShimPath = fileURLToPath(new URL("./schema-engine.mjs", import.meta.url));

// The CLI entry point (the package's `bin`), resolved from this project.
const prismaCliPath = require.resolve("prisma/build/index.js");

/**
 * Runs `prisma ...args` with inherited stdio.
 * @param {string[]} args
 * @param {{ env?: Record<string, string | undefined>, cwd?: string }} [options] env is merged over process.env
 * @returns {Promise<number>} the CLI's exit code
 */
export function runPrisma(args, { env = {}, cwd } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [prismaCliPath, ...args], {
      cwd,
      stdio: "inherit",
      env: {
        ...process.env,
        PRISMA_SCHEMA_ENGINE_BINARY: schemaEngineShimPath,
        // Nothing to report to Prisma's servers from an offline machine.
        CHECKPOINT_DISABLE: "1",
        ...env,
      },
    });
    child.on("error", reject);
    // A CLI killed by a signal still has to count as a failure.
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const isMain = process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  process.exitCode = await runPrisma(process.argv.slice(2));
}
