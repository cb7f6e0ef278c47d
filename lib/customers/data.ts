import "server-only";
import { changedPageOf, changedSince } from "@/lib/cursor";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { actorCan } from "@/lib/auth/permissions";
import { visibleTo } from "@/lib/booking/data";
import { orNotFound } from "@/lib/errors";
import { staffDisplayName, staffNameSelect } from "@/lib/staff/display-name";
import type { Prisma } from "@/lib/generated/prisma/client";

export const customerSelect = { id: true, name: true, email: true, phone: true, createdAt: true, updatedAt: true } as const;

export type Customer = { id: string; name: string; email: string; phone: string | null; createdAt: Date; updatedAt: Date };

/** The customers `actor` may see: all with customer.viewAny, else those with an appointment in their column. */
export function customersVisibleTo(actor: Actor): Prisma.UserWhereInput {
  const servedOnly = !actorCan(actor, "customer.viewAny") && actor.kind === "user";
  return { role: "CUSTOMER", ...(servedOnly ? { appointments: { some: { staffId: actor.userId } } } : {}) };
}

/** A page of customers, optionally those whose name or email contains `q` (case-insensitive). */
export function listCustomers(actor: Actor, options: { q?: string; cursorId?: string; limit: number }): Promise<Customer[]> {
  const search = options.q
    ? {
        OR: [
          { name: { contains: options.q, mode: "insensitive" as const } },
          { email: { contains: options.q, mode: "insensitive" as const } },
        ],
      }
    : {};
  return db.user.findMany({
    where: { ...customersVisibleTo(actor), ...search },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: customerSelect,
    take: options.limit + 1,
    ...(options.cursorId ? { cursor: { id: options.cursorId }, skip: 1 } : {}),
  });
}

/** Sync: the customers `actor` may see that changed since `since`. */
export async function listChangedCustomers(actor: Actor, options: { since: Date; cursor?: string; limit: number }) {
  const sync = changedSince(options.since, options.cursor);
  const rows = await db.user.findMany({
    where: { AND: [customersVisibleTo(actor), sync.where] },
    orderBy: sync.orderBy,
    select: customerSelect,
    take: options.limit + 1,
  });
  return changedPageOf(rows, options.limit);
}

/** One customer; staff accounts (and customers out of the actor's sight) are "not found" here. */
export async function getCustomer(actor: Actor, id: string): Promise<Customer> {
  return orNotFound(
    await db.user.findFirst({ where: { id, ...customersVisibleTo(actor) }, select: customerSelect }),
    `No customer with id ${id}.`,
  );
}

export function findCustomerByEmail(email: string): Promise<Customer | null> {
  return db.user.findFirst({ where: { email: email.toLowerCase(), role: "CUSTOMER" }, select: customerSelect });
}

/** Staff notes on the customer's appointments the actor may see, newest first (the customer profile's notes). */
export async function listCustomerStaffNotes(actor: Actor, customerId: string) {
  const notes = await db.appointmentNote.findMany({
    where: { appointment: { AND: [{ customerId }, visibleTo(actor)] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: {
      id: true,
      body: true,
      createdAt: true,
      appointmentId: true,
      author: { select: staffNameSelect },
    },
  });
  return notes.map(({ author, ...note }) => ({ ...note, author: staffDisplayName(author) }));
}

/** What a profile shows beyond the contact details: consent, visit counts and spend (completed visits). */
export async function getCustomerProfile(actor: Actor, id: string) {
  const customer = orNotFound(
    await db.user.findFirst({
      where: { id, ...customersVisibleTo(actor) },
      select: { ...customerSelect, emailVerified: true, marketingConsentAt: true, marketingConsentSource: true, anonymisedAt: true },
    }),
    `No customer with id ${id}.`,
  );
  const byStatus = await db.appointment.groupBy({
    by: ["status", "currency"],
    where: { AND: [{ customerId: id }, visibleTo(actor)] },
    _count: { _all: true },
    _sum: { priceCents: true },
  });
  const count = (status: string) => byStatus.filter((row) => row.status === status).reduce((sum, row) => sum + row._count._all, 0);
  const spend = byStatus
    .filter((row) => row.status === "COMPLETED")
    .map((row) => ({ currency: row.currency.trim(), cents: row._sum.priceCents ?? 0 }));
  return { ...customer, completed: count("COMPLETED"), noShows: count("NO_SHOW"), cancelled: count("CANCELLED"), spend };
}

/** Staff notes about the customer as a person, newest first. */
export async function listCustomerNotes(customerId: string) {
  const notes = await db.customerNote.findMany({
    where: { customerId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: { id: true, body: true, createdAt: true, author: { select: staffNameSelect } },
  });
  return notes.map(({ author, ...note }) => ({ ...note, author: staffDisplayName(author) }));
}

/**
 * Everything the salon holds about the customer, as they download it: their account, visits, patch
 * tests, the staff notes about them and the emails sent to them (what was sent, not the raw bodies,
 * which the salon does not keep for account emails).
 */
export async function exportCustomerData(customerId: string) {
  const [account, appointments, patchTests, notes, emails] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: customerId },
      select: {
        name: true,
        email: true,
        phone: true,
        createdAt: true,
        emailVerified: true,
        marketingConsentAt: true,
        marketingConsentSource: true,
      },
    }),
    db.appointment.findMany({
      where: { customerId },
      orderBy: { startsAt: "asc" },
      select: {
        startsAt: true,
        endsAt: true,
        status: true,
        priceCents: true,
        currency: true,
        customerNote: true,
        cancelledAt: true,
        cancellationReason: true,
        createdAt: true,
        service: { select: { name: true } },
        staff: { select: staffNameSelect },
      },
    }),
    db.patchTest.findMany({ where: { customerId }, orderBy: { testedAt: "asc" }, select: { testedAt: true, product: true, result: true } }),
    db.customerNote.findMany({ where: { customerId }, orderBy: { createdAt: "asc" }, select: { body: true, createdAt: true } }),
    db.user.findUniqueOrThrow({ where: { id: customerId }, select: { email: true } }).then(({ email }) =>
      db.emailMessage.findMany({
        where: { to: email },
        orderBy: { createdAt: "asc" },
        select: { kind: true, subject: true, status: true, createdAt: true },
      }),
    ),
  ]);
  return {
    account,
    appointments: appointments.map(({ service, staff, currency, ...row }) => ({
      ...row,
      currency: currency.trim(),
      service: service.name,
      stylist: staffDisplayName(staff),
    })),
    patchTests,
    staffNotes: notes,
    emails,
  };
}
