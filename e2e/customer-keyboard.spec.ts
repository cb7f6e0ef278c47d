import { expect, test } from "@playwright/test";
import { arrowToFreeDay, daysFromNow, demoCustomer, DEMO_PASSWORD, screenshot, tabTo } from "./support/customer";

test("a customer books an appointment with the keyboard only", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/sign-in?callbackUrl=%2Fbook");
  await tabTo(page, /^Email$/);
  await page.keyboard.type(demoCustomer);
  await page.keyboard.press("Tab");
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Choose a service" })).toBeVisible();

  await tabTo(page, /^Signature facial/);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Choose a stylist" })).toBeFocused();
  await tabTo(page, /^Anyone available/);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Choose a date and time" })).toBeFocused();
  await expect(page.getByTestId("slots-announcement")).not.toHaveText(/Loading/);

  // One Tab stop for the calendar; arrow keys move day by day to a free day a few days out.
  await tabTo(page, /free times|no free times/);
  await arrowToFreeDay(page, daysFromNow(3));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: /^Times on/ })).toBeFocused();

  // Into the times: one Tab stop, arrows between times.
  await page.keyboard.press("Tab");
  const first = await page.evaluate(() => document.activeElement?.textContent);
  await page.keyboard.press("ArrowRight");
  const second = await page.evaluate(() => document.activeElement?.textContent);
  expect(second).not.toBe(first);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Anything we should know?" })).toBeFocused();

  await page.keyboard.press("Tab");
  await expect(page.getByLabel(/Note for your stylist/)).toBeFocused();
  await page.keyboard.type("Booked with the keyboard");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Review and confirm" })).toBeFocused();
  await tabTo(page, /^Confirm booking$/);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "You're booked!" })).toBeVisible();
  await expect(page.getByText("Booked with the keyboard")).toBeVisible();
  await screenshot(page, "keyboard-confirmed");
});
