import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { servePGlite } from "../../scripts/lib/serve-pglite";

export { servePGlite };
import pg from "pg";

/**
 * Databases for integration tests: a fresh embedded PGlite per test file by default, or a fresh database
 * on the PostgreSQL server named by TEST_DATABASE_URL. Either way each is built from the real migrations
 * once (the template) and copied per test file.
 */

export type TestDatabase = { url: string; kind: "pglite" | "postgresql"; drop: () => Promise<void> };

export function createEmptyPGlite(): Promise<PGlite> {
  return PGlite.create({ extensions: { btree_gist } });
}

export async function createPGliteFromTemplate(templatePath: string): Promise<TestDatabase> {
  const dump = await readFile(templatePath);
  const pglite = await PGlite.create({ loadDataDir: new Blob([dump]), extensions: { btree_gist } });
  const served = await servePGlite(pglite);
  return { url: served.url, kind: "pglite", drop: served.stop };
}

/** The same server URL with another database name. */
export function withDatabaseName(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createPostgresFromTemplate(serverUrl: string, template: string): Promise<TestDatabase> {
  const name = `pamper_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  return {
    url: withDatabaseName(serverUrl, name),
    kind: "postgresql",
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
