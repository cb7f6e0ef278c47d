import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { OutgoingEmail } from "@/lib/notifications/transport/mail-transport";
import type { SessionUser } from "@/lib/auth/session";
import { authenticate } from "@/lib/api/authenticate";
import { expiryInDays } from "@/lib/api-keys/expiry";
import { createApiKey } from "@/lib/api-keys/mutations";
import { operatorActor } from "@/lib/auth/actor";
import { consumeAccountToken, issueToken } from "@/lib/auth/mutations";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { Redirect } from "../support/next-navigation";
import { form, session } from "../support/session-mock";

/**
 * Account states and the team: disabling ends every session and key and closes every way back in;
 * roles change; invitations are one-time links whose stored email holds no usable link. Real database;
 * the request, Auth.js and the mail transport (to read the link the invitee receives) are faked.
 */

const sent = vi.hoisted(() => [] as OutgoingEmail[]);
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "198.51.100.7" }) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/navigation", async () => (await import("../support/next-navigation")).navigationMock);
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("@/auth", () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn(async () => undefined) }));
vi.mock("@/lib/auth/session", async () => (await import("../support/session-mock")).sessionMock);
vi.mock("@/lib/notifications/transport/select-transport", () => ({
  selectMailTransport: () => ({
    name: "mailbox",
    async send(email: OutgoingEmail) {
      sent.push(email);
      return { providerMessageId: `captured-${sent.length}` };
    },
  }),
}));

const { forgotPasswordAction, requestSignInLinkAction, resetPasswordAction, signOutEverywhereAction } = await import("@/lib/auth/actions");
const { acceptInvitationAction, changeRoleAction, inviteMemberAction, setAccountStateAction } = await import("@/lib/team/actions");

let counter = 0;
const newEmail = (label: string) => `${label}.${process.pid}.${++counter}@test.test`;
const idle = { status: "idle" } as const;
let admin: SessionUser;

async function createAccount(role: SessionUser["role"], label = role.toLowerCase()) {
  const email = newEmail(label);
  const user = await db.user.create({
    data: { name: label, email, role, passwordHash: await hashPassword("old-password-1"), emailVerified: new Date() },
  });
  return user;
}

const keyFor = (ownerId: string) =>
  createApiKey(operatorActor, { ownerId, name: "laptop", scopes: ["appointments:read"], expiresAt: expiryInDays(30) });
const bearer = (key: string) => new Request("http://localhost/api/v1/me", { headers: { authorization: `Bearer ${key}` } });
const linkToken = (email: OutgoingEmail) => /token=([A-Za-z0-9_-]+)/.exec(email.text)?.[1];

beforeAll(async () => {
  const row = await createAccount("ADMIN", "owner");
  admin = { id: row.id, name: row.name, email: row.email, role: "ADMIN", emailConfirmed: true };
});

beforeEach(() => {
  session.user = admin;
  sent.length = 0;
});

