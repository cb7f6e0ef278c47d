import "server-only";
import { db } from "@/lib/db";
import { sqlStateOf } from "@/lib/db-errors";
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

export type ClaimedOutboxRow = { id: string; type: string; payload: unknown; attempts: number };
export type PublishOutcome = { id: string; error?: string };

/**
 * Claims up to `batchSize` unpublished outbox rows (`FOR UPDATE SKIP LOCKED`, so concurrent relays take
 * disjoint rows), lets `publish` hand them on while the rows stay locked, then records each outcome.
 * `publish` must not use the database: on the embedded database every other connection waits for this
 * transaction, so a query from inside it would deadlock.
 */
export async function withClaimedOutboxBatch(
  batchSize: number,
  publish: (rows: ClaimedOutboxRow[]) => Promise<PublishOutcome[]>,
): Promise<PublishOutcome[]> {
  return db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<ClaimedOutboxRow[]>`
        SELECT id, type, payload, attempts FROM "OutboxEvent"
         WHERE "publishedAt" IS NULL
         ORDER BY "createdAt", id
         LIMIT ${batchSize}
         FOR UPDATE SKIP LOCKED`;
      if (rows.length === 0) return [];
      const outcomes = await publish(rows);
      for (const outcome of outcomes) await recordOutcome(tx, outcome);
      return outcomes;
    },
    // Publishing to Inngest is an HTTP call with its own retries: allow it more than the 5 s default.
    { timeout: 60_000, maxWait: 10_000 },
  );
}

async function recordOutcome(client: Prisma.TransactionClient | typeof db, outcome: PublishOutcome) {
  await client.outboxEvent.update({
    where: { id: outcome.id },
    data: outcome.error
      ? { attempts: { increment: 1 }, lastError: outcome.error.slice(0, 2000) }
      : { attempts: { increment: 1 }, publishedAt: new Date(), lastError: null },
  });
}

/**
 * The unpublished rows, oldest first, for the embedded publisher. Locked only for the moment of reading
 * (SKIP LOCKED leaves rows an Inngest relay is publishing right now); the embedded handlers then run
 * outside any transaction and are idempotent, so a row two publishers both pick is still one email.
 */
export function pickPendingOutbox(batchSize: number): Promise<ClaimedOutboxRow[]> {
  return db.$transaction(
    (tx) => tx.$queryRaw<ClaimedOutboxRow[]>`
      SELECT id, type, payload, attempts FROM "OutboxEvent"
       WHERE "publishedAt" IS NULL
       ORDER BY "createdAt", id
       LIMIT ${batchSize}
       FOR UPDATE SKIP LOCKED`,
  );
}

/** Records that a row was handed on (or why not); a published row is never picked again. */
export function recordOutboxOutcome(outcome: PublishOutcome): Promise<void> {
  return recordOutcome(db, outcome);
}

type NewEmail = Omit<Prisma.EmailMessageUncheckedCreateInput, "id" | "status" | "createdAt" | "updatedAt">;

/**
 * Insert-or-get by the email's dedupe key: the unique index decides, so two deliveries of the same event
 * racing here still end up with one row (and so one email).
 */
export async function insertOrGetEmail(email: NewEmail & { dedupeKey: string }) {
  try {
    return await db.emailMessage.create({ data: { ...email, status: "QUEUED" } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return db.emailMessage.findUniqueOrThrow({ where: { dedupeKey: email.dedupeKey } });
  }
}

export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown })?.code === "P2002" || sqlStateOf(error) === "23505";
}

/** The local mailbox's copy of a delivered email; a retried delivery of the same row stores nothing new. */
export async function storeInLocalMailbox(email: { emailId: string; to: string; subject: string; html: string; text: string; attachments: Prisma.InputJsonValue }) {
  await db.mailboxMessage.createMany({
    data: [{ emailId: email.emailId, to: email.to, subject: email.subject, html: email.html, text: email.text, attachments: email.attachments }],
    skipDuplicates: true,
  });
}

/** Marks an email sent. Also used by the mailbox transport: for it, the stored row *is* the delivery. */
export function markEmailSent(id: string, result: { transport: string; providerMessageId?: string }) {
  return db.emailMessage.update({
    where: { id },
    data: {
      status: "SENT",
      transport: result.transport,
      providerMessageId: result.providerMessageId ?? null,
      error: null,
      attempts: { increment: 1 },
      sentAt: new Date(),
    },
  });
}

/** Records a failed attempt; a row already SENT (by a concurrent delivery) is left as it is. */
export async function markEmailFailed(id: string, result: { transport: string; error: string }): Promise<void> {
  await db.emailMessage.updateMany({
    where: { id, status: { not: "SENT" } },
    data: { status: "FAILED", transport: result.transport, error: result.error.slice(0, 2000), attempts: { increment: 1 } },
  });
}
