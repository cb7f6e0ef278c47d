import { expect, test, type Page } from "@playwright/test";
import { signedInPage } from "./signed-in";
import { daysFromNow, demoCustomer, expectAccessible, pickDay, waitForEmail, withE2eDatabase } from "./support/customer";

/**
 * A visit of two seeded services, one of which asks for a deposit, paid once on the development test
 * checkout (which posts signed Stripe-shaped events to the real webhook handler). Full head colour is
 * given a £20 deposit for this spec and put back afterwards.
 */

test.beforeAll(async () => {
  await withE2eDatabase(async (client) => {
    await client.query(`UPDATE "Service" SET "depositCents" = 2000 WHERE slug = 'full-head-colour'`);
  });
});

test.afterAll(async () => {
  await withE2eDatabase(async (client) => {
    await client.query(`UPDATE "Service" SET "depositCents" = NULL WHERE slug = 'full-head-colour'`);
  });
});

/** Books Women's cut & finish + Full head colour with anyone from `notBefore`, up to the deposit step. */
async function holdVisit(page: Page, notBefore: string) {
  await page.goto("/book");
  await page.getByRole("link", { name: /^Women's cut & finish/ }).click();
  await page.getByRole("link", { name: /^Add another service$/ }).click();
  await page.getByRole("link", { name: /^Full head colour/ }).click();
  await page.getByRole("link", { name: /^Anyone available/ }).click();
  await pickDay(page, notBefore);
  await page
    .getByRole("group", { name: /Times on/ })
    .getByRole("button")
    .first()
    .click();
  await page.getByRole("button", { name: "Continue to review" }).click();
}

test("a customer books cut + a deposit service as one visit, pays once on the checkout, and sees it booked", async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await signedInPage(browser, "customer");
  await holdVisit(page, daysFromNow(27));

  // The review shows the visit, its one deposit and the policy, before anything is held.
  await expect(page.getByRole("heading", { name: "Review and confirm" })).toBeVisible();
  await expect(page.getByTestId("visit-segments").getByRole("listitem")).toHaveCount(2);
  await expect(page.getByText("A deposit of £20.00 is taken now")).toBeVisible();
  await expectAccessible(page, "the review of a visit with a deposit");
  await page.getByRole("button", { name: "Confirm booking" }).click();

  await expect(page.getByRole("heading", { name: "One more step: the deposit" })).toBeVisible();
  await expect(page.getByTestId("visit-segments").getByRole("listitem")).toHaveCount(2);
  await expect(page.getByRole("link", { name: "Pay £20.00 deposit" })).toBeVisible();
  await expectAccessible(page, "the deposit step of a visit");
  const firstSegment = new URL(page.url()).pathname.split("/").pop()!;

  // My appointments shows the visit once, waiting for its deposit.
  await page.goto("/appointments");
  const item = page
    .getByRole("region", { name: "Upcoming" })
    .getByRole("listitem")
    .filter({ hasText: "Women's cut & finish + Full head colour" })
    .filter({ hasText: "Waiting for deposit" });
  await expect(item).toHaveCount(1);
  await expectAccessible(page, "My appointments with a visit waiting for its deposit");

  await item.getByRole("link").click();
  await page.getByRole("link", { name: "Pay £20.00 deposit" }).click();
  await expect(page.getByRole("heading", { name: /^Pay £20\.00 to / })).toBeVisible();
  await expect(page.getByText(/Women's cut & finish \+ Full head colour/)).toBeVisible();
  await expectAccessible(page, "the test checkout of a visit");
  await page.getByRole("button", { name: "Pay £20.00" }).click();

  await expect(page.getByRole("status").filter({ hasText: "the payment went through" })).toBeVisible();
  await expect(page.getByText("Booked", { exact: true })).toBeVisible();
  await expect(page.getByRole("row", { name: /Deposit £20\.00 Succeeded/ })).toBeVisible();
  await expectAccessible(page, "a paid visit's page");
  const email = await waitForEmail(
    demoCustomer,
    (candidate) => candidate.kind === "visit-confirmation" && candidate.appointmentId === firstSegment,
  );
  expect(email.text).toContain("Full head colour");
  expect(email.text).toContain("A deposit of £20.00 is taken now");
  await page.context().close();
});

test("the front desk waives a held visit's deposit on the visit page → every segment booked", async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await signedInPage(browser, "customer");
  await holdVisit(page, daysFromNow(33));
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(page.getByRole("heading", { name: "One more step: the deposit" })).toBeVisible();
  const firstSegment = new URL(page.url()).pathname.split("/").pop()!;
  await page.context().close();
  const visitId = await withE2eDatabase(
    async (client) =>
      (await client.query<{ visitId: string }>(`SELECT "visitId" FROM "Appointment" WHERE id = $1`, [firstSegment])).rows[0]!.visitId,
  );

  const staff = await signedInPage(browser, "frontDesk");
  await staff.goto(`/dashboard/visits/${visitId}`);
  await expect(staff.getByRole("cell", { name: "Awaiting deposit" })).toHaveCount(2);
  await expectAccessible(staff, "dashboard visit waiting for its deposit");
  await staff.getByRole("button", { name: "Waive deposit (book without payment)" }).click();
  // Back on the visit's own page, not on one of its segments.
  await expect(staff.getByText("Visit booked without a deposit: the customer is sent the confirmation.")).toBeVisible();
  await expect(staff).toHaveURL(new RegExp(`/dashboard/visits/${visitId}\\?notice=deposit-waived$`));
  await expect(staff.getByRole("cell", { name: "Booked", exact: true })).toHaveCount(2);
  await expect(staff.getByRole("button", { name: "Waive deposit (book without payment)" })).toHaveCount(0);
  await staff.context().close();
});
