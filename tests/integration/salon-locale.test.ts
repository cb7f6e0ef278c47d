import { beforeAll, describe, expect, it } from "vitest";
import * as salonRoute from "@/app/api/v1/salon/route";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { publishPendingOutbox } from "@/lib/notifications/publisher";
import { reportFormats } from "@/lib/reports/report-formats";
import { getSalonLocale, getSalonSettings } from "@/lib/salon/data";
import { updateSalonSettings } from "@/lib/salon/mutations";
import { call } from "../support/api-client";
import { createKey } from "../support/api-fixtures";
import { errorOf } from "../support/booking-fixtures";
import { bookWithOutbox, emailsFor, seedSalonBeforeAll } from "../support/notifications-fixtures";

/** The salon's locale: validated when an admin sets it, then used for every date and price it shows. */

const salon = seedSalonBeforeAll();
const admin = { kind: "user", userId: "", role: "ADMIN" } as const;
const NBSP = "\u00a0";

async function saveLocale(locale: string) {
  const { id: _id, updatedAt: _updatedAt, ...settings } = await getSalonSettings();
  return updateSalonSettings({ ...admin, userId: salon.staffId }, { ...settings, locale });
}

describe("the salon locale", () => {
  beforeAll(async () => {
    await db.salonSettings.update({ where: { id: 1 }, data: { currency: "EUR" } });
  });

  it("is British English until an admin chooses another", async () => {
    expect((await getSalonSettings()).locale).toBe("en-GB");
    expect(await getSalonLocale()).toBe("en-GB");
  });

  it("refuses a tag that is not a language it can write, naming the field", async () => {
    for (const tag of ["German", "de_DE", "zz-ZZ", ""]) {
      const error = await errorOf(saveLocale(tag));
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({
        code: "VALIDATION",
        fieldErrors: [{ path: "locale", message: "Use a language tag such as en-GB, de-DE or fr-FR." }],
      });
    }
    expect((await getSalonSettings()).locale).toBe("en-GB");
  });

  it("stores a valid tag in its canonical spelling and returns it from GET /api/v1/salon", async () => {
    await saveLocale("de-de");
    expect(await getSalonLocale()).toBe("de-DE");
    const { auth } = await createKey(salon.customerId);
    const response = await call(salonRoute.GET, "GET", "/salon", { headers: auth });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ locale: "de-DE", currency: "EUR" });
  });

  it("writes German prices and dates in the reports", async () => {
    const formats = reportFormats(await getSalonSettings());
    expect(formats.show(formats.money, 1234.5)).toBe(`1.234,50${NBSP}€`);
    expect(formats.show(formats.percent, 0.125)).toBe(`12,5${NBSP}%`);
    expect(formats.day("2030-01-07")).toBe("Mo., 7. Jan.");
  });

  it("writes German dates and prices in the customer's email", async () => {
    const appointment = await bookWithOutbox(salon, { startsAt: new Date("2030-01-07T10:00:00Z") });
    await db.appointment.update({ where: { id: appointment.id }, data: { priceCents: 123450, currency: "EUR" } });
    await publishPendingOutbox();
    const confirmation = (await emailsFor(appointment.id)).find((email) => email.kind === "confirmation")!;
    expect(confirmation.text).toContain("Montag, 7. Januar 2030 um 10:00");
    expect(confirmation.text).toContain(`1.234,50${NBSP}€`);
    expect(confirmation.html).toContain(`1.234,50${NBSP}€`);
  });
});
