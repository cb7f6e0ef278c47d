// The driver adapter the WASM schema engine talks to PostgreSQL through:
// @prisma/adapter-pg with two fixes for migration work, plus a shadow database
// that is a fresh in-process PGlite on every request.
import { createRequire } from 'node:module';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils';

const require = createRequire(import.meta.url);

const PG_CHAR_OID = 18; // the one-byte internal `"char"` type (pg_class.relkind, ...)
const PG_TEXT_OID = 25;

/**
 * adapter-pg 7.10 throws UnsupportedNativeDataType for `"char"` columns, which
 * the engine's schema describer reads from pg_catalog. Let adapter-pg treat
 * them as text, then report them as `Character`: the describer expects a char
 * there and panics on `Text`.
 */
function withCharColumns(queryable) {
  const performIO = queryable.performIO.bind(queryable);
  const queryRaw = queryable.queryRaw.bind(queryable);
  // rows array -> indexes of "char" columns; keyed by rows because queries
  // on one pool may be in flight concurrently.
  const charColumns = new WeakMap();
  queryable.performIO = async (query) => {
    const result = await performIO(query);
    const indexes = result.fields.flatMap((f, i) => (f.dataTypeID === PG_CHAR_OID ? [i] : []));
    if (indexes.length > 0) {
      charColumns.set(result.rows, indexes);
      result.fields = result.fields.map((f) =>
        f.dataTypeID === PG_CHAR_OID ? { ...f, dataTypeID: PG_TEXT_OID } : f,
      );
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
  return queryable;
}

/** Applies the fixes to an adapter from PrismaPg#connect() and to its transactions. */
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
      adapter.onError(error); // maps to a DriverAdapterError, as adapter-pg does
    }
  };
  return adapter;
}

function pgOptionsFor(url) {
  // `?schema=` selects the schema the engine migrates, as with the native engine.
  const schema = new URL(url).searchParams.get('schema');
  return schema ? { schema } : undefined;
}

/** Extension name as written in SQL -> PGlite module exporting it. */
function pgliteExtensionModule(name) {
  if (name === 'vector') return { path: '@electric-sql/pglite/vector', exportName: 'vector' };
  const exportName = name.replace(/-/g, '_'); // "uuid-ossp" ships as uuid_ossp
  return { path: `@electric-sql/pglite/contrib/${exportName}`, exportName };
}

async function loadPgliteExtensions(names) {
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

/**
 * A brand-new in-memory PGlite served on a free local port, reached through
 * adapter-pg like the real database. PGlite cannot CREATE DATABASE, so a new
 * instance per request is what gives an empty shadow database.
 */
async function connectPgliteShadow(extensionNames) {
  const db = await PGlite.create({ extensions: await loadPgliteExtensions(extensionNames) });
  // adapter-pg uses a pool, so allow it more than PGlite's default single connection.
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 10 });
  await server.start();
  const url = `postgresql://postgres:postgres@${server.getServerConn()}/postgres`;
  const adapter = patchAdapter(await new PrismaPg({ connectionString: url }).connect());
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
 */
async function connectExplicitShadow(url) {
  const adapter = patchAdapter(await new PrismaPg({ connectionString: url }, pgOptionsFor(url)).connect());
  const { rows } = await adapter.underlyingDriver().query(
    `SELECT nspname FROM pg_namespace
     WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'`,
  );
  const drops = rows.map((r) => `DROP SCHEMA "${r.nspname.replace(/"/g, '""')}" CASCADE;`);
  await adapter.executeScript(`${drops.join('\n')}\nCREATE SCHEMA public;`);
  return adapter;
}

/**
 * @param {object} options
 * @param {string | undefined} options.url the datasource URL from prisma.config.ts
 * @param {string | undefined} options.shadowDatabaseUrl explicit shadow database, if configured
 * @param {() => Iterable<string>} options.shadowExtensions extensions the PGlite shadow must offer
 */
export function createAdapterFactory({ url, shadowDatabaseUrl, shadowExtensions }) {
  const main = url ? new PrismaPg({ connectionString: url }, pgOptionsFor(url)) : null;
  return bindMigrationAwareSqlAdapterFactory({
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    async connect() {
      if (!main) throw new Error('No datasource URL: set `datasource.url` in prisma.config.ts.');
      return patchAdapter(await main.connect());
    },
    async connectToShadowDb() {
      try {
        return shadowDatabaseUrl
          ? await connectExplicitShadow(shadowDatabaseUrl)
          : await connectPgliteShadow([...shadowExtensions()]);
      } catch (error) {
        // The engine replaces this error with a vague one of its own; keep the
        // real cause in the log (`DEBUG=prisma:schemaEngine*` shows it).
        console.warn(`Could not create the shadow database: ${error.stack ?? error}`);
        throw error;
      }
    },
  });
}

/** A plain adapter-pg connection (with the fixes) for one-off checks. */
export function connectAdapter(url) {
  return new PrismaPg({ connectionString: url }, pgOptionsFor(url)).connect().then(patchAdapter);
}
