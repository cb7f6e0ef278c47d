import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { Prisma } from "@/lib/generated/prisma/client";
import { diffSnapshots, type Snapshot } from "./diff";
import type { AuditEntityKind } from "./schema";

export type AuditEntry = {
  /** `label`: what the entity is called now, so the log stays readable after a rename. */
  entity: { kind: AuditEntityKind; id: string | null; label?: string | null | undefined };
  action: string;
  before?: Snapshot | null;
  after?: Snapshot | null;
};

/** Who and through which door: a key-driven change is the API's, a signed-in person's is the dashboard's. */
function originOf(actor: Actor): { actorId: string | null; apiKeyId: string | null; source: "WEB" | "API" | "CLI" | "SYSTEM" } {
  if (actor.kind === "system") return { actorId: null, apiKeyId: null, source: actor.via === "cli" ? "CLI" : "SYSTEM" };
  return { actorId: actor.userId, apiKeyId: actor.apiKeyId ?? null, source: actor.apiKeyId ? "API" : "WEB" };
}

/**
 * Records one audited change. Takes the change's own transaction, so the log and the change commit or
 * roll back together: there is no change without its event, and no event for a change that failed.
 */
export async function recordAudit(tx: Prisma.TransactionClient, actor: Actor, entry: AuditEntry): Promise<void> {
  const { entity, action, before = null, after = null } = entry;
  const diff = diffSnapshots(before, after);
  if (!diff) return;
  await tx.auditEvent.create({
    data: {
      entityKind: entity.kind,
      entityId: entity.id,
      entityLabel: entity.label ?? null,
      action,
      ...originOf(actor),
      before: jsonOrDbNull(diff.before),
      after: jsonOrDbNull(diff.after),
    },
  });
}

/** A side of the diff as a JSON column: an absent side is SQL NULL, not the JSON value null. */
function jsonOrDbNull(snapshot: Snapshot | null) {
  return (snapshot as Prisma.InputJsonObject | null) ?? Prisma.DbNull;
}
