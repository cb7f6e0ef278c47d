import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { servePGlite } from "./serve-pglite";

/**
 * The embedded PostgreSQL (PGlite) that `npm run dev` uses when DATABASE_URL is not set. PGlite is a
 * single-process database: exactly one process may own a data directory, so ownership is recorded in a
 * lock file beside it. Other local processes (seed, operator CLIs) find the running server through that
 * file and connect over the Postgres protocol instead of opening the directory themselves.
 */

export type EmbeddedDatabaseConfig = { dataDir: string; port: number; host: string };

type LockContents = { pid: number; url?: string };

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

export class EmbeddedDatabaseBusyError extends Error {
  constructor(
    readonly config: EmbeddedDatabaseConfig,
    readonly ownerPid: number,
  ) {
    super(
      `The embedded database in ${config.dataDir} is already in use by process ${ownerPid} ` +
        `(another \`npm run dev\`?). Stop that process first, or give this one its own database with ` +
        `PGLITE_DATA_DIR and PGLITE_PORT (or set DATABASE_URL).`,
    );
    this.name = "EmbeddedDatabaseBusyError";
  }
}

const DEFAULT_PORT = 54320;

export function embeddedDatabaseConfig(source: NodeJS.ProcessEnv = process.env): EmbeddedDatabaseConfig {
  const port = Number(source.PGLITE_PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`PGLITE_PORT must be a port number (0–65535), got "${source.PGLITE_PORT}"`);
  }
  return { dataDir: resolve(source.PGLITE_DATA_DIR ?? ".data/pglite"), port, host: "127.0.0.1" };
}

function lockPath(config: EmbeddedDatabaseConfig): string {
  return `${config.dataDir}.lock`;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(config: EmbeddedDatabaseConfig): LockContents | undefined {
  try {
    return JSON.parse(readFileSync(lockPath(config), "utf8")) as LockContents;
  } catch {
    return undefined;
  }
}

/** The URL of an embedded database that another live process serves, if any. */
export function findRunningEmbeddedDatabase(config: EmbeddedDatabaseConfig): string | undefined {
  const lock = readLock(config);
  return lock?.url && isProcessAlive(lock.pid) ? lock.url : undefined;
}

function acquireLock(config: EmbeddedDatabaseConfig): void {
  mkdirSync(dirname(lockPath(config)), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // "wx" fails if the file exists, so two processes starting at once cannot both win.
      closeSync(openSync(lockPath(config), "wx"));
      writeFileSync(lockPath(config), JSON.stringify({ pid: process.pid } satisfies LockContents));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readLock(config);
      if (owner && isProcessAlive(owner.pid)) throw new EmbeddedDatabaseBusyError(config, owner.pid);
      // The owner died without cleaning up (kill -9, power loss): its lock is stale.
      rmSync(lockPath(config), { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockPath(config)}; is another process starting right now?`);
}

function releaseLock(config: EmbeddedDatabaseConfig): void {
  if (readLock(config)?.pid === process.pid) rmSync(lockPath(config), { force: true });
}

/** Deletes the data directory, refusing while another process serves it. */
export function removeEmbeddedDatabase(config: EmbeddedDatabaseConfig): void {
  const owner = readLock(config);
  if (owner && isProcessAlive(owner.pid)) throw new EmbeddedDatabaseBusyError(config, owner.pid);
  rmSync(config.dataDir, { recursive: true, force: true });
}

/** Opens (creating on first use) the data directory and serves it on the configured port. */
export async function startEmbeddedDatabase(config: EmbeddedDatabaseConfig): Promise<EmbeddedDatabase> {
  acquireLock(config);
  let pglite: PGlite | undefined;
  try {
    mkdirSync(config.dataDir, { recursive: true });
    pglite = await PGlite.create({ dataDir: config.dataDir, extensions: { btree_gist } });
    const served = await servePGlite(pglite, config.port).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        throw new Error(`Port ${config.port} is taken: choose another with PGLITE_PORT (or set DATABASE_URL).`);
      }
      throw error;
    });
    const url = served.url;
    writeFileSync(lockPath(config), JSON.stringify({ pid: process.pid, url } satisfies LockContents));
    return {
      url,
      stop: async () => {
        await served.stop();
        releaseLock(config);
      },
    };
  } catch (error) {
    await pglite?.close().catch(() => undefined);
    releaseLock(config);
    throw error;
  }
}
