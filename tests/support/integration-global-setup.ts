import { rm, writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { runPrisma } from "../../scripts/lib/prisma-cli";
import { adminQuery, createEmptyPGlite, servePGlite, withDatabaseName } from "./test-database";

export type DatabaseTemplate = { kind: "pglite"; dumpPath: string } | { kind: "postgresql"; serverUrl: string; template: string };

declare module "vitest" {
  export interface ProvidedContext {
    databaseTemplate: DatabaseTemplate;
  }
}

// Per run, so two test runs against one PostgreSQL server never drop each other's template.
const POSTGRES_TEMPLATE = `pamper_test_template_${process.pid}`;

/** Applies the real migrations (through the Prisma CLI) once; every test file then gets a copy. */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${POSTGRES_TEMPLATE}" WITH (FORCE)`);
    await adminQuery(serverUrl, `CREATE DATABASE "${POSTGRES_TEMPLATE}"`);
    await runPrisma(["migrate", "deploy"], withDatabaseName(serverUrl, POSTGRES_TEMPLATE));
    project.provide("databaseTemplate", { kind: "postgresql", serverUrl, template: POSTGRES_TEMPLATE });
    console.log(`Integration tests run on PostgreSQL (${new URL(serverUrl).host}).`);
    return async () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${POSTGRES_TEMPLATE}" WITH (FORCE)`);
  }

  const pglite = await createEmptyPGlite();
  const served = await servePGlite(pglite);
  const directory = await mkdtemp(join(tmpdir(), "pamper-test-"));
  try {
    await runPrisma(["migrate", "deploy"], served.url);
    const dump = await pglite.dumpDataDir("none");
    const dumpPath = join(directory, "template.tar");
    await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
    project.provide("databaseTemplate", { kind: "pglite", dumpPath });
  } finally {
    await served.stop();
  }
  console.log("Integration tests run on embedded PostgreSQL (PGlite).");
  return async () => rm(directory, { recursive: true, force: true });
}
