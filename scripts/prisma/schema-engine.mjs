#!/usr/bin/env node
// @ts-check
// Stand-in for Prisma's native `schema-engine` binary, for machines that
// cannot download it. The Prisma CLI runs it via PRISMA_SCHEMA_ENGINE_BINARY
// (see ./cli.mjs) and we answer with the official WASM build of the same
// engine, talking to PostgreSQL through @prisma/adapter-pg.
//
//   schema-engine.mjs --version
//   schema-engine.mjs --datasource '{"url":…}' cli can-connect-to-database|create-database|drop-database
//   schema-engine.mjs [--datamodels FILE]... [--datasource '{"url":…,"shadowDatabaseUrl":…}']
//     -> JSON-RPC 2.0 on stdin/stdout, one JSON object per line; logs go to
//        stderr as JSON lines, which the CLI reads.
import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import { format, parseArgs } from "node:util";
import { connectAdapter, createAdapterFactory } from "./adapter.mjs";
import { loadSchemaEngineWasm, takePanicMessage } from "./engine-wasm.mjs";

/** @import { DiffResult, SchemaEngine as Engine } from '@prisma/schema-engine-wasm/schema_engine_bg' */
/** @typedef {Awaited<ReturnType<typeof connectAdapter>>} Adapter */
/**
 * The fields this file reads off a thrown value: an Error, maybe carrying one
 * of our codes, or adapter-pg's DriverAdapterError with its `cause`.
 * @typedef {{
 *   message?: string,
 *   errorCode?: string,
 *   rpcCode?: number,
 *   cause?: { kind?: string, reason?: string },
 * }} Thrown
 */
/**
 * A JSON-RPC message from the CLI: a request, or its answer to our `print`.
 * @typedef {{ id: RpcId, method: string, params?: RpcParams }} RpcMessage
 * @typedef {string | number | null} RpcId
 * @typedef {{
 *   [name: string]: unknown,
 *   datasource?: { url?: string },
 *   migrationsList?: DiagnoseMigrationHistoryInput['migrationsList'],
 *   filters?: DiagnoseMigrationHistoryInput['filters'],
 * }} RpcParams
 * @typedef {import('@prisma/schema-engine-wasm/schema_engine_bg').DiagnoseMigrationHistoryInput} DiagnoseMigrationHistoryInput
 */

const { values: args, positionals } = parseArgs({
  strict: false, // ignore flags we have no use for (--enabled-preview-features, …)
  allowPositionals: true,
  options: {
    version: { type: "boolean", short: "V" },
    datamodels: { type: "string", multiple: true },
    datasource: { type: "string" },
  },
});
/** @type {{ url?: string, shadowDatabaseUrl?: string }} */
const datasource = typeof args.datasource === "string" ? JSON.parse(args.datasource) : {};

/**
 * @param {'INFO' | 'WARN' | 'ERROR'} level
 * @param {string | undefined} message
 * @param {Record<string, unknown>} [extra]
 */
function log(level, message, extra = {}) {
  process.stderr.write(`${JSON.stringify({ level, fields: { message, ...extra }, target: "schema_engine::logger" })}\n`);
}

if (args.version) {
  const { version } = await loadSchemaEngineWasm();
  process.stdout.write(`schema-engine-cli ${version()} (wasm)\n`);
} else if (positionals[0] === "cli") {
  process.exitCode = await runCliCommand(positionals[1]);
} else {
  await serveJsonRpc();
}

// ---------------------------------------------------------------------------
// `cli <command>`: database-level commands the CLI runs as one-off processes.
// It reads the outcome from the exit code and, on failure, from an ERROR line
// on stderr carrying a Prisma error code (P1003 makes `migrate dev` offer to
// create the database). It skips the first stderr line, hence the INFO line.

/** @param {string | undefined} command */
async function runCliCommand(command) {
  log("INFO", `schema engine shim: ${command}`);
  try {
    await databaseCommand(command, datasource.url);
    return 0;
  } catch (thrown) {
    const error = /** @type {Thrown} */ (thrown);
    log("ERROR", error.message, error.errorCode ? { error_code: error.errorCode } : {});
    return 1;
  }
}

