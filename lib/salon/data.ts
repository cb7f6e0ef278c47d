import "server-only";
import { db } from "@/lib/db";
import { orNotFound } from "@/lib/errors";

export async function getSalonSettings() {
  return orNotFound(await db.salonSettings.findUnique({ where: { id: 1 } }), "The salon has not been set up yet: run `npm run db:seed`.");
}

export type SalonSettings = Awaited<ReturnType<typeof getSalonSettings>>;
