import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ZOutboxEvent, type TOutboxEvent } from "./outbox-events";

/**
 * Records an event in the outbox. Call it with the transaction client of the change it announces, so
 * the event commits (or rolls back) together with the change.
 */
export async function writeOutboxEvent(tx: Prisma.TransactionClient, event: TOutboxEvent): Promise<string> {
  const parsed = ZOutboxEvent.parse(event);
  const row = await tx.outboxEvent.create({
    data: { type: parsed.name, appointmentId: parsed.data.appointmentId, payload: parsed.data },
    select: { id: true },
  });
  return row.id;
}
