import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { actorCan, managesAppointment } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/mutations";
import { customersVisibleTo } from "@/lib/customers/data";
import { db } from "@/lib/db";
import { AppError, orNotFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/parse-input";
import { ZRecordPatchTestInput, type TRecordPatchTestInput } from "./schema";
import { PATCH_TEST_MIN_HOURS_BEFORE, patchTestWindow } from "./validity";

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
      entityKind: "customer",
      entityId: input.customerId,
      entityLabel: customer.name,
      action: "patch-test.recorded",
      after: { testedAt: input.testedAt, product: input.product, result: input.result },
    });
    return test;
  });
}

function patchTestRequired(serviceName: string, maxAgeMonths: number, patchService: { name: string; active: boolean } | null): AppError {
  const offer = patchService?.active
    ? `Book "${patchService.name}" first, then this appointment at least ${PATCH_TEST_MIN_HOURS_BEFORE} hours later.`
    : "Please ask the salon for a patch test first.";
  return new AppError(
    "PATCH_TEST_REQUIRED",
    `${serviceName} needs a patch test done at least ${PATCH_TEST_MIN_HOURS_BEFORE} hours and at most ${maxAgeMonths} months before the appointment, and there is none on record. ${offer}`,
  );
}

/**
 * The booking core's patch-test rule, run inside the booking's (or the move's) transaction once the row
 * holds its new start: a service that requires a test needs a negative one inside the window before the
 * start. Staff who manage the appointment may override it with a reason, which is kept with the appointment.
 */
export async function enforcePatchTest(
  tx: Tx,
  actor: Actor,
  appointment: { id: string; customerId: string; staffId: string; serviceId: string; startsAt: Date },
  overrideReason: string | undefined,
): Promise<void> {
  const service = await tx.service.findUniqueOrThrow({
    where: { id: appointment.serviceId },
    select: { name: true, requiresPatchTest: true },
  });
  if (!service.requiresPatchTest) return;
  const salon = await tx.salonSettings.findUniqueOrThrow({
    where: { id: 1 },
    select: { patchTestMaxAgeMonths: true, patchTestService: { select: { name: true, active: true } } },
  });
  const { earliest, latest } = patchTestWindow(appointment.startsAt, salon.patchTestMaxAgeMonths);
  const valid = await tx.patchTest.findFirst({
    where: { customerId: appointment.customerId, result: "NEGATIVE", testedAt: { gte: earliest, lte: latest } },
    select: { id: true },
  });
  if (valid) return;
  if (overrideReason === undefined) throw patchTestRequired(service.name, salon.patchTestMaxAgeMonths, salon.patchTestService);
  if (actor.kind !== "user" || !actorCan(actor, "patchTest.override") || !managesAppointment(actor, appointment)) {
    throw new AppError("FORBIDDEN", "Only staff can book or move an appointment without a valid patch test.");
  }
  // One override per appointment: a move that needs one again replaces the reason given for the old time.
  const override = { reason: overrideReason, staffId: actor.userId, createdAt: new Date() };
  await tx.patchTestOverride.upsert({
    where: { appointmentId: appointment.id },
    create: { appointmentId: appointment.id, ...override },
    update: override,
  });
}
