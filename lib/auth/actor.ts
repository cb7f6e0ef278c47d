import { actorCan } from "./permissions";

/**
 * Who is making a change. Every core function takes an actor explicitly (never reads the request), so a
 * server action, an API route and an Inngest function that do the same thing share one code path, and
 * the appointment history can say who did what, from where.
 */
export const ROLES = ["CUSTOMER", "STYLIST", "FRONT_DESK", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

/** The roles a team member (someone with a dashboard login) can hold. */
export const STAFF_ROLES = ["STYLIST", "FRONT_DESK", "ADMIN"] as const satisfies readonly Role[];

export type UserActor = {
  kind: "user";
  userId: string;
  role: Role;
  /** Set when the user acts through one of their API keys. */
  apiKeyId?: string;
};

/** The app acting on its own; `via: "cli"` when a person at the server's shell runs an operator CLI. */
export type SystemActor = { kind: "system"; via?: "cli" };

export type Actor = UserActor | SystemActor;

export const systemActor: SystemActor = { kind: "system" };
export const operatorActor: SystemActor = { kind: "system", via: "cli" };

/** The actor kind recorded in the appointment history. */
export function historyActorKind(actor: Actor): "CUSTOMER" | "STAFF" | "API_KEY" | "SYSTEM" {
  if (actor.kind === "system") return "SYSTEM";
  if (actor.apiKeyId) return "API_KEY";
  return actorCan(actor, "dashboard.access") ? "STAFF" : "CUSTOMER";
}

/** The id recorded with the actor kind: the API key's id for key-driven changes, else the user's. */
export function historyActorId(actor: Actor): string | null {
  if (actor.kind === "system") return null;
  return actor.apiKeyId ?? actor.userId;
}
