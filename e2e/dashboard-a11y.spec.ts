import { expect, test } from "@playwright/test";
import { expectNoViolations } from "./dashboard-helpers";
import { storageStateOf } from "./signed-in";

/** Every dashboard page passes axe (WCAG 2.2 AA rules), and the calendar works from the keyboard. */

test.describe(() => {
  test.use({ storageState: storageStateOf("admin") });

  test("dashboard pages have no axe violations", async ({ page }) => {
    test.setTimeout(180_000); // a dozen pages, each analysed in full
    const paths = [
      "/dashboard",
      "/dashboard?view=week",
      "/dashboard/appointments/new",
      "/dashboard/settings",
      "/dashboard/services",
      "/dashboard/services/new",
      "/dashboard/stylists",
      "/dashboard/stylists/new",
      "/dashboard/customers",
      "/dashboard/emails",
      "/dashboard/api-keys",
    ];
    for (const path of paths) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoViolations(page, path);
    }

    // A details page, for an appointment this test books itself (an evening, so it never meets a seeded one).
    await page.goto("/dashboard/appointments/new?date=2030-03-06&time=19:00");
    await page.getByLabel("Name", { exact: true }).fill("Axe Check");
    await page.getByLabel("Email", { exact: true }).fill(`axe.${Date.now()}@example.test`);
    await page.getByLabel("Service").selectOption({ label: "Blow-dry (45 min)" });
    await page.getByLabel("Book outside the normal availability").check();
    await page.getByRole("button", { name: "Book appointment" }).click();
    await expect(page.getByRole("heading", { name: "Axe Check — Blow-dry" })).toBeVisible();
    await expectNoViolations(page, "appointment details");

    // The booking form finds an existing customer and fills them in.
    await page.goto("/dashboard/appointments/new?q=Axe%20Check");
    await page.getByRole("link", { name: "Use Axe Check" }).first().click();
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Axe Check");
    await expectNoViolations(page, "new appointment with a customer search");

    await page.goto("/dashboard/customers?q=Axe%20Check");
    await page.getByRole("link", { name: "Axe Check" }).first().click();
    await expect(page.getByRole("heading", { name: "Axe Check" })).toBeVisible();
    await expectNoViolations(page, "customer profile");

    // Editors and the email preview, reached the way people reach them.
    await page.goto("/dashboard/stylists");
    await page.getByRole("link", { name: "Amara Okafor" }).click();
    await expect(page.getByRole("heading", { name: "Amara Okafor", level: 1 })).toBeVisible();
    await expectNoViolations(page, "stylist editor");
    await page.goto("/dashboard/services");
    await page.getByRole("link", { name: "Blow-dry" }).click();
    await expect(page.getByRole("heading", { name: "Edit Blow-dry" })).toBeVisible();
    await expectNoViolations(page, "service editor");
    await page.goto("/dashboard/emails");
    await page
      .getByRole("link", { name: /^Booked: / })
      .first()
      .click();
    await expect(page.getByTitle("Email preview")).toBeVisible();
    await expectNoViolations(page, "email preview");
  });
});

test.describe(() => {
  test.use({ storageState: storageStateOf("chloe") });

  test("the calendar is usable from the keyboard", async ({ page }) => {
    await page.goto("/dashboard?date=2030-03-06");
    await page.getByRole("button", { name: "Show" }).focus();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("region", { name: "Calendar" })).toBeFocused();
    await page.keyboard.press("Tab");
    const first = page.getByRole("link", { name: /^New appointment at \d\d:\d\d, Wed 6 Mar, with / }).first();
    await expect(first).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: "New appointment" })).toBeVisible();
    await expect(page.getByLabel("Date")).toHaveValue("2030-03-06");
  });
});
