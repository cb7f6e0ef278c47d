import { AppError } from "@/lib/errors";
import type { Actor, Role } from "./actor";

/**
 * The one table of who may do what. Every door (page, server action, API route, Inngest job, CLI) asks
 * `can` or `actorCan`; nothing else in the code compares roles (a lint rule enforces it), so changing a
 * role's reach is a one-line change here and the authorization matrix test shows its effect.
 *
 * SYSTEM is the app acting on its own (Inngest jobs, the outbox relay); OPERATOR is a person at the
 * server's shell running a CLI. Neither is a role a user can hold.
 */
export type Principal = Role | "SYSTEM" | "OPERATOR";

const STAFF = ["STYLIST", "FRONT_DESK", "ADMIN"] as const;

export const PERMISSIONS = {
  "dashboard.access": STAFF,
  /** Book, move, cancel and change the customer's note of appointments booked for oneself. */
  "appointment.bookForSelf": ["CUSTOMER", ...STAFF],
  "appointment.viewAny": ["FRONT_DESK", "ADMIN", "SYSTEM", "OPERATOR"],
  /** Staff powers (any customer, override availability, no cutoffs, complete, no-show, notes) on any appointment. */
  "appointment.manageAny": ["FRONT_DESK", "ADMIN", "SYSTEM"],
  /** The same powers on appointments with oneself as the stylist. */
  "appointment.manageOwn": ["STYLIST"],
  "customer.viewAny": ["FRONT_DESK", "ADMIN"],
  /** Customers one has served or is booked with. */
  "customer.viewServed": ["STYLIST"],
  "customer.create": STAFF,
  /** Put any customer on the waitlist (phone requests), see the waitlist per day, take entries off it. */
  "waitlist.manageAny": ["FRONT_DESK", "ADMIN"],
  /** Name, phone, email and marketing consent of the customers one may see. */
  "customer.editContact": ["FRONT_DESK", "ADMIN"],
  /** Staff notes about a customer and their patch-test records (of the customers one may see). */
  "customer.notes": STAFF,
  "patchTest.record": STAFF,
  /** Book a service needing a patch test without a valid one, giving a reason (on appointments one manages). */
  "patchTest.override": STAFF,
  /** A customer's own data: download it as JSON, or delete (anonymise) the account. */
  "account.ownData": ["CUSTOMER"],
  /** One's own private calendar feed (its subscription link). */
  "calendarFeed.manageOwn": ["STYLIST"],
  /** Customer names, services and notes in colleagues' calendar columns (else busy blocks only). */
  "calendar.viewColleagueDetails": ["FRONT_DESK", "ADMIN"],
  "emailLog.view": ["FRONT_DESK", "ADMIN", "OPERATOR"],
  /** Verification, reset, sign-in-link and invitation emails in the log (metadata only). */
  "emailLog.viewAccountEmails": ["ADMIN", "OPERATOR"],
  "emailLog.resend": ["FRONT_DESK", "ADMIN"],
  "services.manage": ["ADMIN"],
  "settings.manage": ["ADMIN"],
  "team.manage": ["ADMIN"],
  "staffSchedule.manageAny": ["ADMIN"],
  /** One's own working hours and time off. */
  "staffSchedule.manageOwn": ["STYLIST"],
  "apiKeys.manageOwn": STAFF,
  "apiKeys.manageAny": ["ADMIN", "OPERATOR"],
  /** Holding (or granting a key) the scopes listed in ADMIN_ONLY_SCOPES. */
  "apiKeys.adminScopes": ["ADMIN"],
  "webhooks.manage": ["ADMIN"],
  /** Write and send webhook deliveries (the webhook job and the delivery sweep). */
  "webhooks.deliver": ["SYSTEM", "OPERATOR"],
  /** The payments policy: deposits per service, fees and the hold in the salon's settings. */
  "payments.manage": ["ADMIN"],
  /** Charge a no-show or late fee, refund or waive a deposit (on appointments one manages); see payments. */
  "payments.charge": ["FRONT_DESK", "ADMIN", "SYSTEM"],
  /** The dashboard's list of every payment, with totals. */
  "payments.viewAll": ["FRONT_DESK", "ADMIN"],
  /** Move money as the provider says (the refund and fee jobs, the provider's webhook). */
  "payments.apply": ["SYSTEM"],
  "reports.viewAll": ["ADMIN"],
  /** The reports narrowed to oneself as the stylist. */
  "reports.viewOwn": ["STYLIST"],
  "audit.view": ["ADMIN"],
  "outbox.manage": ["ADMIN", "SYSTEM", "OPERATOR"],
  /** Render and send appointment emails (the notification jobs). */
  "notifications.send": ["SYSTEM", "OPERATOR"],
} as const satisfies Record<string, readonly Principal[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(principal: Principal, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Principal[]).includes(principal);
}

/** For the doors without a user (Inngest jobs as SYSTEM, CLIs as OPERATOR): the same table decides. */
export function assertCan(principal: Principal, permission: Permission): void {
  if (!can(principal, permission)) throw new AppError("FORBIDDEN", `${principal} does not hold ${permission}.`);
}

/** One permission, or a list of which any one suffices (the data read then narrows what each one sees). */
export type PermissionNeed = Permission | readonly Permission[];

export function canAny(principal: Principal, need: PermissionNeed): boolean {
  return (typeof need === "string" ? [need] : need).some((permission) => can(principal, permission));
}

/** Seeing customers: all of them, or (stylists) those one has served or is booked with. */
export const VIEW_CUSTOMERS = ["customer.viewAny", "customer.viewServed"] as const satisfies PermissionNeed;

/** Seeing reports: everyone's, or (stylists) one's own figures. */
export const VIEW_REPORTS = ["reports.viewAll", "reports.viewOwn"] as const satisfies PermissionNeed;

export function principalOf(actor: Actor): Principal {
  return actor.kind === "system" ? "SYSTEM" : actor.role;
}

export function actorCan(actor: Actor, permission: Permission): boolean {
  return can(principalOf(actor), permission);
}

/** A stylist's hours and time off: anyone's with staffSchedule.manageAny, one's own with manageOwn. */
export function managesSchedule(actor: Actor, staffId: string): boolean {
  if (actorCan(actor, "staffSchedule.manageAny")) return true;
  return actor.kind === "user" && actorCan(actor, "staffSchedule.manageOwn") && staffId === actor.userId;
}

/**
 * Staff powers over one appointment: any appointment with `appointment.manageAny`, one's own column with
 * `appointment.manageOwn`. Everyone else acts on it as its customer (cutoffs apply, no override).
 */
export function managesAppointment(actor: Actor, appointment: { staffId: string | null | undefined }): boolean {
  if (actorCan(actor, "appointment.manageAny")) return true;
  return actor.kind === "user" && actorCan(actor, "appointment.manageOwn") && appointment.staffId === actor.userId;
}
