import "server-only";
import { db } from "@/lib/db";
import { sqlStateOf } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import type { ServiceDetail } from "@/lib/services/data";
import { getService } from "@/lib/services/data";
import { ZCreateServiceInput, ZUpdateServiceInput, type TCreateServiceInput, type TUpdateServiceInput } from "@/lib/services/schema";

// P2002 is Prisma's own code; 23505 is what arrives when the adapter passes the driver error through.
function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown })?.code === "P2002" || sqlStateOf(error) === "23505";
}

function slugTaken(slug: string | undefined): AppError {
  return new AppError("CONFLICT", `A service with the slug "${slug}" already exists.`, [{ path: "slug", message: "Already taken" }]);
}

export async function createService(input: TCreateServiceInput): Promise<ServiceDetail> {
  const data = ZCreateServiceInput.parse(input);
  try {
    const row = await db.service.create({ data, select: { id: true } });
    return getService(row.id);
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
export async function updateService(id: string, input: TUpdateServiceInput, expectedUpdatedAt?: Date): Promise<ServiceDetail> {
  const data = ZUpdateServiceInput.parse(input);
  await getService(id);
  try {
    const { count } = await db.service.updateMany({
      where: { id, ...(expectedUpdatedAt ? { updatedAt: expectedUpdatedAt } : {}) },
      data,
    });
    if (count === 0) throw new AppError("VERSION_CONFLICT", "The service has changed since you read it.");
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken(data.slug);
    throw error;
  }
  return getService(id);
}

/** Deactivating hides a service from booking; the row stays because appointments reference it. */
export function deactivateService(id: string, expectedUpdatedAt?: Date): Promise<ServiceDetail> {
  return updateService(id, { active: false }, expectedUpdatedAt);
}

/** Replaces who performs a service, in one transaction (availability never sees a half-written list). */
export async function setServiceStaff(serviceId: string, staffIds: string[]): Promise<void> {
  await db.$transaction([
    db.staffService.deleteMany({ where: { serviceId } }),
    db.staffService.createMany({ data: [...new Set(staffIds)].map((staffId) => ({ staffId, serviceId })) }),
  ]);
}
