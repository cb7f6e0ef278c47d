import "server-only";
import { db } from "@/lib/db";
import { ZSalonSettingsInput, type TSalonSettingsInput } from "./schema";

/**
 * Saves the salon's settings. Availability reads them on every request (no cache), so a new slot step,
 * notice or timezone applies to the very next availability query.
 */
export async function updateSalonSettings(input: TSalonSettingsInput) {
  const data = ZSalonSettingsInput.parse(input);
  return db.salonSettings.update({ where: { id: 1 }, data });
}
