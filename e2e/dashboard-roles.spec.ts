import { expect, test } from "@playwright/test";
import { signIn } from "./dashboard-helpers";

/**
 * What each staff role sees, checked in the browser: a stylist sees a colleague's appointment only as a
 * busy block (no customer, no link to it), and front desk cannot open the salon's settings.
 */

/** A Thursday five to fifteen weeks ahead, evening hours: no seeded booking and no other spec in the way. */
function quietThursday(): string {
  const weeks = 5 + (Math.floor(Date.now() / 60_000) % 10);
  const date = new Date(Date.now() + weeks * 7 * 86_400_000);
  while (date.getUTCDay() !== 4) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

test("a stylist sees a colleague's appointment as busy, without the customer", async ({ page, browser }) => {
  const date = quietThursday();
  const customer = `Private Client ${Date.now().toString(36)}`;

  await signIn(page, "amara@pamperbook.test");
  await page.goto(`/dashboard?date=${date}`);
  await page.getByRole("link", { name: /^New appointment at 18:00, .*, with Amara Okafor/ }).click();
  await page.getByLabel("Name", { exact: true }).fill(customer);
  await page.getByLabel("Email", { exact: true }).fill(`${customer.toLowerCase().replace(/\W+/g, ".")}@example.test`);
  await page.getByLabel("Service").selectOption({ label: "Blow-dry (45 min)" });
  await page.getByLabel("Book outside the normal availability").check();
  await page.getByRole("button", { name: "Book appointment" }).click();
  await expect(page.getByRole("heading", { name: `${customer} — Blow-dry` })).toBeVisible();

  const colleague = await browser.newContext();
  try {
    const benPage = await colleague.newPage();
    await signIn(benPage, "ben@pamperbook.test", "/dashboard");
    await benPage.goto(`/dashboard?date=${date}`);
    await expect(benPage.locator("[data-busy-block]").filter({ hasText: "18:00–18:45 Busy" })).toBeVisible();
    await expect(benPage.getByText(customer)).toHaveCount(0);
    await expect(benPage.getByRole("link", { name: new RegExp(customer) })).toHaveCount(0);
  } finally {
    await colleague.close();
  }
});

test("front desk gets 404 for the settings page and sees no link to it", async ({ page }) => {
  await signIn(page, "frontdesk@pamperbook.test");
  await expect(page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Settings" })).toHaveCount(0);
  const response = await page.goto("/dashboard/settings");
  expect(response?.status()).toBe(404);
});
