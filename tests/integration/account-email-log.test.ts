import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { findTokenEmail } from "@/lib/auth/data";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { resetNotificationSettings } from "@/lib/notifications/settings";
import { createBookingFixture } from "../support/booking-fixtures";
import { startHttpStub } from "../support/http-stub";
import { form, session } from "../support/session-mock";

/**
 * One-time links never reach anything staff can read: a staff member asks for the admin's reset link on the
 * public form and finds no usable link in the action's answer, the email log rows, the dashboard's pages
 * or the resend button. The raw email exists only in the transport: the local mailbox (its own table,
 * shown at /dev/mailbox in development and by the CLI) or Resend (then nothing raw is stored at all).
 */

class NotFound extends Error {}

vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "198.51.100.77" }) }));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("next/navigation", () => ({
  redirect: vi.fn(),
  notFound: () => {
    throw new NotFound("404");
  },
  unstable_rethrow: (error: unknown) => {
    if (error instanceof NotFound) throw error;
  },
}));
vi.mock("@/auth", () => ({ signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("@/lib/auth/session", async () => (await import("../support/session-mock")).sessionMock);

const { forgotPasswordAction } = await import("@/lib/auth/actions");
const { can } = await import("@/lib/auth/permissions");
const { listEmailLog } = await import("@/lib/dashboard/data");
const { resendEmail } = await import("@/lib/notifications/resend-email");
const { listRecentEmails } = await import("@/lib/notifications/data");
const { toMailboxEntry } = await import("@/lib/notifications/mailbox-entry");
const { default: EmailPage } = await import("@/app/dashboard/emails/[id]/page");
const { default: DevMailboxPage } = await import("@/app/dev/mailbox/page");

let counter = 0;
async function account(role: "ADMIN" | "FRONT_DESK" | "STYLIST" | "CUSTOMER"): Promise<SessionUser> {
  const email = `${role.toLowerCase()}.${process.pid}.${++counter}@pamper.test`;
  const user = await db.user.create({ data: { name: role, email, role, emailVerified: new Date() } });
  return { id: user.id, name: user.name, email, role, emailConfirmed: true };
}

const resend = await startHttpStub(() => ({ status: 200, body: { id: "re_msg_account" } }));
const tokenIn = (text: string) => /token=([\w-]+)/.exec(text)?.[1];

beforeAll(async () => {
  await createBookingFixture(); // the salon the dashboard pages read
});

afterEach(() => {
  session.user = null;
  vi.unstubAllEnvs();
});

describe("a staff member asking for the admin's reset link", () => {
  it("cannot obtain a usable link from anything staff can read", async () => {
    const admin = await account("ADMIN");
    // Front desk: the staff role that reads the email log.
    const frontDesk = await account("FRONT_DESK");
    session.user = frontDesk;

    const logLines: unknown[] = [];
    for (const level of ["info", "warn", "error", "debug"] as const) {
      vi.spyOn(logger, level).mockImplementation(((...args: unknown[]) => void logLines.push(args)) as never);
    }
    const answer = await forgotPasswordAction({ status: "idle" }, form({ email: admin.email }));
    expect(answer.status).toBe("success");
    expect(JSON.stringify(answer)).not.toMatch(/token|https?:/);

    // The link went out through the transport (here the local mailbox) and works…
    const [delivered] = await db.mailboxMessage.findMany({ where: { to: admin.email } });
    const raw = tokenIn(delivered!.text)!;
    expect(await findTokenEmail("reset-password", raw)).toBe(admin.email);

    // …but the email log holds the email without it.
    expect(JSON.stringify(logLines)).not.toContain(raw); // nor any log line
    vi.restoreAllMocks();

    const rows = await db.emailMessage.findMany({ where: { to: admin.email } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "auth.reset-password", status: "SENT" });
    for (const row of await db.emailMessage.findMany()) {
      expect(JSON.stringify(row)).not.toContain(raw);
      expect(row.html + row.text).not.toMatch(/token=/);
    }
    expect(rows[0]!.text).toContain("[link removed]");

    // The front desk's email log does not list it; the admin's lists kind, recipient, status and time only.
    const frontDeskLog = await listEmailLog({ limit: 500, includeAccountEmails: can(frontDesk.role, "emailLog.viewAccountEmails") });
    expect(frontDeskLog.map((email) => email.to)).not.toContain(admin.email);
    const adminLog = await listEmailLog({ limit: 500, includeAccountEmails: can(admin.role, "emailLog.viewAccountEmails") });
    const row = adminLog.find((email) => email.to === admin.email)!;
    expect(row).toMatchObject({ kind: "auth.reset-password", status: "SENT" });
    expect(row).not.toHaveProperty("html");
    expect(row).not.toHaveProperty("text");

    // No page shows its content, and it cannot be resent (by the admin either).
    for (const viewer of [frontDesk, admin]) {
      session.user = viewer;
      await expect(EmailPage({ params: Promise.resolve({ id: rows[0]!.id }), searchParams: Promise.resolve({}) })).rejects.toBeInstanceOf(
        NotFound,
      );
    }
    await expect(resendEmail(rows[0]!.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.emailMessage.count({ where: { to: admin.email } })).toBe(1);
  });
});

describe("the local mailbox", () => {
  it("keeps the raw email for the developer: the CLI's entries and /dev/mailbox carry the real link", async () => {
    const customer = await account("CUSTOMER");
    await forgotPasswordAction({ status: "idle" }, form({ email: customer.email }));
    const [entry] = (await listRecentEmails({ to: customer.email, limit: 5 })).map(toMailboxEntry);
    const raw = tokenIn(entry!.text);
    expect(raw).toBeTruthy();
    expect(await findTokenEmail("reset-password", raw!)).toBe(customer.email);
    await expect(DevMailboxPage({ searchParams: Promise.resolve({ to: customer.email }) })).resolves.toBeTruthy();
  });

  it("/dev/mailbox does not exist in production, even with MAIL_TRANSPORT=mailbox", async () => {
    vi.stubEnv("NODE_ENV", "production");
    await expect(DevMailboxPage({ searchParams: Promise.resolve({}) })).rejects.toBeInstanceOf(NotFound);
  });

  describe("when Resend is the transport", () => {
    afterAll(async () => {
      delete process.env.RESEND_API_KEY;
      delete process.env.RESEND_BASE_URL;
      resetNotificationSettings();
      await resend.close();
    });

    it("stores no raw email anywhere and /dev/mailbox answers 404", async () => {
      Object.assign(process.env, { RESEND_API_KEY: "re_test_key_account", RESEND_BASE_URL: resend.url });
      resetNotificationSettings();
      const customer = await account("CUSTOMER");
      await forgotPasswordAction({ status: "idle" }, form({ email: customer.email }));
      expect(resend.requests).toHaveLength(1);
      expect(resend.requests[0]!.body).toMatch(/token=/);
      expect(await db.mailboxMessage.count({ where: { to: customer.email } })).toBe(0);
      const [logged] = await db.emailMessage.findMany({ where: { to: customer.email } });
      expect(logged).toMatchObject({ transport: "resend", status: "SENT" });
      expect(logged!.text).not.toMatch(/token=/);
      await expect(DevMailboxPage({ searchParams: Promise.resolve({}) })).rejects.toBeInstanceOf(NotFound);
    });
  });
});
