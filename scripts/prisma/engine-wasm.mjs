// @ts-check
// Loads Prisma's official schema engine compiled to WebAssembly
// (@prisma/schema-engine-wasm) so the Prisma CLI can run without the native
// `schema-engine` binary, which it would otherwise download from Prisma's
// binary host.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

/** @typedef {typeof import('@prisma/schema-engine-wasm/schema_engine_bg')} SchemaEngineBindings */

const require = createRequire(import.meta.url);

// The last Rust panic message, if any. A panic aborts the current WASM call
// with an opaque `RuntimeError: unreachable`; this is the readable part.
/** @type {string | null} */
let lastPanicMessage = null;

/** @returns {string | null} the message of the panic since the last call, if any */
export function takePanicMessage() {
  const message = lastPanicMessage;
  lastPanicMessage = null;
  return message;
}

/**
 * Instantiates the WASM module by hand and returns the wasm-bindgen JS module
 * (`SchemaEngine`, `version`).
 *
 * The package's entry point does `import * as wasm from "./schema_engine_bg.wasm"`,
 * which needs bundler-style WASM imports that Node 20 does not have, so we do
 * what that entry point does ourselves.
 * @returns {Promise<SchemaEngineBindings>}
 */
export async function loadSchemaEngineWasm() {
  // The engine's panic hook calls PRISMA_WASM_PANIC_REGISTRY.set_message();
  // without it a panic turns into "Cannot read properties of undefined".
  Object.assign(globalThis, {
    PRISMA_WASM_PANIC_REGISTRY: {
      /** @param {string} message */
      set_message(message) {
        lastPanicMessage = message;
      },
    },
  });

  const bindingsPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  /** @type {SchemaEngineBindings} */
  const bindings = await import(bindingsPath);
  const wasmBytes = await readFile(bindingsPath.replace(/\.js$/, ".wasm"));
  // The module's only import namespace is the bindings file itself.
  const { instance } = await WebAssembly.instantiate(wasmBytes, {
    "./schema_engine_bg.js": bindings,
  });
  bindings.__wbg_set_wasm(instance.exports);
  /** @type {{ __wbindgen_start(): void }} */ (instance.exports).__wbindgen_start();
  return bindings;
}
