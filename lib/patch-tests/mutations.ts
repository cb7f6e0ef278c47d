import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/mutations";
import { customersVisibleTo } from "@/lib/customers/data";
import { db } from "@/lib/db";
import { AppError, orNotFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/parse-input";
import { ZRecordPatchTestInput, type TRecordPatchTestInput } from "./schema";

type Tx = Prisma.TransactionClient;

/** Records a test on a customer the actor may see (else NOT_FOUND), audited with the change. */
export async function recordPatchTest(actor: Actor, rawInput: TRecordPatchTestInput, recordedById: string, options: { now?: Date } = {}) {
  const input = parseInput(ZRecordPatchTestInput, rawInput);
  if (input.testedAt > (options.now ?? new Date())) {
    throw new AppError("VALIDATION", "A patch test cannot be recorded before it is done.", [{ path: "date", message: "In the future." }]);
  }
  return db.$transaction(async (tx) => {
    const customer = orNotFound(
      await tx.user.findFirst({
        where: { id: input.customerId, anonymisedAt: null, ...customersVisibleTo(actor) },
        select: { name: true },
      }),
      "That customer does not exist.",
    );
    const test = await tx.patchTest.create({ data: { ...input, recordedById }, select: { id: true } });
    await recordAudit(tx, actor, {
      entity: { kind: "customer", id: input.customerId, label: customer.name },
      action: "patch-test.recorded",
      after: { testedAt: input.testedAt, product: input.product, result: input.result },
    });
    return test;
  });
}

/**
 * A staff override of the patch-test rule, kept with the appointment (see patchTestOverrideReason). One
 * per appointment: a move that needs one again replaces the reason given for the old time.
 */
export async function recordPatchTestOverride(tx: Tx, appointmentId: string, reason: string, staffId: string): Promise<void> {
  const override = { reason, staffId, createdAt: new Date() };
  await tx.patchTestOverride.upsert({ where: { appointmentId }, create: { appointmentId, ...override }, update: override });
}
