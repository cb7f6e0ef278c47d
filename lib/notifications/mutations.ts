import "server-only";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { Prisma, type OutboxEvent } from "@/lib/generated/prisma/client";
import { OUTBOX_LEASE_MS, OUTBOX_MAX_ATTEMPTS, outboxRetryDelayMs } from "./outbox-retry";
import { outboxRowOf, type TOutboxEvent } from "./outbox-events";

/**
 * Records an event in the outbox. Call it with the transaction client of the change it announces, so
 * the event commits (or rolls back) together with the change.
 */
export async function writeOutboxEvent(tx: Prisma.TransactionClient, event: TOutboxEvent): Promise<string> {
  const row = await tx.outboxEvent.create({ data: outboxRowOf(event), select: { id: true } });
  return row.id;
}

/** The channel the outbox worker (`npm run worker`) LISTENs on. */
export const OUTBOX_CHANNEL = "outbox_event";

/**
 * Wakes the outbox worker; call after the outbox rows committed. Not from a trigger in the writing
 * transaction: a transaction that notifies takes PostgreSQL's global notify lock through its commit,
 * which serialised booking commits (measured with 8 clients: 1,620–1,815 inserting commits/s without it,
 * 450–510/s with a trigger, 1,520–1,590/s with this separate statement). A transaction of its own
 * writes no WAL, so the lock is held briefly. Writers that never call this are left to the sweep.
 */
export async function notifyOutboxWorker(): Promise<void> {
  await db.$executeRawUnsafe(`NOTIFY ${OUTBOX_CHANNEL}`);
}

/** The columns the claim queries select. */
export type ClaimedOutboxRow = Pick<OutboxEvent, "id" | "type" | "payload" | "attempts" | "appointmentId" | "createdAt">;
export type PublishOutcome = { id: string; error?: string };
/** What was recorded: `dead` when that was the row's last attempt (the caller alerts). */
export type RecordedOutcome = PublishOutcome & { dead: boolean; attempts: number };

/**
 * Which rows a publisher may take: unpublished, not dead, due (no lease or backoff pending), and not
 * already tried in this pass. `retried` picks rows that failed before (Inngest mode sends those one by
 * one, so a row Inngest keeps refusing cannot sink a whole batch with it); undefined takes both.
 */
export type OutboxPick = { limit: number; skipIds: string[]; retried?: boolean };

function dueRows({ limit, skipIds, retried }: OutboxPick): Prisma.Sql {
  const attempts = retried === undefined ? Prisma.empty : retried ? Prisma.sql`AND attempts > 0` : Prisma.sql`AND attempts = 0`;
  return Prisma.sql`
    SELECT id FROM "OutboxEvent"
     WHERE "publishedAt" IS NULL AND "deadAt" IS NULL
       AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= now())
       AND id <> ALL(${skipIds}::text[]) ${attempts}
     ORDER BY COALESCE("nextAttemptAt", "createdAt"), id
     LIMIT ${limit}
     FOR UPDATE SKIP LOCKED`;
}

/**
 * Claims due outbox rows (`FOR UPDATE SKIP LOCKED`, so concurrent relays take disjoint rows), lets
 * `publish` hand them on while the rows stay locked, then records each outcome. `publish` must not use
 * the database: on the embedded database every other connection waits for this transaction, so a query
 * from inside it would deadlock.
 */
export async function withClaimedOutboxBatch(
  pick: OutboxPick,
  publish: (rows: ClaimedOutboxRow[]) => Promise<PublishOutcome[]>,
): Promise<RecordedOutcome[]> {
  return db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<ClaimedOutboxRow[]>`
        SELECT id, type, payload, attempts, "appointmentId", "createdAt" FROM "OutboxEvent"
         WHERE id IN (${dueRows(pick)})
         ORDER BY COALESCE("nextAttemptAt", "createdAt"), id`;
      if (rows.length === 0) return [];
      const outcomes = await publish(rows);
      const attemptsOf = new Map(rows.map((row) => [row.id, row.attempts]));
      const recorded: RecordedOutcome[] = [];
      for (const outcome of outcomes) recorded.push(await recordOutcome(tx, outcome, attemptsOf.get(outcome.id) ?? 0));
      return recorded;
    },
    // Publishing to Inngest is an HTTP call with its own retries: allow it more than the 5 s default.
    { timeout: 60_000, maxWait: 10_000 },
  );
}

