#!/usr/bin/env node
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
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { format, parseArgs } from 'node:util';
import { connectAdapter, createAdapterFactory } from './adapter.mjs';
import { loadSchemaEngineWasm, takePanicMessage } from './engine-wasm.mjs';

const { values: args, positionals } = parseArgs({
  strict: false, // ignore flags we have no use for (--enabled-preview-features, …)
  allowPositionals: true,
  options: {
    version: { type: 'boolean', short: 'V' },
    datamodels: { type: 'string', multiple: true },
    datasource: { type: 'string' },
  },
});
const datasource = args.datasource ? JSON.parse(args.datasource) : {};

function log(level, message, extra = {}) {
  process.stderr.write(
    `${JSON.stringify({ level, fields: { message, ...extra }, target: 'schema_engine::logger' })}\n`,
  );
}

if (args.version) {
  const { version } = await loadSchemaEngineWasm();
  process.stdout.write(`schema-engine-cli ${version()} (wasm)\n`);
} else if (positionals[0] === 'cli') {
  process.exitCode = await runCliCommand(positionals[1]);
} else {
  await serveJsonRpc();
}

// ---------------------------------------------------------------------------
// `cli <command>`: database-level commands the CLI runs as one-off processes.
// It reads the outcome from the exit code and, on failure, from an ERROR line
// on stderr carrying a Prisma error code (P1003 makes `migrate dev` offer to
// create the database). It skips the first stderr line, hence the INFO line.

async function runCliCommand(command) {
  log('INFO', `schema engine shim: ${command}`);
  try {
    await databaseCommand(command, datasource.url);
    return 0;
  } catch (error) {
    log('ERROR', error.message, error.errorCode ? { error_code: error.errorCode } : {});
    return 1;
  }
}

/** Runs a database-level command; errors carry `errorCode` when Prisma has one for them. */
async function databaseCommand(command, url) {
  if (!url) throw new Error('No datasource URL given.');
  try {
    if (command === 'can-connect-to-database') {
      await withAdapter(url, (a) => a.queryRaw({ sql: 'SELECT 1', args: [], argTypes: [] }));
    } else if (command === 'create-database' || command === 'drop-database') {
      const verb = command === 'create-database' ? 'CREATE' : 'DROP';
      // Like the native engine: issue it from the server's `postgres` database.
      const maintenanceUrl = new URL(url);
      maintenanceUrl.pathname = '/postgres';
      await withAdapter(maintenanceUrl.href, (a) =>
        a.executeScript(`${verb} DATABASE "${databaseName(url).replace(/"/g, '""')}"`),
      );
    } else {
      throw new Error(`Unknown cli command: ${command}`);
    }
  } catch (error) {
    const known = knownConnectionError(error, url);
    throw known ? Object.assign(new Error(known.message), { errorCode: known.code }) : error;
  }
}

async function withAdapter(url, fn) {
  const adapter = await connectAdapter(url);
  try {
    return await fn(adapter);
  } finally {
    await adapter.dispose();
  }
}

function databaseName(url) {
  const u = new URL(url);
  return decodeURIComponent(u.pathname.slice(1)) || decodeURIComponent(u.username) || 'postgres';
}

