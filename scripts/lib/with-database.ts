import { embeddedDatabaseConfig, findRunningEmbeddedDatabase, startEmbeddedDatabase } from "./embedded-database";

/**
 * Runs `task` with a database URL: DATABASE_URL when set; otherwise the embedded database that
 * `npm run dev` is serving; otherwise the embedded database opened just for this task.
 */
export async function withDatabase<T>(task: (databaseUrl: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return task(process.env.DATABASE_URL);
  const config = embeddedDatabaseConfig();
  const running = findRunningEmbeddedDatabase(config);
  if (running) return task(running);
  const embedded = await startEmbeddedDatabase(config);
  try {
    return await task(embedded.url);
  } finally {
    await embedded.stop();
  }
}
