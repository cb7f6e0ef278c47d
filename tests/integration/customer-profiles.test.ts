import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { exportCustomerData, getCustomerProfile, listCustomerNotes } from "@/lib/customers/data";
import { addCustomerNote, deleteOwnCustomerAccount, setMarketingConsent, updateCustomerContact } from "@/lib/customers/mutations";
import { db } from "@/lib/db";
import { recordPatchTest } from "@/lib/patch-tests/mutations";
import { createSalon, createService, createStylist, createUser, day, insertAppointment } from "../support/api-fixtures";
import { errorOf } from "../support/booking-fixtures";

/** Customer profiles: what staff see and change (audited), and the customer's own export and deletion. */

let customerId: string;
let stylistId: string;
let otherStylistId: string;
let frontDesk: Actor;
let frontDeskId: string;
let serviceId: string;
const HOUR = 3_600_000;
const stylist = (id: string): Actor => ({ kind: "user", userId: id, role: "STYLIST" });
const customer = (id: string): Actor => ({ kind: "user", userId: id, role: "CUSTOMER" });

beforeAll(async () => {
  await createSalon();
  serviceId = (await createService()).id;
  stylistId = (await createStylist([serviceId])).id;
  otherStylistId = (await createStylist([serviceId])).id;
  customerId = (await db.user.update({ where: { id: (await createUser("CUSTOMER")).id }, data: { name: "Nadia Okafor", phone: "+44 1" } }))
    .id;
  frontDeskId = (await createUser("FRONT_DESK")).id;
  frontDesk = { kind: "user", userId: frontDeskId, role: "FRONT_DESK" };
  const at = (days: number) => new Date(day(days).getTime() + 10 * HOUR);
  const completed = await insertAppointment({ customerId, staffId: stylistId, serviceId, startsAt: at(-20) });
  const noShow = await insertAppointment({ customerId, staffId: stylistId, serviceId, startsAt: at(-10) });
  await db.appointment.update({ where: { id: completed.id }, data: { status: "COMPLETED", customerNote: "Allergic to nuts" } });
  await db.appointment.update({ where: { id: noShow.id }, data: { status: "NO_SHOW" } });
});

describe("customer profile", () => {
  it("sums spend over completed visits only and counts no-shows", async () => {
    const profile = await getCustomerProfile(frontDesk, customerId);
    expect(profile).toMatchObject({ completed: 1, noShows: 1, cancelled: 0, spend: [{ currency: "GBP", cents: 5000 }] });
  });

  it("keeps staff notes about the customer, audited, and hides the customer from a stylist who never served them", async () => {
    await addCustomerNote(stylist(stylistId), { customerId, body: "Prefers the window chair" }, stylistId);
    expect((await listCustomerNotes(customerId)).map((note) => note.body)).toEqual(["Prefers the window chair"]);
    expect(await errorOf(addCustomerNote(stylist(otherStylistId), { customerId, body: "x" }, otherStylistId))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db.auditEvent.findFirst({ where: { entityId: customerId, action: "note.added" } })).toMatchObject({
      actorId: stylistId,
      after: { note: "Prefers the window chair" },
    });
  });

  it("edits contact details with before → after in the audit log; a new email is unconfirmed until the customer follows the link", async () => {
    const newEmail = `nadia.${process.pid}@new.test`;
    const { emailChanged } = await updateCustomerContact(frontDesk, {
      customerId,
      name: "Nadia Okafor-Reid",
      email: newEmail,
      phone: null,
    });
    expect(emailChanged).toBe(true);
    const user = await db.user.findUniqueOrThrow({ where: { id: customerId } });
    expect(user).toMatchObject({ name: "Nadia Okafor-Reid", email: newEmail, phone: null, emailVerified: null });
    expect(await db.emailMessage.count({ where: { to: newEmail, kind: { startsWith: "auth." } } })).toBe(1);
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: customerId, action: "contact.updated" } });
    expect(event.before).toMatchObject({ name: "Nadia Okafor", phone: "+44 1" });
    expect(event.after).toEqual({ name: "Nadia Okafor-Reid", email: newEmail, phone: null });
  });

  it("refuses an email another account uses, changing nothing", async () => {
    const other = await createUser("CUSTOMER");
    const error = await errorOf(updateCustomerContact(frontDesk, { customerId, name: "Someone Else", email: other.email, phone: null }));
    expect(error).toMatchObject({ code: "CONFLICT" });
    expect((await db.user.findUniqueOrThrow({ where: { id: customerId } })).name).toBe("Nadia Okafor-Reid");
  });

  it("records marketing consent with when and how, and clears it on withdrawal", async () => {
    const when = new Date("2026-11-30T12:00:00Z");
    await setMarketingConsent(frontDesk, { customerId, consent: true, source: "IN_PERSON" }, when);
    expect(await getCustomerProfile(frontDesk, customerId)).toMatchObject({
      marketingConsentAt: when,
      marketingConsentSource: "IN_PERSON",
    });
    await setMarketingConsent(frontDesk, { customerId, consent: false, source: "EMAIL" });
    expect(await getCustomerProfile(frontDesk, customerId)).toMatchObject({ marketingConsentAt: null, marketingConsentSource: null });
    expect(await db.auditEvent.count({ where: { entityId: customerId, action: { startsWith: "marketing-consent." } } })).toBe(2);
  });
});