/** The native engine's wording and codes for adapter-pg's connection errors. */
function knownConnectionError(error, url) {
  const u = new URL(url);
  const at = `${u.hostname}:${u.port || 5432}`;
  const db = databaseName(url);
  const user = decodeURIComponent(u.username);
  switch (error?.cause?.kind) {
    case 'DatabaseNotReachable':
      return {
        code: 'P1001',
        message: `Can't reach database server at \`${at}\`\n\nPlease make sure your database server is running at \`${at}\`.`,
      };
    case 'DatabaseDoesNotExist':
      return { code: 'P1003', message: `Database \`${db}\` does not exist on the database server at \`${at}\`.` };
    case 'DatabaseAlreadyExists':
      return { code: 'P1009', message: `Database \`${db}\` already exists on the database server at \`${at}\`` };
    case 'AuthenticationFailed':
      return {
        code: 'P1000',
        message: `Authentication failed against database server, the provided database credentials for \`${user}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at \`${at}\`.`,
      };
    case 'DatabaseAccessDenied':
      return { code: 'P1010', message: `User \`${user}\` was denied access on the database \`${db}\`` };
    case 'TlsConnectionError':
      return { code: 'P1011', message: `Error opening a TLS connection: ${error.cause.reason}` };
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------
// JSON-RPC: the long-running mode behind migrate/db/introspection commands.

async function serveJsonRpc() {
  // stdout carries only JSON-RPC answers: send stray console output to the log.
  for (const name of ['log', 'info', 'warn', 'debug']) {
    console[name] = (...xs) => log(name === 'warn' ? 'WARN' : 'INFO', format(...xs));
  }

  const { SchemaEngine } = await loadSchemaEngineWasm();
  const datamodels = await Promise.all(
    (args.datamodels ?? []).map(async (path) => [path, await readFile(path, 'utf8')]),
  );
  // Extensions the PGlite shadow database must be able to CREATE: the ones the
  // SQL in the requests (migrations, shadow init script) asks for.
  const wantedExtensions = new Set();
  const adapterFactory = createAdapterFactory({
    url: datasource.url,
    shadowDatabaseUrl: datasource.shadowDatabaseUrl,
    shadowExtensions: () => wantedExtensions,
  });

  // The engine connects when created, so create it on the first request: a
  // database that is down then fails that request, not the process.
  let engine = null;
  const getEngine = async () =>
    (engine ??= await SchemaEngine.new(
      { datamodels: datamodels.length > 0 ? datamodels : undefined },
      (line) => process.stderr.write(`${line.trimEnd()}\n`),
      adapterFactory,
    ));

  // Methods the native engine has and the WASM one lacks or names differently.
  const extraMethods = {
    // Same question; the WASM engine asks its own connection, not params.datasource.
    getDatabaseVersion: async () => (await getEngine()).version(),
    createDatabase: async (params) => {
      const url = params?.datasource?.url ?? datasource.url;
      await databaseCommand('create-database', url);
      return { databaseName: databaseName(url) };
    },
  };

  async function handle({ method, params }) {
    for (const name of sqlExtensionNames(params)) wantedExtensions.add(name);
    if (extraMethods[method]) return extraMethods[method](params);
    const eng = await getEngine();
    if (typeof eng[method] !== 'function' || /^(_|free$|constructor$)/.test(method)) {
      throw Object.assign(new Error(`Method not found: ${method}`), { rpcCode: -32601 });
    }
    try {
      return (await eng[method](params)) ?? {}; // e.g. reset() gives undefined; JSON-RPC needs a result
    } catch (error) {
      // In this WASM engine, evaluateDataLoss and createMigration cannot open
      // the shadow database themselves: they only work when the schema of
      // that migration history is already cached, which diagnoseMigrationHistory
      // (shadow database opted in) does. So fill the cache and try once more.
      if (!params?.migrationsList || !/shadow DB must be provided through an external factory/.test(error?.message)) {
        throw error;
      }
      await eng.diagnoseMigrationHistory({
        migrationsList: params.migrationsList,
        optInToShadowDatabase: true,
        filters: params.filters ?? { externalTables: [], externalEnums: [] },
      });
      return (await eng[method](params)) ?? {};
    }
  }

  const send = (message) =>
    new Promise((resolve) => process.stdout.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`, resolve));

  // Answers the request being handled with `error`, then exits if the engine
  // cannot be trusted any more.
  let current = null;
  async function fail(request, error) {
    const panic = takePanicMessage();
    await send({ id: request?.id ?? null, error: rpcError(error, panic) });
    // After a Rust panic the WASM instance is unusable; the native engine exits with 101 too.
    if (panic) process.exit(101);
  }
  // Some engine errors (e.g. malformed params) are thrown from a callback
  // rather than rejecting the call's promise. Answer the request instead of
  // dying silently, and stop: the engine's state is unknown after that.
  process.on('uncaughtException', async (error) => {
    log('ERROR', error?.message ?? String(error));
    await fail(current, error);
    process.exit(1);
  });

  // The native engine hands `diff` output to the CLI as a `print` request
  // (the CLI prints it, or captures it for --output); the WASM engine returns
  // it instead. Ask the CLI to print it, the native way.
  const printed = new Map(); // id of our print request -> resolve
  let printId = 0;
  function print(content) {
    const id = `print-${++printId}`;
    return new Promise((resolve) => {
      printed.set(id, resolve);
      send({ id, method: 'print', params: { content: content.replace(/\n$/, '') } });
    });
  }
  const extraResultHandling = {
    diff: async (result) => {
      if (typeof result.stdout === 'string') await print(result.stdout);
      return { ...result, stdout: null };
    },
  };

  // One request at a time: the CLI waits for each answer anyway, and the
  // engine instance is not meant to run calls concurrently.
  let queue = Promise.resolve();
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on('line', (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      send({ id: null, error: { code: -32700, message: 'Parse error' } });
      return;
    }
    // The CLI's answer to a print request: not queued, its request awaits it.
    if (!message.method && printed.has(message.id)) {
      printed.get(message.id)();
      printed.delete(message.id);
      return;
    }
    queue = queue.then(async () => {
      current = message;
      try {
        let result = await handle(current);
        result = (await extraResultHandling[current.method]?.(result)) ?? result;
        await send({ id: current.id, result });
      } catch (error) {
        await fail(current, withDriverErrors(error, adapterFactory.errorRegistry));
      }
      current = null;
    });
  });
  lines.on('close', () => queue.then(() => process.exit(0)));
}

/**
 * A JavaScript error thrown inside the driver adapter (not an SQL error, which
 * the engine words itself) reaches the engine as "External error id#N" while
 * the error waits in the adapter factory's registry. Put its text in.
 */
function withDriverErrors(error, registry) {
  if (typeof error?.message !== 'string') return error;
  error.message = error.message.replace(/External error id#(\d+)/g, (text, id) => {
    const record = registry.consumeError(Number(id));
    return record ? (record.error?.message ?? String(record.error)) : text;
  });
  return error;
}

function rpcError(error, panic) {
  if (error?.rpcCode) return { code: error.rpcCode, message: error.message };
  const message = panic ?? error?.message ?? String(error);
  const errorCode = panic ? undefined : (error?.errorCode ?? errorCodeFromMessage(message));
  return {
    code: 4466, // what the native engine uses for every failed request
    message: 'An error happened. Check the data field for details.',
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
 */
function errorCodeFromMessage(message) {
  if (message.startsWith("Can't reach database server")) return 'P1001';
  if (/^Database `.*` does not exist/.test(message)) return 'P1003';
  if (message.startsWith('Authentication failed against database server')) return 'P1000';
  return undefined;
}

/** Names in `CREATE EXTENSION [IF NOT EXISTS] name` anywhere in the params' strings. */
function sqlExtensionNames(value, found = new Set()) {
  if (typeof value === 'string') {
    for (const m of value.matchAll(/create\s+extension\s+(?:if\s+not\s+exists\s+)?"?([\w-]+)"?/gi)) {
      found.add(m[1].toLowerCase());
    }
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) sqlExtensionNames(v, found);
  }
  return found;
}
