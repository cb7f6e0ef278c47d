import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const customerSelect = { id: true, name: true, email: true, phone: true, createdAt: true } as const;

export type Customer = { id: string; name: string; email: string; phone: string | null; createdAt: Date };

/** A page of customers, optionally those whose name or email contains `q` (case-insensitive). */
export function listCustomers(options: { q?: string; cursorId?: string; limit: number }): Promise<Customer[]> {
  const search = options.q
    ? { OR: [{ name: { contains: options.q, mode: "insensitive" as const } }, { email: { contains: options.q, mode: "insensitive" as const } }] }
    : {};
  return db.user.findMany({
    where: { role: "CUSTOMER", ...search },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: customerSelect,
    take: options.limit + 1,
    ...(options.cursorId ? { cursor: { id: options.cursorId }, skip: 1 } : {}),
  });
}

/** One customer; staff and admin accounts are not customers, so they are "not found" here. */
export async function getCustomer(id: string): Promise<Customer> {
  const customer = await db.user.findFirst({ where: { id, role: "CUSTOMER" }, select: customerSelect });
  if (!customer) throw new AppError("NOT_FOUND", `No customer with id ${id}.`);
  return customer;
}

export function findCustomerByEmail(email: string): Promise<Customer | null> {
  return db.user.findFirst({ where: { email: email.toLowerCase(), role: "CUSTOMER" }, select: customerSelect });
}

/** Staff notes written on any of a customer's appointments, newest first (the customer profile's notes). */
export async function listCustomerStaffNotes(customerId: string) {
  const notes = await db.appointmentNote.findMany({
    where: { appointment: { customerId } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: { id: true, body: true, createdAt: true, appointmentId: true, author: { select: { name: true, staffProfile: { select: { displayName: true } } } } },
  });
  return notes.map(({ author, ...note }) => ({ ...note, author: author.staffProfile?.displayName ?? author.name }));
}