describe("disabling an account", () => {
  it("ends every session, revokes every key, and refuses reset and sign-in links; enabling lets them back in", async () => {
    const stylist = await createAccount("STYLIST");
    const keys = [await keyFor(stylist.id), await keyFor(stylist.id)];
    const oldResetLink = await issueToken("reset-password", stylist.email);
    const oldSignInLink = await issueToken("sign-in-link", stylist.email);

    expect(await setAccountStateAction(idle, form({ userId: stylist.id, state: "disabled" }))).toMatchObject({ status: "success" });

    const after = await db.user.findUniqueOrThrow({ where: { id: stylist.id } });
    expect(after.disabledAt).not.toBeNull();
    expect(after.sessionVersion).toBe(stylist.sessionVersion + 1);
    expect(await db.apiKey.count({ where: { ownerId: stylist.id, revokedAt: null } })).toBe(0);
    for (const { key } of keys) await expect(authenticate(bearer(key))).rejects.toMatchObject({ status: 401 });

    // Links sent before the disable are dead, and no new ones are sent (the answer stays the same).
    await expect(resetPasswordAction(idle, form({ token: oldResetLink, password: "new-password-123" }))).resolves.toMatchObject({
      status: "error",
    });
    expect(await verifyPassword((await db.user.findUniqueOrThrow({ where: { id: stylist.id } })).passwordHash!, "old-password-1")).toBe(
      true,
    );
    expect(await consumeAccountToken("sign-in-link", oldSignInLink)).toBeNull();
    expect(await forgotPasswordAction(idle, form({ email: stylist.email }))).toMatchObject({ status: "success" });
    expect(await requestSignInLinkAction(idle, form({ email: stylist.email }))).toMatchObject({ status: "success" });
    expect(sent).toEqual([]);

    const events = await db.auditEvent.findMany({
      where: { entityId: { in: [stylist.id, ...keys.map((key) => key.id)] }, action: { in: ["disabled", "revoked"] } },
    });
    expect(events.map((event) => event.action).sort()).toEqual(["disabled", "revoked", "revoked"]);
    expect(events.every((event) => event.actorId === admin.id && event.source === "WEB")).toBe(true);

    expect(await setAccountStateAction(idle, form({ userId: stylist.id, state: "enabled" }))).toMatchObject({ status: "success" });
    expect((await db.user.findUniqueOrThrow({ where: { id: stylist.id } })).disabledAt).toBeNull();
    await forgotPasswordAction(idle, form({ email: stylist.email }));
    expect(sent.map((email) => email.to)).toEqual([stylist.email]);
    expect(await consumeAccountToken("reset-password", linkToken(sent[0]!)!)).toBe(stylist.email);
  });

  it("disables a customer's account the same way", async () => {
    const customer = await createAccount("CUSTOMER");
    await setAccountStateAction(idle, form({ userId: customer.id, state: "disabled" }));
    expect((await db.user.findUniqueOrThrow({ where: { id: customer.id } })).disabledAt).not.toBeNull();
  });

  it("is for admins only, and an admin cannot disable themselves", async () => {
    const frontDesk = await createAccount("FRONT_DESK");
    const victim = await createAccount("STYLIST");
    session.user = { id: frontDesk.id, name: "fd", email: frontDesk.email, role: "FRONT_DESK", emailConfirmed: true };
    expect(await setAccountStateAction(idle, form({ userId: victim.id, state: "disabled" }))).toMatchObject({ code: "FORBIDDEN" });
    session.user = admin;
    expect(await setAccountStateAction(idle, form({ userId: admin.id, state: "disabled" }))).toMatchObject({ code: "FORBIDDEN" });
    expect((await db.user.findUniqueOrThrow({ where: { id: victim.id } })).disabledAt).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).disabledAt).toBeNull();
  });
});

describe("ending sessions on purpose can take the API keys too", () => {
  it("revokes the keys on a password reset only when asked", async () => {
    const user = await createAccount("STYLIST");
    await keyFor(user.id);
    await expect(
      resetPasswordAction(idle, form({ token: await issueToken("reset-password", user.email), password: "new-password-123" })),
    ).rejects.toBeInstanceOf(Redirect);
    expect(await db.apiKey.count({ where: { ownerId: user.id, revokedAt: null } })).toBe(1);
    await expect(
      resetPasswordAction(
        idle,
        form({ token: await issueToken("reset-password", user.email), password: "new-password-456", revokeApiKeys: "on" }),
      ),
    ).rejects.toBeInstanceOf(Redirect);
    expect(await db.apiKey.count({ where: { ownerId: user.id, revokedAt: null } })).toBe(0);
  });

  it("revokes the keys on sign out everywhere only when asked", async () => {
    const row = await createAccount("CUSTOMER");
    await keyFor(row.id);
    session.user = { id: row.id, name: row.name, email: row.email, role: "CUSTOMER", emailConfirmed: true };
    await signOutEverywhereAction(form({}));
    expect(await db.apiKey.count({ where: { ownerId: row.id, revokedAt: null } })).toBe(1);
    await signOutEverywhereAction(form({ revokeApiKeys: "on" }));
    expect(await db.apiKey.count({ where: { ownerId: row.id, revokedAt: null } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: row.id } })).sessionVersion).toBe(row.sessionVersion + 2);
  });
});

