import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/mutations";
import { sendTokenEmail } from "@/lib/auth/send-token-email";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError, orNotFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/parse-input";
import { customersVisibleTo } from "./data";
import {
  ZAddCustomerNoteInput,
  ZMarketingConsentInput,
  ZUpdateCustomerContactInput,
  type TAddCustomerNoteInput,
  type TMarketingConsentInput,
  type TUpdateCustomerContactInput,
} from "./schema";

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
        entityKind: "customer",
        entityId: customerId,
        entityLabel: contact.name,
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
      entityKind: "customer",
      entityId: input.customerId,
      entityLabel: before.name,
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
      entityKind: "customer",
      entityId: customer.id,
      entityLabel: customer.name,
      action: "note.added",
      after: { note: input.body },
    });
  });
}
