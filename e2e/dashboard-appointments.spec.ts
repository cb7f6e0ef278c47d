import { expect, test, type Page } from "@playwright/test";
import { bookFromSlot, quietWeekday } from "./dashboard-helpers";
import { signedInPage, storageStateOf } from "./signed-in";

/**
 * A stylist runs the day from the calendar: books a walk-in from an empty time (by keyboard), sees it on
 * the calendar, reschedules it, cancels it with a reason, completes another; the history shows each change.
 * Times are evening hours on a weekday weeks ahead, outside working hours, so no seeded booking is in the way.
 */

const run = Date.now().toString(36);

test.use({ storageState: storageStateOf("amara") });

const history = (page: Page) => page.getByRole("list", { name: "Change history" });

test("a stylist books a walk-in, reschedules and cancels it, and completes another", async ({ page }) => {
  test.slow(); // one long journey through five server round trips
  const date = quietWeekday(3);

  const walkIn = `Walk In ${run}`;
  await bookFromSlot(page, date, "19:00", walkIn);
  await expect(history(page).getByRole("listitem").first()).toContainText("Booked by Amara Okafor (staff (dashboard))");

  await page.getByRole("link", { name: "← Back to the calendar" }).click();
  const block = page.getByRole("link", { name: new RegExp(`19:00–19:45 ${walkIn}.*Booked.*with Amara Okafor`) });
  await expect(block).toBeVisible();
  await block.click();

  await page.getByLabel("New time").fill("19:30");
  await page.getByLabel("Allow outside the normal availability").check();
  await page.getByRole("button", { name: "Reschedule" }).click();
  await expect(history(page)).toContainText("Rescheduled by Amara Okafor");
  await expect(history(page)).toContainText(/time: .* at 19:00 → .* at 19:30/);

  await page.getByLabel("Reason (sent to the customer)").fill("Customer phoned to cancel");
  await page.getByRole("button", { name: "Cancel appointment" }).click();
  await expect(page.getByText("✕ Cancelled", { exact: false }).first()).toBeVisible();
  await expect(history(page)).toContainText("Cancelled by Amara Okafor");
  await expect(history(page)).toContainText("reason: — → Customer phoned to cancel");
  await expect(history(page).locator(":scope > li")).toHaveCount(3);

  const regular = `Regular ${run}`;
  await bookFromSlot(page, date, "18:00", regular);
  await page.getByRole("button", { name: "Mark completed" }).click();
  await expect(history(page)).toContainText("Marked completed by Amara Okafor");
  await expect(page.getByRole("button", { name: "Mark completed" })).toHaveCount(0);

  await page.goto(`/dashboard?date=${date}`);
  await expect(page.getByRole("link", { name: new RegExp(`18:00–18:45 ${regular}.*Completed`) })).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(`19:30–20:15 ${walkIn}.*Cancelled`) })).toBeVisible();
});

test("two staff screens see each other's changes within 10 seconds", async ({ page, browser }) => {
  test.slow();
  const date = quietWeekday(3);
  // Front desk: a colleague who sees customers by name (a stylist sees only a busy block).
  const other = await signedInPage(browser, "frontDesk");
  await other.goto(`/dashboard?date=${date}`);
  const customer = `Seen Elsewhere ${run}`;
  await bookFromSlot(page, date, "17:30", customer);
  // No reload on the other screen: its periodic refresh must bring the booking in.
  await expect(other.getByRole("link", { name: new RegExp(`17:30–18:15 ${customer}`) })).toBeVisible({ timeout: 10_000 });
  await other.context().close();
});
