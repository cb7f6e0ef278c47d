import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_KEY_LIFETIME_DAYS, expiryInDays, keyExpiryProblem, MAX_KEY_LIFETIME_DAYS } from "@/lib/api-keys/expiry";
import { createApiKey } from "@/lib/api-keys/mutations";
import { operatorActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { createBookingFixture, type BookingFixture } from "../support/booking-fixtures";

/**
 * The core's rules for new keys, whichever door asks (dashboard, CLI): staff keys always end within a
 * year, and only an admin's key carries admin-only scopes.
 */

let f: BookingFixture;
const create = (ownerId: string, expiresAt: Date | null) =>
  createApiKey(operatorActor, { ownerId, name: "k", scopes: ["appointments:read"], expiresAt });

beforeAll(async () => {
  f = await createBookingFixture();
});

describe("API key expiry", () => {
  it("refuses a staff key that never expires", async () => {
    await expect(create(f.ben, null)).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: [{ path: "expiresOn" }] });
    await expect(create(f.admin, null)).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await db.apiKey.count({ where: { ownerId: { in: [f.ben, f.admin] } } })).toBe(0);
  });

  it("refuses a staff key that lives longer than a year, or has already expired", async () => {
    await expect(create(f.ben, expiryInDays(MAX_KEY_LIFETIME_DAYS + 2))).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(create(f.ben, new Date(Date.now() - 1000))).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("accepts a staff key within a year, the 90-day default included", async () => {
    expect(DEFAULT_KEY_LIFETIME_DAYS).toBe(90);
    await expect(create(f.ben, expiryInDays(DEFAULT_KEY_LIFETIME_DAYS))).resolves.toMatchObject({ key: expect.stringMatching(/^pb_/) });
    await expect(create(f.ben, expiryInDays(MAX_KEY_LIFETIME_DAYS))).resolves.toBeTruthy();
  });

  it("lets a customer's own key go without an expiry", async () => {
    await expect(create(f.alice, null)).resolves.toBeTruthy();
    expect(keyExpiryProblem(null, false)).toBeNull();
  });

  it("lets only an admin's key carry admin-only scopes", async () => {
    const scopes = ["services:write" as const];
    await expect(createApiKey(operatorActor, { ownerId: f.ben, name: "k", scopes, expiresAt: expiryInDays(30) })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(createApiKey(operatorActor, { ownerId: f.admin, name: "k", scopes, expiresAt: expiryInDays(30) })).resolves.toBeTruthy();
  });
});
