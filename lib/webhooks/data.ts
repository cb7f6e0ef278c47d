import "server-only";
import { db } from "@/lib/db";
import { orNotFound } from "@/lib/errors";

export const endpointSelect = {
  id: true,
  url: true,
  events: true,
  description: true,
  enabled: true,
  disabledReason: true,
  previousSecretExpiresAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

const deliverySelect = {
  id: true,
  endpointId: true,
  eventType: true,
  messageId: true,
  status: true,
  attempts: true,
  lastStatusCode: true,
  lastDurationMs: true,
  lastError: true,
  nextAttemptAt: true,
  createdAt: true,
  finishedAt: true,
} as const;

export function listWebhookEndpoints() {
  return db.webhookEndpoint.findMany({ select: endpointSelect, orderBy: { createdAt: "asc" } });
}

export async function getWebhookEndpoint(id: string) {
  return orNotFound(await db.webhookEndpoint.findUnique({ where: { id }, select: endpointSelect }), "No such webhook endpoint.");
}

/** Newest first; fetch `limit + 1` and split with pageOf. */
export async function listWebhookDeliveries(endpointId: string, page: { limit: number; cursorId?: string }) {
  await getWebhookEndpoint(endpointId);
  return db.webhookDelivery.findMany({
    where: { endpointId, ...(page.cursorId && { id: { lt: page.cursorId } }) },
    select: deliverySelect,
    orderBy: { id: "desc" },
    take: page.limit + 1,
  });
}

/** One delivery with every attempt, what was sent and what came back (for the dashboard's log). */
export async function getWebhookDelivery(endpointId: string, deliveryId: string) {
  return orNotFound(
    await db.webhookDelivery.findFirst({
      where: { id: deliveryId, endpointId },
      select: { ...deliverySelect, payload: true, attemptsLog: { orderBy: { number: "asc" } } },
    }),
    "No such delivery for this endpoint.",
  );
}

/** Who hears about a disabled endpoint: every active admin. */
export function adminRecipients() {
  return db.user.findMany({ where: { role: "ADMIN", disabledAt: null }, select: { id: true, email: true } });
}

/** The dashboard's log: the latest deliveries with what each attempt sent and got back. */
export function recentDeliveryLog(endpointId: string, limit: number) {
  return db.webhookDelivery.findMany({
    where: { endpointId },
    select: { ...deliverySelect, payload: true, attemptsLog: { orderBy: { number: "asc" } } },
    orderBy: { id: "desc" },
    take: limit,
  });
}
