import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export async function getSalonSettings() {
  const settings = await db.salonSettings.findUnique({ where: { id: 1 } });
  if (!settings) throw new AppError("NOT_FOUND", "The salon has not been set up yet: run `npm run db:seed`.");
  return settings;
}

export type SalonSettings = Awaited<ReturnType<typeof getSalonSettings>>;
