import { embeddedDatabaseConfig, removeEmbeddedDatabase, startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded-database";
import { runPrisma } from "./prisma-cli";
import { needsSeed, runSeed } from "./seed-runner";

export type DevDatabase = { url: string; stop: () => Promise<void> };

/**
 * The database `npm run dev` hands to Next: DATABASE_URL when set, otherwise the embedded database
 * (PGLITE_DATA_DIR, PGLITE_PORT), with pending migrations applied and the demo data on first run.
 * `stop` closes the embedded database; a DATABASE_URL server is left as it was.
 */
export async function startDevDatabase(options: { fresh: boolean }): Promise<DevDatabase> {
  let embedded: EmbeddedDatabase | undefined;
  let url = process.env.DATABASE_URL;
  if (!url) {
    const config = embeddedDatabaseConfig();
    if (options.fresh) removeEmbeddedDatabase(config);
    embedded = await startEmbeddedDatabase(config);
    url = embedded.url;
    console.log(`Embedded PostgreSQL (PGlite) serving ${config.dataDir} at ${url}`);
  }
  try {
    await runPrisma(["migrate", "deploy"], url);
    if (await needsSeed(url)) await runSeed(url);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return { url, stop: async () => embedded?.stop() };
}
