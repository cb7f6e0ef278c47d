import { expect, test } from "@playwright/test";
import { expectNoViolations, quietWeekday } from "./dashboard-helpers";
import { storageStateOf } from "./signed-in";
import { daysFromNow } from "./support/customer";

/**
 * A colour service that needs a patch test: the front desk's walk-in booking is refused until they give a
 * reason to override, then the customer's profile records a patch test and a note, and passes axe.
 */

const run = Date.now().toString(36);

async function setPatchTestRequired(page: import("@playwright/test").Page, required: boolean) {
  await page.goto("/dashboard/services");
  await page.getByRole("link", { name: "Full head colour" }).click();
  await page.getByLabel("Needs a patch test (e.g. hair colour)").setChecked(required);
  await page.getByRole("button", { name: "Save service" }).click();
  await expect(page).toHaveURL(/notice=saved/);
}

test.describe(() => {
  test.use({ storageState: storageStateOf("admin") });

  test("a colour booking without a patch test needs an override reason; the profile records the test", async ({ page }) => {
    test.slow();
    const customer = `Priya ${run}`;
    await setPatchTestRequired(page, true);

    // A Friday: the appointments spec books Amara at 19:00 on Wednesdays, in the same minute-chosen week.
    await page.goto(`/dashboard/appointments/new?date=${quietWeekday(5)}`);
    await page.getByLabel("Name", { exact: true }).fill(customer);
    await page.getByLabel("Email", { exact: true }).fill(`priya.${run}@example.test`);
    await page.getByLabel("Service").selectOption({ label: "Full head colour (120 min)" });
    await page.getByLabel("Stylist").selectOption({ label: "Amara Okafor" });
    await page.getByLabel("Time").fill("19:00");
    await page.getByLabel("Book outside the normal availability").check();
    await page.getByRole("button", { name: "Book appointment" }).click();
    await expect(page.getByText(/Full head colour needs a patch test done at least 48 hours/)).toBeVisible();

    const reason = page.getByLabel("Book without a valid patch test: reason (kept with the appointment)");
    await reason.fill("Tested at her previous salon last week");
    await page.getByRole("button", { name: "Book appointment" }).click();
    await expect(page.getByRole("heading", { name: `${customer} — Full head colour` })).toBeVisible();

    await page.goto(`/dashboard/customers?q=${encodeURIComponent(customer)}`);
    await page.getByRole("link", { name: customer }).click();
    await expect(page.getByRole("heading", { name: customer, level: 1 })).toBeVisible();
    await expect(page.getByText("No patch tests on record.")).toBeVisible();

    // Yesterday: a test at 09:30 today would be in the future for a run before 09:30.
    await page.getByLabel("Date tested").fill(daysFromNow(-1));
    await page.getByLabel("Time tested").fill("09:30");
    await page.getByLabel("Product").fill("Koleston 2/0");
    await page.getByLabel("Result").selectOption("NEGATIVE");
    await page.getByRole("button", { name: "Record patch test" }).click();
    await expect(page.getByRole("listitem").filter({ hasText: "Koleston 2/0: Negative (no reaction)" })).toBeVisible();

    await page.getByLabel("New note about the customer (never shown to them)").fill("Sensitive scalp, use the gentle shampoo");
    await page.getByRole("button", { name: "Add note" }).click();
    await expect(page.getByRole("listitem").filter({ hasText: "Sensitive scalp" })).toBeVisible();
    await expectNoViolations(page, "customer profile");

    await setPatchTestRequired(page, false);
  });
});
