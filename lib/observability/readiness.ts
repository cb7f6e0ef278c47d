import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { env, mailTransportOf } from "@/lib/env";
import { isDatabaseReachable } from "@/lib/health/data";
import { listAppliedMigrations } from "./data";

export type MigrationsReport = {
  status: "ok" | "pending" | "failed" | "unknown";
  applied: number;
  /** Migration folders shipped with this build that the database has not applied; null when not shipped. */
  pending: string[] | null;
  failed: string[];
};

export type ReadinessReport = {
  status: "ready" | "not_ready";
  database: "up" | "down";
  migrations: MigrationsReport;
  mailTransport: "resend" | "mailbox";
  inngestMode: "inngest" | "embedded";
};

/**
 * The migration folders this build ships. The container image and `npm start` have them; a host that
 * deploys only the server bundle does not, and readiness then relies on the database's own record.
 */
async function shippedMigrations(directory: string): Promise<string[] | null> {
  try {
    const entries = await readdir(directory, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  } catch {
    return null;
  }
}

export async function checkMigrations(directory = join(process.cwd(), "prisma", "migrations")): Promise<MigrationsReport> {
  const [applied, shipped] = await Promise.all([listAppliedMigrations(), shippedMigrations(directory)]);
  const failed = applied.filter((row) => !row.finished && !row.rolledBack).map((row) => row.name);
  const done = new Set(applied.filter((row) => row.finished).map((row) => row.name));
  const pending = shipped ? shipped.filter((name) => !done.has(name)) : null;
  return { status: migrationStatus(failed, pending, done.size), applied: done.size, pending, failed };
}

function migrationStatus(failed: string[], pending: string[] | null, applied: number): MigrationsReport["status"] {
  if (failed.length > 0) return "failed";
  // Without the folders we can only say the database has been migrated at all and nothing failed.
  if (pending === null) return applied > 0 ? "ok" : "unknown";
  return pending.length > 0 ? "pending" : "ok";
}

/** Ready = the database answers and its schema is exactly what this build expects. */
export async function checkReadiness(): Promise<ReadinessReport> {
  const settings = env();
  const { INNGEST_EVENT_KEY, INNGEST_DEV } = settings;
  const mailTransport = mailTransportOf(settings);
  const inngestMode = INNGEST_EVENT_KEY || INNGEST_DEV ? "inngest" : "embedded";
  const database = await isDatabaseReachable().catch(() => false);
  const migrations: MigrationsReport = database
    ? await checkMigrations().catch(() => ({ status: "unknown", applied: 0, pending: null, failed: [] }))
    : { status: "unknown", applied: 0, pending: null, failed: [] };
  const ready = database && migrations.status === "ok";
  return { status: ready ? "ready" : "not_ready", database: database ? "up" : "down", migrations, mailTransport, inngestMode };
}
