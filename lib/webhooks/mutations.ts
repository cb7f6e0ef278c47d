import "server-only";
import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/mutations";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError, orNotFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { subjectIdOf, ZOutboxEvent } from "@/lib/notifications/outbox-events";
import { parseInput } from "@/lib/parse-input";
import { assertAllowedWebhookUrl } from "./address-guard";
import { buildPayloadFromOutbox, testPayload, type WebhookPayload } from "./build-payload";
import { endpointSelect } from "./data";
import { webhookEventOfOutbox } from "./events";
import { nextAttemptDelayMs } from "./retry-schedule";
import { ZCreateWebhookInput, ZUpdateWebhookInput, type TCreateWebhookInput, type TUpdateWebhookInput } from "./schema";
import { DELIVERY_LEASE_MS, SECRET_ROTATION_OVERLAP_MS, webhookSettings } from "./settings";
import { newWebhookSecret } from "./sign";

const audited = (endpoint: { url: string; events: string[]; description: string | null; enabled: boolean }) => ({
  url: endpoint.url,
  events: endpoint.events,
  description: endpoint.description,
  enabled: endpoint.enabled,
});

/** Subscribes a URL; the secret is returned here once and never read back through any other door. */
export async function createWebhookEndpoint(actor: Actor, input: TCreateWebhookInput) {
  const parsed = parseInput(ZCreateWebhookInput, input);
  await assertAllowedWebhookUrl(parsed.url, webhookSettings());
  const secret = newWebhookSecret();
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.create({
      data: { url: parsed.url, events: parsed.events, description: parsed.description ?? null, secret },
      select: endpointSelect,
    });
    await recordAudit(tx, actor, {
      entity: { kind: "webhook", id: endpoint.id, label: endpoint.url },
      action: "create",
      after: audited(endpoint),
    });
    return { endpoint, secret };
  });
}

export async function updateWebhookEndpoint(actor: Actor, id: string, input: TUpdateWebhookInput) {
  const parsed = parseInput(ZUpdateWebhookInput, input);
  if (parsed.url) await assertAllowedWebhookUrl(parsed.url, webhookSettings());
  return db.$transaction(async (tx) => {
    const before = orNotFound(await tx.webhookEndpoint.findUnique({ where: { id }, select: endpointSelect }), "No such webhook endpoint.");
    const endpoint = await tx.webhookEndpoint.update({
      where: { id },
      data: {
        ...(parsed.url !== undefined && { url: parsed.url }),
        ...(parsed.events !== undefined && { events: parsed.events }),
        ...(parsed.description !== undefined && { description: parsed.description }),
        // Enabling again clears why it was switched off; the deliveries it missed wait for a replay.
        ...(parsed.enabled !== undefined && { enabled: parsed.enabled, disabledReason: null }),
      },
      select: endpointSelect,
    });
    await recordAudit(tx, actor, {
      entity: { kind: "webhook", id: id, label: endpoint.url },
      action: "update",
      before: audited(before),
      after: audited(endpoint),
    });
    return endpoint;
  });
}

export async function deleteWebhookEndpoint(actor: Actor, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = orNotFound(await tx.webhookEndpoint.findUnique({ where: { id }, select: endpointSelect }), "No such webhook endpoint.");
    await tx.webhookEndpoint.delete({ where: { id } });
    await recordAudit(tx, actor, {
      entity: { kind: "webhook", id: id, label: before.url },
      action: "delete",
      before: audited(before),
    });
  });
}

/** A new secret; the current one keeps signing beside it for the overlap, then stops. */
export async function rotateWebhookSecret(actor: Actor, id: string, now = new Date()) {
  const secret = newWebhookSecret();
  return db.$transaction(async (tx) => {
    const current = orNotFound(
      await tx.webhookEndpoint.findUnique({ where: { id }, select: { secret: true } }),
      "No such webhook endpoint.",
    );
    const previousSecretExpiresAt = new Date(now.getTime() + SECRET_ROTATION_OVERLAP_MS);
    const endpoint = await tx.webhookEndpoint.update({
      where: { id },
      data: { secret, previousSecret: current.secret, previousSecretExpiresAt },
      select: endpointSelect,
    });
    await recordAudit(tx, actor, {
      entity: { kind: "webhook", id: id, label: endpoint.url },
      action: "rotate-secret",
      before: { previousSecretExpiresAt: null },
      after: { previousSecretExpiresAt: previousSecretExpiresAt.toISOString() },
    });
    return { endpoint, secret };
  });
}

