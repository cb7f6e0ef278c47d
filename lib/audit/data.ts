import "server-only";
import { pageOf } from "@/lib/cursor";
import { db } from "@/lib/db";
import type { AuditEntityKind } from "./schema";

export type AuditFilter = { kind?: AuditEntityKind; actorId?: string; from?: Date; until?: Date };

/** One page of the audit log, newest first, with who made each change. `until` is exclusive. */
export async function listAuditEvents(filter: AuditFilter, page: { limit: number; cursorId?: string }) {
  const rows = await db.auditEvent.findMany({
    where: {
      ...(filter.kind && { entityKind: filter.kind }),
      ...(filter.actorId && { actorId: filter.actorId }),
      ...((filter.from || filter.until) && {
        createdAt: { ...(filter.from && { gte: filter.from }), ...(filter.until && { lt: filter.until }) },
      }),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: page.limit + 1,
    ...(page.cursorId ? { cursor: { id: page.cursorId }, skip: 1 } : {}),
    include: { actor: { select: { name: true, email: true } }, apiKey: { select: { name: true, prefix: true } } },
  });
  return pageOf(rows, page.limit);
}

export type AuditEventView = Awaited<ReturnType<typeof listAuditEvents>>["items"][number];

/** Everyone who appears in the log as an actor, for the actor filter. */
export function listAuditActors() {
  return db.user.findMany({
    where: { auditEvents: { some: {} } },
    select: { id: true, name: true, email: true },
    orderBy: { name: "asc" },
  });
}

/** Names for the stylist and service ids that audit snapshots hold (who performs a service, and so on). */
export async function auditReferenceNames(): Promise<Map<string, string>> {
  const [stylists, services] = await Promise.all([
    db.staffProfile.findMany({ select: { userId: true, displayName: true } }),
    db.service.findMany({ select: { id: true, name: true } }),
  ]);
  return new Map([...stylists.map((s) => [s.userId, s.displayName] as const), ...services.map((s) => [s.id, s.name] as const)]);
}
