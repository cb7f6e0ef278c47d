import { beforeAll, describe, expect, it } from "vitest";
import { encodeIdCursor } from "@/lib/cursor";
import { expiryInDays } from "@/lib/api-keys/expiry";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/mutations";
import { listAuditEvents } from "@/lib/audit/data";
import { operatorActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { getSalonSettings } from "@/lib/salon/data";
import { updateSalonSettings } from "@/lib/salon/mutations";
import { createService, setServiceStaff, updateService } from "@/lib/services/mutations";
import { addTimeOff, removeTimeOff, updateStaffMember } from "@/lib/staff/mutations";
import { ZStaffProfileForm } from "@/lib/staff/schema";
import { at, createBookingFixture, type BookingFixture } from "../support/booking-fixtures";

/** Every admin change lands in the audit log with who, when, from where and before → after. */

let f: BookingFixture;
let admin: Actor;

const latest = (entityKind: string) =>
  db.auditEvent.findFirstOrThrow({ where: { entityKind }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });

beforeAll(async () => {
  f = await createBookingFixture();
  admin = f.actors.admin;
});

describe("audit events for each kind of change", () => {
  it("records a new service and a price change as only the fields that changed", async () => {
    const service = await createService(admin, {
      slug: `trim-${Date.now()}`,
      name: "Trim",
      category: "Hair",
      durationMinutes: 30,
      priceCents: 3500,
    });
    expect(await latest("service")).toMatchObject({
      action: "created",
      entityId: service.id,
      entityLabel: "Trim",
      actorId: f.admin,
      source: "WEB",
      before: null,
      after: expect.objectContaining({ priceCents: 3500, name: "Trim" }),
    });

    await updateService(admin, service.id, { priceCents: 4000 });
    expect(await latest("service")).toMatchObject({ action: "updated", before: { priceCents: 3500 }, after: { priceCents: 4000 } });
  });

  it("says a change came through an API key, and names the key", async () => {
    const { id: apiKeyId } = await createApiKey(admin, {
      ownerId: f.admin,
      name: "Partner",
      scopes: ["services:write"],
      expiresAt: expiryInDays(30),
    });
    await updateService({ kind: "user", userId: f.admin, role: "ADMIN", apiKeyId }, f.cut, { description: "Now with a wash" });
    expect(await latest("service")).toMatchObject({ source: "API", apiKeyId, actorId: f.admin, after: { description: "Now with a wash" } });
  });

  it("records who performs a service", async () => {
    await setServiceStaff(admin, f.massage, [f.ben]);
    const event = await latest("service");
    expect(event).toMatchObject({ action: "stylists-changed", entityId: f.massage, after: { staffIds: [f.ben] } });
  });

  it("records a stylist's working hours by the weekdays that changed, and their time off", async () => {
    const profile = ZStaffProfileForm.parse({
      displayName: "Ben",
      color: "#123456",
      active: "on",
      serviceIds: [f.cut],
      hours1: "10:00-12:00",
      hours2: "09:00-17:00",
      hours3: "09:00-17:00",
      hours4: "09:00-17:00",
      hours5: "09:00-17:00",
      hours6: "09:00-17:00",
    });
    await updateStaffMember(admin, f.ben, profile);
    expect(await latest("working-hours")).toMatchObject({
      entityId: f.ben,
      before: { Monday: "09:00-17:00" },
      after: { Monday: "10:00-12:00" },
    });

    await addTimeOff(admin, f.ben, { startsAt: at("2030-02-04T00:00"), endsAt: at("2030-02-05T00:00"), reason: "Course" });
    expect(await latest("time-off")).toMatchObject({
      action: "added",
      entityLabel: "Ben",
      after: { startsAt: "2030-02-04T00:00:00.000Z", reason: "Course" },
    });
    const timeOff = await db.timeOff.findFirstOrThrow({ where: { staffId: f.ben, reason: "Course" } });
    await removeTimeOff(admin, f.ben, timeOff.id);
    expect(await latest("time-off")).toMatchObject({ action: "removed", before: { reason: "Course" }, after: null });
  });

  it("records a settings change", async () => {
    const { id: _id, updatedAt: _updatedAt, ...settings } = await getSalonSettings();
    await updateSalonSettings(admin, { ...settings, slotStepMinutes: 30 });
    expect(await latest("settings")).toMatchObject({ action: "updated", before: { slotStepMinutes: 15 }, after: { slotStepMinutes: 30 } });
  });

  it("records keys created and revoked from the command line", async () => {
    const { id } = await createApiKey(operatorActor, {
      ownerId: f.admin,
      name: "Script",
      scopes: ["appointments:read"],
      expiresAt: expiryInDays(10),
    });
    expect(await latest("api-key")).toMatchObject({
      action: "created",
      entityId: id,
      source: "CLI",
      actorId: null,
      after: expect.objectContaining({ name: "Script", scopes: ["appointments:read"] }),
    });
    await revokeApiKey(operatorActor, id);
    expect(await latest("api-key")).toMatchObject({ action: "revoked", source: "CLI", before: { revokedAt: null } });
  });

  it("writes nothing for a change that failed or changed nothing", async () => {
    const before = await db.auditEvent.count();
    await expect(updateService(admin, f.cut, { priceCents: 1 }, new Date("2000-01-01T00:00:00Z"))).rejects.toMatchObject({
      code: "VERSION_CONFLICT",
    });
    const current = await db.service.findUniqueOrThrow({ where: { id: f.cut } });
    await updateService(admin, f.cut, { priceCents: current.priceCents });
    expect(await db.auditEvent.count()).toBe(before);
  });
});

describe("reading the audit log", () => {
  it("filters by kind, actor and date range, and pages with a cursor", async () => {
    const all = await listAuditEvents({}, { limit: 1000 });
    const services = await listAuditEvents({ kind: "service" }, { limit: 1000 });
    expect(services.items.length).toBeGreaterThan(2);
    expect(services.items.every((event) => event.entityKind === "service")).toBe(true);

    const byAdmin = await listAuditEvents({ actorId: f.admin }, { limit: 1000 });
    expect(byAdmin.items.every((event) => event.actorId === f.admin)).toBe(true);
    expect(byAdmin.items.length).toBeLessThan(all.items.length);

    expect((await listAuditEvents({ until: new Date("2000-01-01T00:00:00Z") }, { limit: 10 })).items).toEqual([]);
    expect((await listAuditEvents({ from: new Date(Date.now() - 3_600_000) }, { limit: 1000 })).items).toHaveLength(all.items.length);

    const first = await listAuditEvents({}, { limit: 2 });
    expect(first.nextCursor).toBe(encodeIdCursor(first.items[1]!.id));
    const second = await listAuditEvents({}, { limit: 2, cursorId: first.items[1]!.id });
    expect(second.items.map((event) => event.id)).toEqual(all.items.slice(2, 4).map((event) => event.id));
    expect(first.items[0]!.actor ?? first.items[0]!.source).toBeTruthy();
  });
});
