import { afterAll, inject } from "vitest";
import { createPGliteFromTemplate, createPostgresFromTemplate } from "./test-database";

// Runs before each integration test file: a database of its own, so files never see each other's rows.
const template = inject("databaseTemplate");
const database =
  template.kind === "pglite"
    ? await createPGliteFromTemplate(template.dumpPath)
    : await createPostgresFromTemplate(template.serverUrl, template.template);

process.env.DATABASE_URL = database.url;
process.env.TEST_DATABASE_KIND = database.kind;

afterAll(async () => {
  // Sends and retries still running after the file's last test would otherwise query a dropped database.
  const { stopBackgroundWork } = await import("@/lib/background-work");
  await stopBackgroundWork();
  const { disconnectDatabase } = await import("@/lib/db");
  await disconnectDatabase();
  await database.drop();
});
