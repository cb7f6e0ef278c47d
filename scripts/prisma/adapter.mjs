// @ts-check
// The driver adapter the WASM schema engine talks to PostgreSQL through:
// @prisma/adapter-pg with two fixes for migration work, plus a shadow database
// that is a fresh in-process PGlite on every request.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import pg from "pg";

/** @import { Extensions, PGliteOptions } from '@electric-sql/pglite' */
/** @import { SqlQuery, SqlQueryable } from '@prisma/driver-adapter-utils' */
/** @typedef {Awaited<ReturnType<PrismaPg['connect']>>} PgAdapter */
/**
 * The adapter-pg internals the fixes wrap: its private `performIO` (pg's raw
 * result, before it becomes a result set) and protected `onError`. They are
 * not in adapter-pg's declared types, hence the casts where they are used.
 * @typedef {{
 *   performIO(query: SqlQuery): Promise<pg.QueryResult>,
 *   onError(error: unknown): never,
 * }} PgInternals
 */

const require = createRequire(import.meta.url);

const PG_CHAR_OID = 18; // the one-byte internal `"char"` type (pg_class.relkind, ...)
const PG_TEXT_OID = 25;

/**
 * adapter-pg 7.10 throws UnsupportedNativeDataType for `"char"` columns, which
 * the engine's schema describer reads from pg_catalog. Let adapter-pg treat
 * them as text, then report them as `Character`: the describer expects a char
 * there and panics on `Text`.
 * @template {SqlQueryable} Q
 * @param {Q} adapterOrTransaction
 * @returns {Q}
 */
function withCharColumns(adapterOrTransaction) {
  const queryable = /** @type {Q & PgInternals} */ (adapterOrTransaction);
  const performIO = queryable.performIO.bind(queryable);
  const queryRaw = queryable.queryRaw.bind(queryable);
  // rows array -> indexes of "char" columns; keyed by rows because queries
  // on one pool may be in flight concurrently.
  /** @type {WeakMap<unknown[], number[]>} */
  const charColumns = new WeakMap();
  queryable.performIO = async (query) => {
    const result = await performIO(query);
    const indexes = result.fields.flatMap((f, i) => (f.dataTypeID === PG_CHAR_OID ? [i] : []));
    if (indexes.length > 0) {
      charColumns.set(result.rows, indexes);
      result.fields = result.fields.map((f) => (f.dataTypeID === PG_CHAR_OID ? { ...f, dataTypeID: PG_TEXT_OID } : f));
    }
    return result;
  };
  queryable.queryRaw = async (query) => {
    const resultSet = await queryRaw(query);
    for (const i of charColumns.get(resultSet.rows) ?? []) {
      resultSet.columnTypes[i] = ColumnTypeEnum.Character;
    }
    return resultSet;
  };
  return adapterOrTransaction;
}

/**
 * pg-pool throws a connection away whenever a query on it fails, even on a
 * plain SQL error after which the connection is fine (say, a migration with a
 * typo). A PGlite socket server allows one connection by default and may
 * refuse the replacement before it has seen the old one close, turning a
 * readable SQL error into "Connection terminated unexpectedly". So keep the
 * connection unless the error says it is broken.
 *
 * Only the promise form `query(config, values)` is replaced: the one adapter-pg
 * and this file call. (A subclass overriding `query` cannot say that to the
 * type-checker, which holds it to every overload of pg's `Pool#query`.)
 * @param {string} url
 * @returns {pg.Pool}
 */
function keepConnectionPool(url) {
  const pool = new pg.Pool({ connectionString: url });
  /**
   * @param {string | pg.QueryConfig} config
   * @param {unknown[]} [values]
   */
  async function query(config, values) {
    const client = await pool.connect();
    /** @type {Error | boolean} */
    let broken = false;
    try {
      return await client.query(config, values);
    } catch (error) {
      const harmless = error instanceof pg.DatabaseError && !/^(08|57P)/.test(error.code ?? "");
      if (!harmless) broken = error instanceof Error ? error : true;
      throw error;
    } finally {
      client.release(broken);
    }
  }
  return Object.assign(pool, { query });
}

/**
 * adapter-pg on a pool of its own, ended when the adapter is disposed.
 * @param {string} url
 */
function prismaPg(url) {
  const pool = keepConnectionPool(url);
  // `?schema=` names the schema to migrate: tell the engine, and point the
  // search_path there so unqualified migration SQL lands in it, as natively.
  // With SET rather than a startup option, which PGlite ignores.
  const schema = new URL(url).searchParams.get("schema") ?? undefined;
  if (schema) {
    const setSearchPath = `SET search_path TO "${schema.replace(/"/g, '""')}"`;
    // Runs before anything else on the connection: pg queues a client's queries.
    pool.on("connect", (client) => client.query(setSearchPath).catch(() => {}));
  }
  return new PrismaPg(pool, { schema, disposeExternalPool: true });
}

/**
 * Applies the fixes to an adapter from PrismaPg#connect() and to its transactions.
 * @param {PgAdapter} adapter
 */
function patchAdapter(adapter) {
  withCharColumns(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args) => withCharColumns(await startTransaction(...args));

  // adapter-pg splits scripts on every ";", which breaks migrations with a ";"
  // inside a string, comment or function body. Send the script whole, as one
  // simple query, like the native engine does: PostgreSQL then runs it as a
  // single implicit transaction, so a failing migration leaves nothing behind.
  adapter.executeScript = async (script) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      /** @type {PgInternals} */ (/** @type {unknown} */ (adapter)).onError(error); // maps to a DriverAdapterError, as adapter-pg does
    }
  };
  return adapter;
}

