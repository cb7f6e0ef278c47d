import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { actorCan } from "@/lib/auth/permissions";
import { sendTokenEmail } from "@/lib/auth/send-token-email";
import { recordAudit } from "@/lib/audit/mutations";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError, orNotFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { writeOutboxEvent } from "@/lib/notifications/mutations";
import { customerSelect, customersVisibleTo, findCustomerByEmail, type Customer } from "@/lib/customers/data";
import {
  ZAddCustomerNoteInput,
  ZCreateCustomerInput,
  ZMarketingConsentInput,
  ZUpdateCustomerContactInput,
  type TAddCustomerNoteInput,
  type TCreateCustomerInput,
  type TMarketingConsentInput,
  type TUpdateCustomerContactInput,
} from "@/lib/customers/schema";
import { parseInput } from "@/lib/parse-input";

function emailTaken(): AppError {
  return new AppError("CONFLICT", "An account with this email already exists.", [{ path: "email", message: "Already registered" }]);
}

/**
 * Creates a customer account. Staff and the API create it without a password (the customer can set one
 * later through "forgot password"); someone registering themselves chooses one. The `customer.created`
 * event commits with the account; the caller publishes the outbox once it has.
 */
export async function createCustomer(input: TCreateCustomerInput, credentials: { password?: string } = {}): Promise<Customer> {
  const data = parseInput(ZCreateCustomerInput, input);
  const passwordHash = credentials.password === undefined ? undefined : await hashPassword(credentials.password);
  try {
    return await db.$transaction(async (tx) => {
      const customer = await tx.user.create({ data: { ...data, passwordHash, role: "CUSTOMER" }, select: customerSelect });
      await writeOutboxEvent(tx, { name: "customer.created", data: { customerId: customer.id } });
      return customer;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}

/**
 * The customer with this email, created if new: staff booking for a walk-in or a partner's customer give
 * name and email, not an id. An email that belongs to a staff account is refused, not reused.
 */
export async function findOrCreateCustomer(input: TCreateCustomerInput): Promise<Customer> {
  const data = parseInput(ZCreateCustomerInput, input);
  const existing = await findCustomerByEmail(data.email);
  if (existing) return existing;
  try {
    return await createCustomer(data);
  } catch (error) {
    // Two requests creating the same new customer at once: the loser uses the winner's row.
    const winner = await findCustomerByEmail(data.email);
    if (winner) return winner;
    throw error;
  }
}

/**
 * Staff changes to a customer's profile. Each one is audited in its own transaction, and each first
 * finds the customer among those the actor may see (a stylist: the customers they serve), so an id
 * from elsewhere is "not found".
 */

type Tx = Prisma.TransactionClient;

async function visibleCustomer(tx: Tx, actor: Actor, customerId: string) {
  return orNotFound(
    await tx.user.findFirst({
      where: { id: customerId, anonymisedAt: null, ...customersVisibleTo(actor) },
      select: { id: true, name: true, email: true, phone: true, marketingConsentAt: true, marketingConsentSource: true },
    }),
    "That customer does not exist.",
  );
}

/**
 * Name, email and phone. A new email is unconfirmed until the customer follows the link sent to it:
 * until then their account shows no bookings, so a mistyped address cannot expose them to a stranger.
 */
export async function updateCustomerContact(actor: Actor, rawInput: TUpdateCustomerContactInput): Promise<{ emailChanged: boolean }> {
  const { customerId, ...contact } = parseInput(ZUpdateCustomerContactInput, rawInput);
  let emailChanged = false;
  try {
    await db.$transaction(async (tx) => {
      const before = await visibleCustomer(tx, actor, customerId);
      emailChanged = before.email !== contact.email;
      await tx.user.update({
        where: { id: customerId },
        data: { ...contact, ...(emailChanged ? { emailVerified: null } : {}) },
      });
      await recordAudit(tx, actor, {
        entity: { kind: "customer", id: customerId, label: contact.name },
        action: "contact.updated",
        before: { name: before.name, email: before.email, phone: before.phone },
        after: contact,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("CONFLICT", "Another account already uses this email.", [{ path: "email", message: "Already registered" }]);
    throw error;
  }
  // After the commit: the link must point at the address now on the account.
  if (emailChanged) await sendTokenEmail("verify-email", { email: contact.email, name: contact.name }, "/verify-email");
  return { emailChanged };
}

export async function setMarketingConsent(actor: Actor, rawInput: TMarketingConsentInput, now: Date = new Date()): Promise<void> {
  const input = parseInput(ZMarketingConsentInput, rawInput);
  await db.$transaction(async (tx) => {
    const before = await visibleCustomer(tx, actor, input.customerId);
    // Withdrawal clears both: consent is either on record with its when and how, or absent.
    const after = input.consent
      ? { marketingConsentAt: now, marketingConsentSource: input.source }
      : { marketingConsentAt: null, marketingConsentSource: null };
    await tx.user.update({ where: { id: input.customerId }, data: after });
    await recordAudit(tx, actor, {
      entity: { kind: "customer", id: input.customerId, label: before.name },
      action: input.consent ? "marketing-consent.given" : "marketing-consent.withdrawn",
      before: { marketingConsentAt: before.marketingConsentAt, marketingConsentSource: before.marketingConsentSource },
      after,
    });
  });
}

export async function addCustomerNote(actor: Actor, rawInput: TAddCustomerNoteInput, authorId: string): Promise<void> {
  const input = parseInput(ZAddCustomerNoteInput, rawInput);
  await db.$transaction(async (tx) => {
    const customer = await visibleCustomer(tx, actor, input.customerId);
    await tx.customerNote.create({ data: { customerId: customer.id, authorId, body: input.body } });
    await recordAudit(tx, actor, {
      entity: { kind: "customer", id: customer.id, label: customer.name },
      action: "note.added",
      after: { note: input.body },
    });
  });
}

const DELETED_CUSTOMER_NAME = "Deleted customer";

/**
 * A customer deleting their account. The person goes; the salon's books stay: appointment rows keep
 * their dates, service, stylist, status and price (the salon must keep its sales records), but point at
 * a user row with no name, email, phone or password. What identifies or describes the person is removed:
 * their notes on bookings, staff notes about them, patch tests, sign-in data, keys, the bodies of the
 * emails sent to them and the personal fields of audit entries about them. See docs/PRIVACY.md.
 */
export async function deleteOwnCustomerAccount(actor: Actor, now: Date = new Date()): Promise<void> {
  if (actor.kind !== "user" || !actorCan(actor, "account.ownData"))
    throw new AppError("FORBIDDEN", "Only customers can delete their account here.");
  const customerId = actor.userId;
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: customerId }, select: { email: true, anonymisedAt: true } });
    if (user.anonymisedAt) return;
    const upcoming = await tx.appointment.count({
      where: { customerId, status: { in: ["BOOKED", "PENDING_PAYMENT"] }, startsAt: { gt: now } },
    });
    if (upcoming > 0) {
      throw new AppError(
        "CONFLICT",
        `You have ${upcoming} upcoming appointment${upcoming === 1 ? "" : "s"}. Cancel ${upcoming === 1 ? "it" : "them"} first, so the salon is not left waiting for you.`,
      );
    }
    const anonymousEmail = `deleted-${customerId}@deleted.invalid`;
    await tx.user.update({
      where: { id: customerId },
      data: {
        name: DELETED_CUSTOMER_NAME,
        email: anonymousEmail,
        phone: null,
        image: null,
        passwordHash: null,
        emailVerified: null,
        marketingConsentAt: null,
        marketingConsentSource: null,
        anonymisedAt: now,
        disabledAt: now,
        sessionVersion: { increment: 1 },
      },
    });
    await tx.session.deleteMany({ where: { userId: customerId } });
    await tx.account.deleteMany({ where: { userId: customerId } });
    await tx.apiKey.deleteMany({ where: { ownerId: customerId } });
    await tx.verificationToken.deleteMany({ where: { identifier: { endsWith: `:${user.email}` } } });
    await tx.customerNote.deleteMany({ where: { customerId } });
    await tx.patchTest.deleteMany({ where: { customerId } });
    await tx.appointment.updateMany({ where: { customerId }, data: { customerNote: null } });
    await tx.appointmentNote.deleteMany({ where: { appointment: { customerId } } });
    await tx.mailboxMessage.deleteMany({ where: { to: user.email } });
    await tx.emailMessage.updateMany({
      where: { to: user.email },
      data: { to: anonymousEmail, subject: "[removed]", html: "", text: "", attachments: [] },
    });
    await tx.auditEvent.updateMany({
      where: { entityKind: "customer", entityId: customerId },
      data: { entityLabel: DELETED_CUSTOMER_NAME, before: Prisma.DbNull, after: Prisma.DbNull },
    });
    await recordAudit(tx, actor, {
      entity: { kind: "customer", id: customerId, label: DELETED_CUSTOMER_NAME },
      action: "account.deleted",
      after: { anonymisedAt: now },
    });
  });
}
