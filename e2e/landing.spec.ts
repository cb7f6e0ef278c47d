import { expect, test } from "@playwright/test";

test("the landing page lists the salon's services from the database", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Pamper Book Studio" })).toBeVisible();
  for (const name of ["Women's cut & finish", "Balayage", "Gel manicure", "Hot stone massage", "Signature facial"]) {
    await expect(page.getByRole("heading", { name })).toBeVisible();
  }
  await expect(page.getByText("£160.00")).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/landing.png", fullPage: true });
});

test("the health endpoint reports the database as up", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: "up" });
});