describe("changing a team member's role", () => {
  it("changes the role, gives a new stylist a calendar profile, and audits it", async () => {
    const member = await createAccount("FRONT_DESK");
    expect(await changeRoleAction(idle, form({ userId: member.id, role: "STYLIST" }))).toMatchObject({ status: "success" });
    expect((await db.user.findUniqueOrThrow({ where: { id: member.id } })).role).toBe("STYLIST");
    expect(await db.staffProfile.count({ where: { userId: member.id } })).toBe(1);
    expect(await db.auditEvent.findFirst({ where: { entityId: member.id, action: "role-changed" } })).toMatchObject({
      before: { role: "FRONT_DESK" },
      after: { role: "STYLIST" },
      actorId: admin.id,
    });
  });

  it("refuses customers, unknown roles and one's own role", async () => {
    const customer = await createAccount("CUSTOMER");
    expect(await changeRoleAction(idle, form({ userId: customer.id, role: "ADMIN" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await changeRoleAction(idle, form({ userId: customer.id, role: "OWNER" }))).toMatchObject({ code: "VALIDATION" });
    expect(await changeRoleAction(idle, form({ userId: admin.id, role: "STYLIST" }))).toMatchObject({ code: "FORBIDDEN" });
    expect((await db.user.findUniqueOrThrow({ where: { id: customer.id } })).role).toBe("CUSTOMER");
  });
});

describe("invitations", () => {
  async function invite(role = "FRONT_DESK") {
    const email = newEmail("invitee");
    expect(await inviteMemberAction(idle, form({ email, role }))).toMatchObject({ status: "success" });
    const delivered = sent.find((message) => message.to === email)!;
    return { email, token: linkToken(delivered)! };
  }

  it("sends a one-time link whose stored copy holds no usable link, and the invitee joins with their own name and password", async () => {
    const { email, token } = await invite();
    expect(token).toBeTruthy();
    const stored = await db.emailMessage.findFirstOrThrow({ where: { to: email } });
    expect(stored.kind).toBe("auth.invitation");
    expect(`${stored.html}${stored.text}`).not.toContain(token);
    expect(await db.verificationToken.count({ where: { token } })).toBe(0);

    await expect(acceptInvitationAction(idle, form({ token, name: "Dana Desk", password: "dana-password-1" }))).rejects.toMatchObject({
      url: expect.stringContaining("/sign-in?notice=invitation-accepted"),
    });
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ name: "Dana Desk", role: "FRONT_DESK" });
    expect(user.emailVerified).not.toBeNull();
    expect(await verifyPassword(user.passwordHash!, "dana-password-1")).toBe(true);
    expect(await db.auditEvent.findFirst({ where: { entityId: user.id, action: "joined" } })).toMatchObject({ actorId: user.id });
    expect(await db.auditEvent.findFirst({ where: { entityKind: "invitation", entityLabel: email } })).toMatchObject({
      action: "sent",
      actorId: admin.id,
    });

    // Single use: the same link again is refused and changes nothing.
    expect(await acceptInvitationAction(idle, form({ token, name: "Someone Else", password: "other-password-1" }))).toMatchObject({
      status: "error",
      code: "NOT_FOUND",
    });
    expect((await db.user.findUniqueOrThrow({ where: { email } })).name).toBe("Dana Desk");
  });

  it("refuses an expired invitation", async () => {
    const { email, token } = await invite("STYLIST");
    await db.invitation.updateMany({ where: { email }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await acceptInvitationAction(idle, form({ token, name: "Late", password: "late-password-1" }))).toMatchObject({
      status: "error",
      code: "NOT_FOUND",
    });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("refuses to invite an email that already has an account, and non-admins", async () => {
    const existing = await createAccount("CUSTOMER");
    expect(await inviteMemberAction(idle, form({ email: existing.email, role: "STYLIST" }))).toMatchObject({
      code: "CONFLICT",
      fieldErrors: { email: expect.any(String) },
    });
    const stylist = await createAccount("STYLIST");
    session.user = { id: stylist.id, name: "s", email: stylist.email, role: "STYLIST", emailConfirmed: true };
    expect(await inviteMemberAction(idle, form({ email: newEmail("x"), role: "ADMIN" }))).toMatchObject({ code: "FORBIDDEN" });
    expect(sent).toEqual([]);
  });
});
