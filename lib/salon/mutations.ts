import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { ZSalonSettingsInput, type TSalonSettingsInput } from "./schema";

/**
 * Saves the salon's settings. Availability reads them on every request (no cache), so a new slot step,
 * notice or timezone applies to the very next availability query.
 */
export async function updateSalonSettings(actor: Actor, input: TSalonSettingsInput) {
  const data = parseInput(ZSalonSettingsInput, input);
  return db.$transaction(async (tx) => {
    if (data.patchTestServiceId && !(await tx.service.findUnique({ where: { id: data.patchTestServiceId }, select: { id: true } }))) {
      throw new AppError("VALIDATION", "That patch test service does not exist.", [
        { path: "patchTestServiceId", message: "Choose a service." },
      ]);
    }
    const { id: _id, updatedAt: _before, ...before } = await tx.salonSettings.findUniqueOrThrow({ where: { id: 1 } });
    const saved = await tx.salonSettings.update({ where: { id: 1 }, data });
    const { id: _savedId, updatedAt: _after, ...after } = saved;
    await recordAudit(tx, actor, { entity: { kind: "settings", id: null, label: saved.name }, action: "updated", before, after });
    return saved;
  });
}