describe("the customer's own data", () => {
  it("exports account, visits, patch tests and staff notes as JSON", async () => {
    await recordPatchTest(
      frontDesk,
      { customerId, testedAt: new Date(Date.now() - 5 * 86_400_000), product: "Koleston", result: "NEGATIVE" },
      frontDeskId,
    );
    const data = JSON.parse(JSON.stringify(await exportCustomerData(customerId)));
    expect(data.account).toMatchObject({ name: "Nadia Okafor-Reid" });
    expect(data.appointments.map((row: { status: string }) => row.status)).toEqual(["COMPLETED", "NO_SHOW"]);
    expect(data.appointments[0]).toMatchObject({ customerNote: "Allergic to nuts", priceCents: 5000, currency: "GBP" });
    expect(data.patchTests).toEqual([expect.objectContaining({ product: "Koleston", result: "NEGATIVE" })]);
    expect(data.staffNotes).toEqual([expect.objectContaining({ body: "Prefers the window chair" })]);
  });

  it("refuses deletion while a visit is upcoming", async () => {
    const upcoming = await insertAppointment({
      customerId,
      staffId: stylistId,
      serviceId,
      startsAt: new Date(day(5).getTime() + 10 * HOUR),
    });
    expect(await errorOf(deleteOwnCustomerAccount(customer(customerId)))).toMatchObject({ code: "CONFLICT" });
    await db.appointment.update({ where: { id: upcoming.id }, data: { status: "CANCELLED" } });
  });

  it("anonymises the person on deletion and keeps the appointment rows for the salon's books", async () => {
    const before = await db.user.findUniqueOrThrow({ where: { id: customerId }, select: { email: true } });
    await deleteOwnCustomerAccount(customer(customerId));
    const user = await db.user.findUniqueOrThrow({ where: { id: customerId } });
    expect(user).toMatchObject({ name: "Deleted customer", phone: null, passwordHash: null, marketingConsentAt: null });
    expect(user.email).not.toBe(before.email);
    expect(user.anonymisedAt).not.toBeNull();
    expect(user.disabledAt).not.toBeNull();
    const rows = await db.appointment.findMany({ where: { customerId }, orderBy: { startsAt: "asc" } });
    expect(rows.map((row) => [row.status, row.priceCents, row.customerNote])).toEqual([
      ["COMPLETED", 5000, null],
      ["NO_SHOW", 5000, null],
      ["CANCELLED", 5000, null],
    ]);
    expect(await db.customerNote.count({ where: { customerId } })).toBe(0);
    expect(await db.patchTest.count({ where: { customerId } })).toBe(0);
    expect(await db.emailMessage.count({ where: { to: before.email } })).toBe(0);
    // No audit entry about them still names them or holds their details.
    const audit = JSON.stringify(await db.auditEvent.findMany({ where: { entityId: customerId } }));
    expect(audit).not.toContain("Nadia");
    expect(audit).not.toContain(before.email);
    expect(audit).toContain("account.deleted");
  });
});
