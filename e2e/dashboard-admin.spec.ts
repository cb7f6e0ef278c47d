import { expect, test } from "@playwright/test";
import { storageStateOf } from "./signed-in";

/**
 * An admin adds a service and a stylist who performs it with weekly hours (two intervals a day); the
 * customer booking flow then offers that stylist's times for that service.
 */

const run = Date.now().toString(36);

test.describe(() => {
  test.use({ storageState: storageStateOf("admin") });

  test("a new service and stylist with hours become bookable", async ({ page, browser }) => {
    test.slow();
    const service = `Fringe trim ${run}`;
    const stylist = `Eve ${run}`;

    await page.goto("/dashboard/services/new");
    await page.getByLabel("Name").fill(service);
    await page.getByLabel("Slug").fill(`fringe-trim-${run}`);
    await page.getByLabel("Category").fill("Hair");
    await page.getByLabel("Price (GBP)").fill("12.50");
    await page.getByLabel("Duration (minutes)").fill("30");
    await page.getByRole("button", { name: "Save service" }).click();
    await expect(page.getByRole("link", { name: service })).toBeVisible();

    await page.goto("/dashboard/stylists/new");
    await page.getByLabel("Display name").fill(stylist);
    await page.getByLabel("Sign-in email").fill(`eve.${run}@pamperbook.test`);
    await page.getByLabel("Initial password").fill("a-long-password");
    await page.getByRole("checkbox", { name: service }).check();
    for (const day of ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]) {
      await page.getByLabel(day, { exact: true }).fill("09:00-12:00, 13:00-17:00");
    }
    await page.getByRole("button", { name: "Save stylist" }).click();
    await expect(page.getByRole("link", { name: stylist })).toBeVisible();

    // A guest in another browser walks the booking flow: service, then the new stylist, then a day.
    const guest = await browser.newPage();
    await guest.goto("/book");
    await guest.getByRole("link", { name: new RegExp(service) }).click();
    await guest.getByRole("link", { name: new RegExp(stylist) }).click();
    await expect(guest).toHaveURL(/staff=/);
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    await guest.goto(`${guest.url()}&date=${day}`);
    await expect(guest.getByTestId("slots-announcement")).toHaveText(/^[1-9]\d* free times on /);
    await guest.close();

    // Time off on the stylist's page: added, listed, removed.
    await page.getByRole("link", { name: stylist }).click();
    await page.getByLabel("First day off").fill(day);
    await page.getByLabel("Last day off").fill(day);
    await page.getByLabel("Reason (optional)").fill("Training");
    await page.getByRole("button", { name: "Add time off" }).click();
    const timeOff = page.getByRole("listitem").filter({ hasText: "Training" });
    await expect(timeOff).toBeVisible();
    await timeOff.getByRole("button", { name: /^Remove/ }).click();
    await expect(page.getByText("None coming up.")).toBeVisible();

    // Deactivating (never deleting) takes the stylist off the calendar and out of booking.
    await page.getByLabel("Active (bookable)").uncheck();
    await page.getByRole("button", { name: "Save stylist" }).click();
    await expect(page.getByRole("listitem").filter({ hasText: stylist })).toContainText("Inactive");
  });
});

test.describe(() => {
  test.use({ storageState: storageStateOf("ben") });

  test("a stylist creates an API key, sees its secret once, and revokes it", async ({ page }) => {
    const name = `Script ${run}`;
    await page.goto("/dashboard/api-keys");
    await page.getByLabel("Key name").fill(name);
    await page.getByRole("checkbox", { name: "customers:read" }).check();
    await page.getByRole("button", { name: "Create key" }).click();
    await expect(page.getByLabel("New API key (shown once)")).toHaveValue(/.{20,}/);
    const row = page.getByRole("row", { name: new RegExp(name) });
    await expect(row).toContainText("appointments:read, customers:read");
    await row.getByRole("button", { name: `Revoke ${name}` }).click();
    await expect(row).toContainText("Revoked");

    await page.reload();
    await expect(page.getByLabel("New API key (shown once)")).toHaveCount(0);
  });
});
