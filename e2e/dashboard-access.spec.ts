import { expect, test } from "@playwright/test";
import { storageStateOf } from "./signed-in";

/** The dashboard refuses customers and guests on the server: no dashboard content is ever sent to them. */

const pages = [
  "/dashboard",
  "/dashboard?view=week",
  "/dashboard/appointments/new",
  "/dashboard/appointments/any-id",
  "/dashboard/visits/new",
  "/dashboard/visits/any-id",
];

test.describe(() => {
  test.use({ storageState: storageStateOf("customer") });

  test("a customer gets a 404 for every dashboard page", async ({ page }) => {
    for (const path of pages) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("navigation", { name: "Dashboard" })).toHaveCount(0);
      await expect(page.getByRole("region", { name: "Calendar" })).toHaveCount(0);
    }
  });
});

test("a guest is sent to sign in and brought back after", async ({ page }) => {
  await page.goto("/dashboard?view=week");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard/);
});
