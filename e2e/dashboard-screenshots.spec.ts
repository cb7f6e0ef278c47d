import { expect, test } from "@playwright/test";
import { storageStateOf } from "./signed-in";

/** The README's pictures of the calendar: today's day view (every stylist) and one stylist's week, over the demo salon. */

test.use({ viewport: { width: 1440, height: 900 }, storageState: storageStateOf("admin") });

test("day and week views", async ({ page }) => {
  await page.goto("/dashboard");
  await expect(page.getByRole("region", { name: "Calendar" })).toBeVisible();
  await page.screenshot({ path: "docs/screenshots/dashboard-day.png", fullPage: true });
  // The week for one stylist: all stylists' week is wider than any screen (it scrolls sideways).
  await page.getByRole("link", { name: "Week", exact: true }).click();
  await expect(page.getByRole("heading", { name: /^Week of / })).toBeVisible();
  await page.getByLabel("Stylist").selectOption({ label: "Amara Okafor" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/staff=/);
  await expect(page.getByRole("region", { name: "Calendar" })).toBeVisible();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: "docs/screenshots/dashboard-week.png", fullPage: true });
});
