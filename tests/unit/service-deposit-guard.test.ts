import { afterEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { assertMaySetDepositPolicy, changesDepositPolicy } from "@/lib/services/deposit-policy-guard";

// Both permissions are the owner's today, so the table is changed here to tell them apart: an admin who
// keeps services.manage but loses payments.manage must no longer be able to set a deposit.
const table = vi.hoisted(() => ({ paymentsManage: true }));
vi.mock("@/lib/auth/permissions", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/permissions")>();
  return {
    ...real,
    actorCan: (actor: Actor, permission: Parameters<typeof real.actorCan>[1]) =>
      permission === "payments.manage" ? table.paymentsManage && real.actorCan(actor, permission) : real.actorCan(actor, permission),
  };
});

const admin: Actor = { kind: "user", userId: "u1", role: "ADMIN" };
const frontDesk: Actor = { kind: "user", userId: "u2", role: "FRONT_DESK" };
const none = { depositCents: null, depositPercent: null, cardRequired: false };
const tenPounds = { depositCents: 1000, depositPercent: null, cardRequired: false };

function refusal(run: () => void): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
}

afterEach(() => {
  table.paymentsManage = true;
});

describe("changing a service's deposit", () => {
  it("is allowed to whoever holds payments.manage", () => {
    expect(refusal(() => assertMaySetDepositPolicy(admin, none, tenPounds))).toBeNull();
  });

  it("asks payments.manage, not services.manage: without it the change is refused", () => {
    table.paymentsManage = false;
    expect(refusal(() => assertMaySetDepositPolicy(admin, none, tenPounds))).toBe("FORBIDDEN");
    expect(refusal(() => assertMaySetDepositPolicy(admin, tenPounds, { cardRequired: true }))).toBe("FORBIDDEN");
    expect(refusal(() => assertMaySetDepositPolicy(admin, null, { depositPercent: 20 }))).toBe("FORBIDDEN");
    expect(refusal(() => assertMaySetDepositPolicy(frontDesk, none, tenPounds))).toBe("FORBIDDEN");
  });

  it("needs nothing more when the save leaves the deposit as it was (the form always sends it)", () => {
    table.paymentsManage = false;
    expect(refusal(() => assertMaySetDepositPolicy(admin, tenPounds, { ...tenPounds }))).toBeNull();
    expect(refusal(() => assertMaySetDepositPolicy(admin, tenPounds, {}))).toBeNull();
    expect(refusal(() => assertMaySetDepositPolicy(admin, null, none))).toBeNull();
  });

  it("counts only the fields a change actually sets to something new", () => {
    expect(changesDepositPolicy(tenPounds, { depositCents: 1000 })).toBe(false);
    expect(changesDepositPolicy(tenPounds, { depositCents: 1500 })).toBe(true);
    expect(changesDepositPolicy(tenPounds, { depositCents: null, depositPercent: 10 })).toBe(true);
  });
});
