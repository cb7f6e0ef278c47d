import { expect, test } from "@playwright/test";
import { expectNoViolations } from "./dashboard-helpers";
import { storageStateOf } from "./signed-in";

/** The reports page: charts with table views that agree, axe clean, operable from the keyboard. */

test.describe(() => {
  test.use({ storageState: storageStateOf("admin") });

  test("reports chart the demo salon's month, and each table view matches its chart", async ({ page }) => {
    await page.goto("/dashboard/reports?preset=this-month");
    await expect(page.getByRole("heading", { name: "Reports", level: 1 })).toBeVisible();
    const section = page.getByRole("region", { name: "Revenue by stylist" });
    await section.getByText("Table view").click();
    const rows = section.getByRole("table").locator("tbody tr");
    const rowCount = await rows.count();
    expect(rowCount).toBeGreaterThan(0);
    // Two series (booked, completed): a bar for every amount the table lists above zero.
    const amounts = await rows.locator("td:not(:first-child)").allTextContents();
    await expect(section.locator(".recharts-bar-rectangle")).toHaveCount(amounts.filter((amount) => /[1-9]/.test(amount)).length);

    // The chart is one tab stop; an arrow key shows the first stylist's figures, as the table lists them.
    await section.locator(".recharts-wrapper > svg.recharts-surface").focus();
    // Focus may or may not select the first bar already; right then left lands on it either way.
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowLeft");
    const first = rows.first().locator("td");
    const tooltip = section.locator(".recharts-tooltip-wrapper");
    await expect(tooltip).toContainText((await first.nth(0).textContent())!);
    await expect(tooltip).toContainText((await first.nth(2).textContent())!);

    await expectNoViolations(page, "reports");
    await page.screenshot({ path: "docs/screenshots/reports.png", fullPage: true });
  });

  test("a CSV download carries the report's rows", async ({ page }) => {
    await page.goto("/dashboard/reports?preset=this-month");
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download utilisation as CSV" }).click();
    const file = await (await download).path();
    const { readFile } = await import("node:fs/promises");
    expect((await readFile(file, "utf8")).split("\n")[0]).toBe("stylist,booked_minutes,working_minutes,utilisation");
  });
});

test.describe(() => {
  test.use({ storageState: storageStateOf("amara") });

  test("a stylist sees their own figures without the stylist filter", async ({ page }) => {
    await page.goto("/dashboard/reports?preset=this-month");
    await expect(page.getByText("your own appointments only")).toBeVisible();
    await expect(page.getByLabel("Stylist", { exact: true })).toHaveCount(0);
  });
});