async function recordOutcome(
  client: Prisma.TransactionClient | typeof db,
  outcome: PublishOutcome,
  previousAttempts: number,
): Promise<RecordedOutcome> {
  const attempts = previousAttempts + 1;
  const dead = Boolean(outcome.error) && attempts >= OUTBOX_MAX_ATTEMPTS;
  await client.outboxEvent.update({
    where: { id: outcome.id },
    data: outcome.error
      ? {
          attempts,
          lastError: outcome.error.slice(0, 2000),
          nextAttemptAt: dead ? null : new Date(Date.now() + outboxRetryDelayMs(attempts)),
          deadAt: dead ? new Date() : null,
        }
      : { attempts, publishedAt: new Date(), lastError: null, nextAttemptAt: null },
  });
  return { ...outcome, dead, attempts };
}

/**
 * Claims due rows for the embedded publisher in one statement: each gets a lease (`nextAttemptAt`), so a
 * concurrent publisher leaves the rows this one is running, and a publisher that dies mid-run frees them
 * when the lease ends. The handlers run outside any transaction and are idempotent, so a row run twice
 * (a lease outlived) is still one email.
 */
export function claimOutboxForRun(pick: OutboxPick): Promise<ClaimedOutboxRow[]> {
  return db.$queryRaw<ClaimedOutboxRow[]>`
    UPDATE "OutboxEvent" SET "nextAttemptAt" = now() + make_interval(secs => ${OUTBOX_LEASE_MS / 1000})
     WHERE id IN (${dueRows(pick)})
     RETURNING id, type, payload, attempts, "appointmentId", "createdAt"`.then((rows) =>
    // RETURNING has no order: oldest first, so one appointment's events run in the order they happened.
    rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id)),
  );
}

/** Records a claimed row's outcome (published, or why not and when to try again); see withClaimedOutboxBatch. */
export function recordOutboxOutcome(row: ClaimedOutboxRow, error?: string): Promise<RecordedOutcome> {
  return recordOutcome(db, { id: row.id, error }, row.attempts);
}

/** Gives a dead-lettered row a fresh set of attempts; false when there is no such dead row. */
export async function reviveDeadOutboxEvent(id: string): Promise<boolean> {
  const { count } = await db.outboxEvent.updateMany({
    where: { id, deadAt: { not: null }, publishedAt: null },
    data: { deadAt: null, attempts: 0, nextAttemptAt: null },
  });
  return count === 1;
}

type NewEmail = Omit<Prisma.EmailMessageUncheckedCreateInput, "id" | "status" | "createdAt" | "updatedAt">;

/**
 * A resend is a new row in the email log (no dedupe key: it is deliberate), copying the stored content
 * of the original, so the log shows every send and what each one said.
 */
export function insertResendCopy(
  original: {
    to: string;
    kind: string;
    appointmentId: string | null;
    appointmentVersion: number | null;
    subject: string;
    html: string;
    text: string;
    attachments: Prisma.JsonValue;
  },
  transport: string,
) {
  return db.emailMessage.create({
    data: {
      to: original.to,
      kind: original.kind,
      appointmentId: original.appointmentId,
      appointmentVersion: original.appointmentVersion,
      subject: original.subject,
      html: original.html,
      text: original.text,
      attachments: original.attachments ?? [],
      transport,
    },
  });
}

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

/** The local mailbox's copy of a delivered email; a retried delivery of the same row stores nothing new. */
export async function storeInLocalMailbox(email: {
  emailId: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  attachments: Prisma.InputJsonValue;
}) {
  await db.mailboxMessage.createMany({
    data: [
      { emailId: email.emailId, to: email.to, subject: email.subject, html: email.html, text: email.text, attachments: email.attachments },
    ],
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