/**
 * Runs a database-level command; errors carry `errorCode` when Prisma has one for them.
 * @param {string | undefined} command
 * @param {string | undefined} url
 */
async function databaseCommand(command, url) {
  if (!url) throw new Error("No datasource URL given.");
  try {
    if (command === "can-connect-to-database") {
      await withAdapter(url, (a) => a.queryRaw({ sql: "SELECT 1", args: [], argTypes: [] }));
    } else if (command === "create-database" || command === "drop-database") {
      const verb = command === "create-database" ? "CREATE" : "DROP";
      // Like the native engine: issue it from the server's `postgres` database.
      const maintenanceUrl = new URL(url);
      maintenanceUrl.pathname = "/postgres";
      await withAdapter(maintenanceUrl.href, (a) => a.executeScript(`${verb} DATABASE "${databaseName(url).replace(/"/g, '""')}"`));
    } else {
      throw new Error(`Unknown cli command: ${command}`);
    }
  } catch (error) {
    const known = knownConnectionError(/** @type {Thrown | undefined} */ (error), url);
    throw known ? Object.assign(new Error(known.message), { errorCode: known.code }) : error;
  }
}

/**
 * @template T
 * @param {string} url
 * @param {(adapter: Adapter) => Promise<T>} fn
 */
async function withAdapter(url, fn) {
  const adapter = await connectAdapter(url);
  try {
    return await fn(adapter);
  } finally {
    await adapter.dispose();
  }
}

/** @param {string} url */
function databaseName(url) {
  const u = new URL(url);
  return decodeURIComponent(u.pathname.slice(1)) || decodeURIComponent(u.username) || "postgres";
}

/**
 * The native engine's wording and codes for adapter-pg's connection errors.
 * @param {Thrown | undefined} error
 * @param {string} url
 * @returns {{ code: string, message: string } | null}
 */
