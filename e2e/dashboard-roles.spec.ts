import { expect, test } from "@playwright/test";
import { bookFromSlot, quietWeekday } from "./dashboard-helpers";
import { signedInPage, storageStateOf } from "./signed-in";

/**
 * What each staff role sees, checked in the browser: a stylist sees a colleague's appointment only as a
 * busy block (no customer, no link to it), and front desk cannot open the salon's settings.
 */

test.describe(() => {
  test.use({ storageState: storageStateOf("amara") });

  test("a stylist sees a colleague's appointment as busy, without the customer", async ({ page, browser }) => {
    // A Thursday evening: no seeded booking, and the appointments spec books on Wednesdays.
    const date = quietWeekday(4);
    const customer = `Private Client ${Date.now().toString(36)}`;
    await bookFromSlot(page, date, "18:00", customer);

    const benPage = await signedInPage(browser, "ben");
    try {
      await benPage.goto(`/dashboard?date=${date}`);
      await expect(benPage.locator("[data-busy-block]").filter({ hasText: "18:00–18:45 Busy" })).toBeVisible();
      await expect(benPage.getByText(customer)).toHaveCount(0);
      await expect(benPage.getByRole("link", { name: new RegExp(customer) })).toHaveCount(0);
    } finally {
      await benPage.context().close();
    }
  });
});

test.describe(() => {
  test.use({ storageState: storageStateOf("frontDesk") });

  test("front desk gets 404 for the settings page and sees no link to it", async ({ page }) => {
    await page.goto("/dashboard");
    const navigation = page.getByRole("navigation", { name: "Dashboard" });
    await expect(navigation.getByRole("link", { name: "Calendar" })).toBeVisible();
    await expect(navigation.getByRole("link", { name: "Settings" })).toHaveCount(0);
    const response = await page.goto("/dashboard/settings");
    expect(response?.status()).toBe(404);
  });
});
