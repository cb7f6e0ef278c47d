import "server-only";
import { db } from "@/lib/db";

/**
 * Reads for health, readiness and the DB-derived metrics. They are computed from the database at scrape
 * time, not counted in memory, so every instance reports the same truth and restarts lose nothing.
 */

export type AppliedMigration = { name: string; finished: boolean; rolledBack: boolean };

/** Rows of Prisma's own bookkeeping table; an unfinished, not rolled-back row is a failed migration. */
export async function listAppliedMigrations(): Promise<AppliedMigration[]> {
  const rows = await db.$queryRaw<{ migration_name: string; finished_at: Date | null; rolled_back_at: Date | null }[]>`
    SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`;
  return rows.map((row) => ({
    name: row.migration_name,
    finished: row.finished_at !== null,
    rolledBack: row.rolled_back_at !== null,
  }));
}

/** Appointment history by action (booked, rescheduled, cancelled, …) since the beginning. */
export async function countAppointmentEventsByAction(): Promise<Record<string, number>> {
  const groups = await db.appointmentEvent.groupBy({ by: ["action"], _count: { _all: true } });
  return Object.fromEntries(groups.map((group) => [group.action, group._count._all]));
}

export type OutboxBacklog = { unpublished: number; oldestUnpublishedAt: Date | null };

export async function getOutboxBacklog(): Promise<OutboxBacklog> {
  const [unpublished, oldest] = await Promise.all([
    db.outboxEvent.count({ where: { publishedAt: null } }),
    db.outboxEvent.findFirst({ where: { publishedAt: null }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
  ]);
  return { unpublished, oldestUnpublishedAt: oldest?.createdAt ?? null };
}

/** Emails by delivery status (QUEUED, SENT, FAILED). */
export async function countEmailsByStatus(): Promise<Record<string, number>> {
  const groups = await db.emailMessage.groupBy({ by: ["status"], _count: { _all: true } });
  return Object.fromEntries(groups.map((group) => [group.status, group._count._all]));
}
