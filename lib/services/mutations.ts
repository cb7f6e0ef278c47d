import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeOutboxEvent } from "@/lib/notifications/mutations";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { depositsUnavailableReason } from "@/lib/payments/settings";
import { assertMaySetDepositPolicy } from "@/lib/services/deposit-policy-guard";
import type { ServiceDetail } from "@/lib/services/data";
import { getService, serviceSummaryFields } from "@/lib/services/data";
import { ZCreateServiceInput, ZUpdateServiceInput, type TCreateServiceInput, type TUpdateServiceInput } from "@/lib/services/schema";

/**
 * One deposit rule at a time: a fixed amount or a percentage, the one set clearing the other. Money is
 * asked for only where a payment provider can take it (production without Stripe refuses).
 */
function withDepositRule<T extends TUpdateServiceInput>(data: T): T {
  if (data.depositCents != null && data.depositPercent != null) {
    throw new AppError("VALIDATION", "Choose a fixed deposit or a percentage, not both.", [
      { path: "depositPercent", message: "Leave empty with a fixed deposit." },
    ]);
  }
  const asksMoney = data.depositCents != null || data.depositPercent != null || data.cardRequired === true;
  const unavailable = asksMoney ? depositsUnavailableReason() : null;
  if (unavailable) throw new AppError("VALIDATION", unavailable, [{ path: "depositCents", message: unavailable }]);
  if (data.depositCents != null) return { ...data, depositPercent: null };
  if (data.depositPercent != null) return { ...data, depositCents: null };
  return data;
}

function slugTaken(slug: string | undefined): AppError {
  return new AppError("CONFLICT", `A service with the slug "${slug}" already exists.`, [{ path: "slug", message: "Already taken" }]);
}

/** The fields an admin sets, as the audit log records them (prices included). */
const auditedFields = {
  ...serviceSummaryFields,
  bufferBeforeMinutes: true,
  bufferAfterMinutes: true,
  sortOrder: true,
  active: true,
} as const;

type AuditedService = Prisma.ServiceGetPayload<{ select: typeof auditedFields }>;

/** What a change replaced: the old value of every field it set to something else. */
function replacedValues(before: AuditedService, after: AuditedService): Partial<AuditedService> {
  const keys = Object.keys(after) as Array<keyof AuditedService>;
  return Object.fromEntries(keys.filter((key) => before[key] !== after[key]).map((key) => [key, before[key]]));
}

/**
 * A partner hears of every service added or changed as `service.updated` (one event, as catalogue
 * feeds do), with the replaced values; a save that changed nothing the API shows announces nothing.
 */
async function announceServiceChange(tx: Prisma.TransactionClient, serviceId: string, previous?: Partial<AuditedService>) {
  if (previous && Object.keys(previous).length === 0) return;
  await writeOutboxEvent(tx, { name: "service.updated", data: { serviceId, previous } });
}

export async function createService(actor: Actor, input: TCreateServiceInput): Promise<ServiceDetail> {
  const data = withDepositRule(parseInput(ZCreateServiceInput, input));
  assertMaySetDepositPolicy(actor, null, data);
  try {
    const id = await db.$transaction(async (tx) => {
      const row = await tx.service.create({ data, select: { id: true, ...auditedFields } });
      const { id: serviceId, ...after } = row;
      await recordAudit(tx, actor, { entity: { kind: "service", id: serviceId, label: after.name }, action: "created", after });
      await announceServiceChange(tx, serviceId);
      return serviceId;
    });
    return getService(id);
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken(data.slug);
    throw error;
  }
}

/**
 * Updates a service. `expectedUpdatedAt` (from the caller's ETag) makes it conditional: a change made
 * since the caller read the service wins, and this update is refused with VERSION_CONFLICT.
 * Appointments keep the price and duration they were booked with, so edits never rewrite history.
 */
export async function updateService(
  actor: Actor,
  id: string,
  input: TUpdateServiceInput,
  expectedUpdatedAt?: Date,
): Promise<ServiceDetail> {
  const data = withDepositRule(parseInput(ZUpdateServiceInput, input));
  await getService(id);
  try {
    await db.$transaction(async (tx) => {
      const before = await tx.service.findUniqueOrThrow({ where: { id }, select: auditedFields });
      assertMaySetDepositPolicy(actor, before, data);
      const { count } = await tx.service.updateMany({
        where: { id, ...(expectedUpdatedAt ? { updatedAt: expectedUpdatedAt } : {}) },
        data,
      });
      if (count === 0) throw new AppError("VERSION_CONFLICT", "The service has changed since you read it.");
      const after = await tx.service.findUniqueOrThrow({ where: { id }, select: auditedFields });
      await recordAudit(tx, actor, {
        entity: { kind: "service", id: id, label: after.name },
        action: data.active === false && before.active ? "deactivated" : "updated",
        before,
        after,
      });
      await announceServiceChange(tx, id, replacedValues(before, after));
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken(data.slug);
    throw error;
  }
  return getService(id);
}

/** Deactivating hides a service from booking; the row stays because appointments reference it. */
export function deactivateService(actor: Actor, id: string, expectedUpdatedAt?: Date): Promise<ServiceDetail> {
  return updateService(actor, id, { active: false }, expectedUpdatedAt);
}

/** Replaces who performs a service, in one transaction (availability never sees a half-written list). */
export async function setServiceStaff(actor: Actor, serviceId: string, staffIds: string[]): Promise<void> {
  const wanted = [...new Set(staffIds)].sort();
  await db.$transaction(async (tx) => {
    const service = await tx.service.findUnique({ where: { id: serviceId }, select: { name: true } });
    const current = await tx.staffService.findMany({ where: { serviceId }, select: { staffId: true }, orderBy: { staffId: "asc" } });
    await tx.staffService.deleteMany({ where: { serviceId } });
    await tx.staffService.createMany({ data: wanted.map((staffId) => ({ staffId, serviceId })) });
    await recordAudit(tx, actor, {
      entity: { kind: "service", id: serviceId, label: service?.name },
      action: "stylists-changed",
      before: { staffIds: current.map((row) => row.staffId) },
      after: { staffIds: wanted },
    });
  });
}
