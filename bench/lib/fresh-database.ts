import { randomBytes } from "node:crypto";
import { adminQuery, createEmptyPGlite, servePGlite, withDatabaseName } from "../../tests/support/test-database";

/**
 * A new, empty database for one bench run: a database of its own on the PostgreSQL server named by
 * BENCH_DATABASE_URL, or else an embedded PGlite. `drop` removes it.
 */
export async function freshDatabase(): Promise<{ url: string; kind: "pglite" | "postgresql"; drop: () => Promise<void> }> {
  const server = process.env.BENCH_DATABASE_URL;
  if (server) {
    const name = `pamper_bench_${randomBytes(4).toString("hex")}`;
    await adminQuery(server, `CREATE DATABASE "${name}"`);
    const url = withDatabaseName(server, name);
    return { url, kind: "postgresql", drop: () => adminQuery(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
  }
  const served = await servePGlite(await createEmptyPGlite());
  return { url: served.url, kind: "pglite", drop: served.stop };
}