function knownConnectionError(error, url) {
  const u = new URL(url);
  const at = `${u.hostname}:${u.port || 5432}`;
  const db = databaseName(url);
  const user = decodeURIComponent(u.username);
  switch (error?.cause?.kind) {
    case "DatabaseNotReachable":
      return {
        code: "P1001",
        message: `Can't reach database server at \`${at}\`\n\nPlease make sure your database server is running at \`${at}\`.`,
      };
    case "DatabaseDoesNotExist":
      return { code: "P1003", message: `Database \`${db}\` does not exist on the database server at \`${at}\`.` };
    case "DatabaseAlreadyExists":
      return { code: "P1009", message: `Database \`${db}\` already exists on the database server at \`${at}\`` };
    case "AuthenticationFailed":
      return {
        code: "P1000",
        message: `Authentication failed against database server, the provided database credentials for \`${user}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at \`${at}\`.`,
      };
    case "DatabaseAccessDenied":
      return { code: "P1010", message: `User \`${user}\` was denied access on the database \`${db}\`` };
    case "TlsConnectionError":
      return { code: "P1011", message: `Error opening a TLS connection: ${error.cause.reason}` };
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------
// JSON-RPC: the long-running mode behind migrate/db/introspection commands.

async function serveJsonRpc() {
  // stdout carries only JSON-RPC answers: send stray console output to the log.
  for (const name of /** @type {const} */ (["log", "info", "warn", "debug"])) {
    console[name] = (/** @type {unknown[]} */ ...xs) => log(name === "warn" ? "WARN" : "INFO", format(...xs));
  }

  const { SchemaEngine } = await loadSchemaEngineWasm();
  // The CLI gives every --datamodels a value; `strict: false` types it as maybe `true`.
  const datamodelPaths = (args.datamodels ?? []).filter((path) => typeof path === "string");
  const datamodels = await Promise.all(
    datamodelPaths.map(async (path) => /** @type {[string, string]} */ ([path, await readFile(path, "utf8")])),
  );
  // Extensions the PGlite shadow database must be able to CREATE: the ones the
  // SQL in the requests (migrations, shadow init script) asks for.
  /** @type {Set<string>} */
  const wantedExtensions = new Set();
  const adapterFactory = createAdapterFactory({
    url: datasource.url,
    shadowDatabaseUrl: datasource.shadowDatabaseUrl,
    shadowExtensions: () => wantedExtensions,
  });

  // The engine connects when created, so create it on the first request: a
  // database that is down then fails that request, not the process.
  /** @type {Engine | null} */
  let engine = null;
  const getEngine = async () =>
    (engine ??= await SchemaEngine.new(
      { datamodels: datamodels.length > 0 ? datamodels : undefined },
      (/** @type {string} */ line) => process.stderr.write(`${line.trimEnd()}\n`),
      adapterFactory,
    ));

  // Methods the native engine has and the WASM one lacks or names differently.
  /** @type {Record<string, ((params: RpcParams | undefined) => Promise<unknown>) | undefined>} */
  const extraMethods = {
    // Same question; the WASM engine asks its own connection, not params.datasource.
    getDatabaseVersion: async () => (await getEngine()).version(),
    createDatabase: async (params) => {
      const url = params?.datasource?.url ?? datasource.url;
      await databaseCommand("create-database", url);
      // databaseCommand has rejected a missing URL by now.
      return { databaseName: databaseName(url ?? "") };
    },
  };

  /**
   * @param {RpcMessage} request
   * @returns {Promise<unknown>}
   */
  async function handle({ method, params }) {
    for (const name of sqlExtensionNames(params)) wantedExtensions.add(name);
    const extraMethod = extraMethods[method];
    if (extraMethod) return extraMethod(params);
    const eng = await getEngine();
    // Called by the name the CLI sends, so looked up as a plain record.
    const engineMethods = /** @type {Record<string, ((params: unknown) => Promise<unknown>) | undefined>} */ (/** @type {unknown} */ (eng));
    if (typeof engineMethods[method] !== "function" || /^(_|free$|constructor$)/.test(method)) {
      throw Object.assign(new Error(`Method not found: ${method}`), { rpcCode: -32601 });
    }
    try {
      return (await engineMethods[method](params)) ?? {}; // e.g. reset() gives undefined; JSON-RPC needs a result
    } catch (thrown) {
      const error = /** @type {Thrown | undefined} */ (thrown);
      // In this WASM engine, evaluateDataLoss and createMigration cannot open
      // the shadow database themselves: they only work when the schema of
      // that migration history is already cached, which diagnoseMigrationHistory
      // (shadow database opted in) does. So fill the cache and try once more.
      if (!params?.migrationsList || !/shadow DB must be provided through an external factory/.test(error?.message ?? "")) {
        throw thrown;
      }
      await eng.diagnoseMigrationHistory({
        migrationsList: params.migrationsList,
        optInToShadowDatabase: true,
        filters: params.filters ?? { externalTables: [], externalEnums: [] },
      });
      return (await engineMethods[method](params)) ?? {};
    }
  }

  const send = (/** @type {Record<string, unknown>} */ message) =>
    new Promise((resolve) => process.stdout.write(`${JSON.stringify({ jsonrpc: "2.0", ...message })}\n`, resolve));

  // Answers the request being handled with `error`, then exits if the engine
  // cannot be trusted any more.
  /** @type {RpcMessage | null} */
  let current = null;
  /**
   * @param {RpcMessage | null} request
   * @param {unknown} error
   */
  async function fail(request, error) {
    const panic = takePanicMessage();
    await send({ id: request?.id ?? null, error: rpcError(/** @type {Thrown | undefined} */ (error), panic) });
    // After a Rust panic the WASM instance is unusable; the native engine exits with 101 too.
    if (panic) process.exit(101);
  }
  // Some engine errors (e.g. malformed params) are thrown from a callback
  // rather than rejecting the call's promise. Answer the request instead of
  // dying silently, and stop: the engine's state is unknown after that.
  process.on("uncaughtException", async (error) => {
    log("ERROR", error?.message ?? String(error));
    await fail(current, error);
    process.exit(1);
  });

  // The native engine hands `diff` output to the CLI as a `print` request
  // (the CLI prints it, or captures it for --output); the WASM engine returns
  // it instead. Ask the CLI to print it, the native way.
  /** @type {Map<RpcId, () => void>} */
  const printed = new Map(); // id of our print request -> resolve
  let printId = 0;
  /** @param {string} content */
  function print(content) {
    const id = `print-${++printId}`;
    return new Promise((/** @type {(value?: undefined) => void} */ resolve) => {
      printed.set(id, resolve);
      send({ id, method: "print", params: { content: content.replace(/\n$/, "") } });
    });
  }
  /** @type {Record<string, ((result: unknown) => Promise<unknown>) | undefined>} */
  const extraResultHandling = {
    diff: async (result) => {
      const diff = /** @type {DiffResult} */ (result);
      if (typeof diff.stdout === "string") await print(diff.stdout);
      return { ...diff, stdout: null };
    },
  };

  // One request at a time: the CLI waits for each answer anyway, and the
  // engine instance is not meant to run calls concurrently.
  let queue = Promise.resolve();
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    /** @type {RpcMessage} */
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      send({ id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    // The CLI's answer to a print request: not queued, its request awaits it.
    if (!message.method && printed.has(message.id)) {
      printed.get(message.id)?.();
      printed.delete(message.id);
      return;
    }
    queue = queue.then(async () => {
      current = message;
      try {
        let result = await handle(message);
        result = (await extraResultHandling[message.method]?.(result)) ?? result;
        await send({ id: message.id, result });
      } catch (error) {
        await fail(message, withDriverErrors(/** @type {Thrown | undefined} */ (error), adapterFactory.errorRegistry));
      }
      current = null;
    });
  });
  lines.on("close", () => queue.then(() => process.exit(0)));
}

/**
 * A JavaScript error thrown inside the driver adapter (not an SQL error, which
 * the engine words itself) reaches the engine as "External error id#N" while
 * the error waits in the adapter factory's registry. Put its text in.
 * @param {Thrown | undefined} error
 * @param {import('@prisma/driver-adapter-utils').ErrorRegistry} registry
 */
function withDriverErrors(error, registry) {
  if (typeof error?.message !== "string") return error;
  error.message = error.message.replace(/External error id#(\d+)/g, (text, id) => {
    const record = registry.consumeError(Number(id));
    return record ? (/** @type {Thrown | undefined} */ (record.error)?.message ?? String(record.error)) : text;
  });
  return error;
}

/**
 * @param {Thrown | undefined} error
 * @param {string | null} panic
 */
function rpcError(error, panic) {
  if (error?.rpcCode) return { code: error.rpcCode, message: error.message };
  const message = panic ?? error?.message ?? String(error);
  const errorCode = panic ? undefined : (error?.errorCode ?? errorCodeFromMessage(message));
  return {
    code: 4466, // what the native engine uses for every failed request
    message: "An error happened. Check the data field for details.",
    data: {
      is_panic: Boolean(panic),
      message,
      meta: { full_error: message },
      ...(errorCode && { error_code: errorCode }),
      ...(panic && { error: { message: panic } }),
    },
  };
}

/**
 * The WASM engine's errors carry only a message. For the codes that
 * identify a connection problem, recover the code from the native wording.
 * @param {string} message
 */
function errorCodeFromMessage(message) {
  if (message.startsWith("Can't reach database server")) return "P1001";
  if (/^Database `.*` does not exist/.test(message)) return "P1003";
  if (message.startsWith("Authentication failed against database server")) return "P1000";
  return undefined;
}

/**
 * Names in `CREATE EXTENSION [IF NOT EXISTS] name` anywhere in the params' strings.
 * @param {unknown} value
 * @param {Set<string>} [found]
 */
function sqlExtensionNames(value, found = new Set()) {
  if (typeof value === "string") {
    for (const [, name = ""] of value.matchAll(/create\s+extension\s+(?:if\s+not\s+exists\s+)?"?([\w-]+)"?/gi)) {
      found.add(name.toLowerCase());
    }
  } else if (value && typeof value === "object") {
    for (const v of Object.values(value)) sqlExtensionNames(v, found);
  }
  return found;
}
