import { beforeAll, describe, expect, it, vi } from "vitest";
import { salonToday } from "@/lib/dashboard/clock";
import { db } from "@/lib/db";
import { addDays, startOfLocalDay } from "@/lib/time/zoned";
import { createBookingFixture, type BookingFixture } from "../support/booking-fixtures";
import { form, session, signedInAs } from "../support/session-mock";

/** API keys from the dashboard: customers are refused, staff manage only their own keys, admins anyone's. */

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/auth/session", async () => (await import("../support/session-mock")).sessionMock);

const { createApiKeyAction, revokeApiKeyAction } = await import("@/lib/dashboard/api-key-actions");

let f: BookingFixture;

beforeAll(async () => {
  f = await createBookingFixture();
});

describe("dashboard API key actions", () => {
  it("refuses a customer", async () => {
    session.user = signedInAs(f.alice, "CUSTOMER");
    expect(await createApiKeyAction({ status: "idle" }, form({ name: "x", scopes: ["appointments:read"] }))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await db.apiKey.count({ where: { ownerId: f.alice } })).toBe(0);
  });

  it("creates a staff member's key, shows the secret once, stores only its hash, and expires at the end of the day", async () => {
    session.user = signedInAs(f.ben, "STYLIST");
    const lastDay = addDays(salonToday("Europe/London"), 30);
    const state = await createApiKeyAction(
      { status: "idle" },
      form({ name: "Till", scopes: ["appointments:read", "customers:read"], expiresOn: lastDay }),
    );
    expect(state.status).toBe("success");
    const secret = state.values!.secret!;
    const key = await db.apiKey.findFirstOrThrow({ where: { ownerId: f.ben, name: "Till" } });
    expect(key.scopes).toEqual(["appointments:read", "customers:read"]);
    expect(key.expiresAt).toEqual(new Date(startOfLocalDay(addDays(lastDay, 1), "Europe/London")));
    expect(key.hashedKey).not.toContain(secret);
    expect(await createApiKeyAction({ status: "idle" }, form({ name: "x", scopes: ["bogus"] }))).toMatchObject({ status: "error" });
  });

  it("lets staff revoke only their own keys and admins anyone's", async () => {
    const adminKey = await db.apiKey.create({
      data: { name: "Admin's", prefix: `p${Date.now()}`, hashedKey: `h${Date.now()}`, ownerId: f.admin, scopes: [] },
    });
    session.user = signedInAs(f.ben, "STYLIST");
    expect(await revokeApiKeyAction({ status: "idle" }, form({ keyId: adminKey.id }))).toMatchObject({ code: "FORBIDDEN" });
    const own = await db.apiKey.findFirstOrThrow({ where: { ownerId: f.ben } });
    expect(await revokeApiKeyAction({ status: "idle" }, form({ keyId: own.id }))).toMatchObject({ status: "success" });
    session.user = signedInAs(f.admin, "ADMIN");
    expect(await revokeApiKeyAction({ status: "idle" }, form({ keyId: adminKey.id }))).toMatchObject({ status: "success" });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: adminKey.id } })).revokedAt).not.toBeNull();
  });
});
