import { beforeAll, describe, expect, it } from "vitest";
import { listEmailLog } from "@/lib/dashboard/data";
import { resendEmail } from "@/lib/notifications/resend-email";
import { db } from "@/lib/db";
import { createBookingFixture, type BookingFixture } from "../support/booking-fixtures";

/** The email log and "resend": a resend is a new, deliberate row with the stored content, sent again. */

let f: BookingFixture;
beforeAll(async () => {
  f = await createBookingFixture();
});

describe("resendEmail", () => {
  it("sends the stored content again as a new logged email, leaving the original untouched", async () => {
    const original = await db.emailMessage.create({
      data: {
        dedupeKey: `k-${Date.now()}`,
        to: "alice@example.test",
        kind: "confirmation",
        subject: "Booked",
        html: "<p>Hi</p>",
        text: "Hi",
        transport: "mailbox",
        status: "FAILED",
        error: "boom",
      },
    });
    const copyId = await resendEmail(original.id);
    expect(copyId).not.toBe(original.id);
    const copy = await db.emailMessage.findUniqueOrThrow({ where: { id: copyId } });
    expect(copy).toMatchObject({ to: "alice@example.test", subject: "Booked", html: "<p>Hi</p>", status: "SENT", dedupeKey: null });
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id: original.id } })).toMatchObject({ status: "FAILED" });

    const log = await listEmailLog({ to: "ALICE@example", limit: 10 });
    expect(log.map((email) => email.id)).toEqual([copyId, original.id]);
    expect((await listEmailLog({ status: "FAILED", limit: 50 })).map((email) => email.id)).toContain(original.id);
  });

  it("answers NOT_FOUND for an unknown email", async () => {
    expect(f.alice).toBeTruthy();
    await expect(resendEmail("missing")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