const firstAttemptAt = (now: Date) => new Date(now.getTime() + (nextAttemptDelayMs(webhookSettings().retrySchedule, 0) ?? 0));

/**
 * One delivery per enabled endpoint subscribed to the outbox event's type. Idempotent: the unique
 * (endpoint, outbox event) pair means a re-run (a retried job, the relay after a crash) adds nothing.
 */
export async function createDeliveriesForOutboxEvent(outboxEventId: string): Promise<string[]> {
  const event = orNotFound(await db.outboxEvent.findUnique({ where: { id: outboxEventId } }), "No such outbox event.");
  const type = webhookEventOfOutbox(event.type);
  if (!type) return [];
  const endpoints = await db.webhookEndpoint.findMany({ where: { enabled: true, events: { has: type } }, select: { id: true } });
  if (endpoints.length > 0) {
    const now = new Date();
    const outboxEvent = ZOutboxEvent.parse({ name: event.type, data: event.payload });
    const payload = await buildPayloadFromOutbox(type, outboxEvent, event.createdAt);
    await db.webhookDelivery.createMany({
      data: endpoints.map((endpoint) => ({
        endpointId: endpoint.id,
        outboxEventId,
        messageId: `msg_${outboxEventId}`,
        eventType: type,
        // One subject's events go out in order: an appointment's, a customer's or a service's own id.
        orderingKey: subjectIdOf(outboxEvent),
        eventAt: event.createdAt,
        payload: payload as Prisma.InputJsonObject,
        nextAttemptAt: firstAttemptAt(now),
      })),
      skipDuplicates: true,
    });
  }
  const rows = await db.webhookDelivery.findMany({ where: { outboxEventId, status: "PENDING" }, select: { id: true } });
  return rows.map((row) => row.id);
}

/** A `webhook.test` delivery to one endpoint (enabled or not: checking a disabled endpoint is the point). */
export async function createTestDelivery(endpointId: string): Promise<string> {
  orNotFound(await db.webhookEndpoint.findUnique({ where: { id: endpointId }, select: { id: true } }), "No such webhook endpoint.");
  const now = new Date();
  const delivery = await db.webhookDelivery.create({
    data: {
      endpointId,
      messageId: `msg_${randomUUID().replaceAll("-", "")}`,
      eventType: "webhook.test",
      eventAt: now,
      payload: testPayload(endpointId, now) as Prisma.InputJsonObject,
      nextAttemptAt: now,
    },
    select: { id: true },
  });
  return delivery.id;
}

