import "server-only";
import { db } from "@/lib/db";

/** Services a customer can book, in the salon's chosen order. */
export function listActiveServices() {
  return db.service.findMany({
    where: { active: true },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      category: true,
      durationMinutes: true,
      priceCents: true,
      currency: true,
    },
  });
}

export type ServiceSummary = Awaited<ReturnType<typeof listActiveServices>>[number];
