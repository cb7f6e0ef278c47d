import type { Actor } from "@/lib/auth/actor";
import { actorCan } from "@/lib/auth/permissions";

/**
 * Which appointments an actor sees, named once for both the ORM's filter (visibleTo in data.ts) and the
 * list page's SQL (prisma/sql/listAppointments.sql). Customers (and their API keys) see their own
 * appointments; stylists also those in their own column; appointment.viewAny (front desk, admins, the
 * system) the salon's. Staff and the API book by email, and anyone can register an address that is not
 * theirs: until the account has proven the address, the bookings made for it stay invisible to it.
 */
export type VisibilityScope =
  { kind: "all" } | { kind: "none" } | { kind: "customer"; userId: string } | { kind: "staffOrCustomer"; userId: string };

export function visibilityScope(actor: Actor): VisibilityScope {
  if (actorCan(actor, "appointment.viewAny")) return { kind: "all" };
  if (actor.kind !== "user") return { kind: "none" };
  if (actorCan(actor, "appointment.manageOwn")) return { kind: "staffOrCustomer", userId: actor.userId };
  return { kind: "customer", userId: actor.userId };
}