/** Sends a delivery again from the top of the retry schedule, with the same `webhook-id`. */
export async function replayWebhookDelivery(endpointId: string, deliveryId: string): Promise<void> {
  const { count } = await db.webhookDelivery.updateMany({
    where: { id: deliveryId, endpointId },
    data: { status: "PENDING", roundAttempts: 0, nextAttemptAt: new Date(), finishedAt: null },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "No such delivery for this endpoint.");
}

export type ClaimedDelivery = {
  id: string;
  endpointId: string;
  messageId: string;
  eventType: string;
  payload: WebhookPayload;
  attempts: number;
  roundAttempts: number;
  url: string;
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
};

/**
 * Claims due deliveries with a lease (SKIP LOCKED: concurrent senders take disjoint rows). Only the
 * oldest pending delivery of each (endpoint, appointment) is due, so one appointment's events arrive in
 * the order they happened, while other appointments and endpoints go on without waiting. A test event
 * for a disabled endpoint is still sent; nothing else is.
 */
export function claimDueDeliveries(pick: { limit: number; ids?: string[] }): Promise<ClaimedDelivery[]> {
  const only = pick.ids ? Prisma.sql`AND d.id = ANY(${pick.ids}::text[])` : Prisma.empty;
  return db.$queryRaw<ClaimedDelivery[]>`
    WITH due AS (
      SELECT d.id FROM "WebhookDelivery" d JOIN "WebhookEndpoint" e ON e.id = d."endpointId"
       WHERE d.status = 'PENDING' AND d."nextAttemptAt" <= now() ${only}
         AND (e.enabled OR d."eventType" = 'webhook.test')
         AND NOT EXISTS (
           SELECT 1 FROM "WebhookDelivery" p
            WHERE p."endpointId" = d."endpointId" AND p."orderingKey" = d."orderingKey" AND p.status = 'PENDING'
              AND (p."eventAt", p.id) < (d."eventAt", d.id))
       ORDER BY d."eventAt", d.id
       LIMIT ${pick.limit}
       FOR UPDATE OF d SKIP LOCKED)
    UPDATE "WebhookDelivery" d SET "nextAttemptAt" = now() + make_interval(secs => ${DELIVERY_LEASE_MS / 1000})
      FROM due, "WebhookEndpoint" e
     WHERE d.id = due.id AND e.id = d."endpointId"
    RETURNING d.id, d."endpointId", d."messageId", d."eventType", d.payload, d.attempts, d."roundAttempts",
              e.url, e.secret, e."previousSecret", e."previousSecretExpiresAt"`;
}

export type AttemptOutcome = {
  startedAt: Date;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  requestHeaders: Record<string, string>;
  responseBody: string | null;
};

/**
 * Logs one attempt and moves the delivery on: succeeded, failed for good (schedule used up), or pending
 * until the schedule's next wait. Returns the new status and when it is next due.
 */
export async function recordDeliveryAttempt(delivery: ClaimedDelivery, outcome: AttemptOutcome) {
  const roundAttempts = delivery.roundAttempts + 1;
  const delay = outcome.error ? nextAttemptDelayMs(webhookSettings().retrySchedule, roundAttempts) : null;
  const status: "SUCCEEDED" | "FAILED" | "PENDING" = !outcome.error ? "SUCCEEDED" : delay === null ? "FAILED" : "PENDING";
  const nextAttemptAt = status === "PENDING" ? new Date(Date.now() + delay!) : null;
  await db.$transaction([
    db.webhookAttempt.create({
      data: {
        deliveryId: delivery.id,
        number: delivery.attempts + 1,
        startedAt: outcome.startedAt,
        durationMs: outcome.durationMs,
        statusCode: outcome.statusCode,
        error: outcome.error?.slice(0, 2000) ?? null,
        requestHeaders: outcome.requestHeaders,
        responseBody: outcome.responseBody,
      },
    }),
    db.webhookDelivery.update({
      where: { id: delivery.id },
      data: {
        attempts: delivery.attempts + 1,
        roundAttempts,
        status,
        nextAttemptAt,
        lastStatusCode: outcome.statusCode,
        lastError: outcome.error?.slice(0, 2000) ?? null,
        lastDurationMs: outcome.durationMs,
        finishedAt: status === "PENDING" ? null : new Date(),
      },
    }),
  ]);
  return { status, nextAttemptAt };
}

/** When the given deliveries (all, without ids) are next due; null when none is pending. */
export async function nextPendingAt(ids?: string[]): Promise<Date | null> {
  const next = await db.webhookDelivery.aggregate({
    where: { status: "PENDING", ...(ids && { id: { in: ids } }), endpoint: { enabled: true } },
    _min: { nextAttemptAt: true },
  });
  return next._min.nextAttemptAt;
}

/**
 * Disables the endpoint when its last `failedEvents` finished events (test events aside) all failed and
 * the oldest of them is older than `failingSince`. Returns what was disabled, or null (nothing to do, or
 * another sender got there first).
 */
export async function disableEndpointAfterFailures(
  endpointId: string,
  rule: { failedEvents: number; failingSince: Date; reason: string },
): Promise<{ url: string; reason: string; at: Date } | null> {
  const last = await db.webhookDelivery.findMany({
    where: { endpointId, status: { not: "PENDING" }, eventType: { not: "webhook.test" } },
    orderBy: { finishedAt: "desc" },
    take: rule.failedEvents,
    select: { status: true, createdAt: true },
  });
  const failing = last.length === rule.failedEvents && last.every((delivery) => delivery.status === "FAILED");
  if (!failing || last[last.length - 1]!.createdAt > rule.failingSince) return null;
  const at = new Date();
  const { count } = await db.webhookEndpoint.updateMany({
    where: { id: endpointId, enabled: true },
    data: { enabled: false, disabledReason: rule.reason },
  });
  if (count === 0) return null;
  const { url } = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId }, select: { url: true } });
  return { url, reason: rule.reason, at };
}
