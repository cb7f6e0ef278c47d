import "server-only";
import { db } from "@/lib/db";
import { orNotFound } from "@/lib/errors";
import { DEFAULT_SALON_LOCALE } from "./schema";

export async function getSalonSettings() {
  return orNotFound(await db.salonSettings.findUnique({ where: { id: 1 } }), "The salon has not been set up yet: run `npm run db:seed`.");
}

export type SalonSettings = Awaited<ReturnType<typeof getSalonSettings>>;

/** The page language (`<html lang>`): the salon's locale, or the default before the salon is set up. */
export async function getSalonLocale(): Promise<string> {
  const salon = await db.salonSettings.findUnique({ where: { id: 1 }, select: { locale: true } });
  return salon?.locale ?? DEFAULT_SALON_LOCALE;
}