/**
 * Extension name as written in SQL -> PGlite module exporting it.
 * @param {string} name
 */
function pgliteExtensionModule(name) {
  if (name === "vector") return { path: "@electric-sql/pglite/vector", exportName: "vector" };
  const exportName = name.replace(/-/g, "_"); // "uuid-ossp" ships as uuid_ossp
  return { path: `@electric-sql/pglite/contrib/${exportName}`, exportName };
}

/** @param {Iterable<string>} names */
async function loadPgliteExtensions(names) {
  /** @type {Extensions} */
  const extensions = {};
  for (const name of names) {
    const { path, exportName } = pgliteExtensionModule(name);
    try {
      require.resolve(path);
    } catch {
      continue; // not shipped with PGlite: CREATE EXTENSION will say so
    }
    extensions[exportName] = (await import(path))[exportName];
  }
  return extensions;
}

// Starting PGlite from nothing (compile its WASM, run initdb) takes ~2 s and
// `migrate dev` needs several shadow databases. So compile once per process
// and start later instances from a copy of the first one's freshly
// initialised data directory: ~0.3 s each.
/** @type {Promise<PGliteOptions> | null} */
let pgliteTemplate = null;

/** @param {Extensions} extensions */
async function freshPglite(extensions) {
  pgliteTemplate ??= (async () => {
    const dist = dirname(require.resolve("@electric-sql/pglite"));
    const read = (/** @type {string} */ file) => readFile(join(dist, file));
    const [pglite, initdb, fsBundle] = await Promise.all([read("pglite.wasm"), read("initdb.wasm"), read("pglite.data")]);
    return {
      pgliteWasmModule: await WebAssembly.compile(pglite),
      initdbWasmModule: await WebAssembly.compile(initdb),
      fsBundle: new Blob([fsBundle]),
      loadDataDir: undefined,
    };
  })();
  const template = await pgliteTemplate;
  const db = await PGlite.create({ ...template, extensions });
  template.loadDataDir ??= await db.dumpDataDir("none"); // taken before anything runs in it
  return db;
}

/**
 * A brand-new in-memory PGlite served on a free local port, reached through
 * adapter-pg like the real database. PGlite cannot CREATE DATABASE, so a new
 * instance per request is what gives an empty shadow database.
 * @param {Iterable<string>} extensionNames
 * @param {string | null | undefined} schema
 */
async function connectPgliteShadow(extensionNames, schema) {
  const db = await freshPglite(await loadPgliteExtensions(extensionNames));
  // adapter-pg uses a pool, so allow it more than PGlite's default single connection.
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 10 });
  await server.start();
  const url = new URL(`postgresql://postgres:postgres@${server.getServerConn()}/postgres`);
  // Same schema as the real database, or its tables look like different ones.
  if (schema) url.searchParams.set("schema", schema);
  const adapter = patchAdapter(await prismaPg(url.href).connect());
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose();
    await server.stop();
    await db.close();
  };
  return adapter;
}

/**
 * An explicit shadowDatabaseUrl names an existing database; like the native
 * engine, empty it before use (every schema but the system ones).
 * @param {string} url
 */
async function connectExplicitShadow(url) {
  const adapter = patchAdapter(await prismaPg(url).connect());
  /** @type {pg.QueryResult<{ nspname: string }>} */
  const { rows } = await adapter.underlyingDriver().query(
    `SELECT nspname FROM pg_namespace
     WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'`,
  );
  const drops = rows.map((r) => `DROP SCHEMA "${r.nspname.replace(/"/g, '""')}" CASCADE;`);
  await adapter.executeScript(`${drops.join("\n")}\nCREATE SCHEMA public;`);
  return adapter;
}

/**
 * @param {object} options
 * @param {string | undefined} options.url the datasource URL from prisma.config.ts
 * @param {string | undefined} options.shadowDatabaseUrl explicit shadow database, if configured
 * @param {() => Iterable<string>} options.shadowExtensions extensions the PGlite shadow must offer
 */
export function createAdapterFactory({ url, shadowDatabaseUrl, shadowExtensions }) {
  return bindMigrationAwareSqlAdapterFactory({
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async connect() {
      // The WASM engine connects (and queries) as soon as it starts, so even
      // `migrate diff --from-empty --to-schema` needs a database here.
      if (!url) throw new Error("No datasource URL: set `datasource.url` in prisma.config.ts.");
      return connectAdapter(url);
    },
    async connectToShadowDb() {
      try {
        return shadowDatabaseUrl
          ? await connectExplicitShadow(shadowDatabaseUrl)
          : await connectPgliteShadow([...shadowExtensions()], url && new URL(url).searchParams.get("schema"));
      } catch (error) {
        // The engine replaces this error with a vague one of its own; keep the
        // real cause in the log (`DEBUG=prisma:schemaEngine*` shows it).
        console.warn(`Could not create the shadow database: ${(error instanceof Error && error.stack) || error}`);
        throw error;
      }
    },
  });
}

/**
 * A plain adapter-pg connection (with the fixes) for one-off checks.
 * @param {string} url
 */
export function connectAdapter(url) {
  return prismaPg(url).connect().then(patchAdapter);
}
