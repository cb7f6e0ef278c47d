import { expect, test } from "@playwright/test";
import { signedInPage } from "./signed-in";
import { daysFromNow, pickDay, screenshot } from "./support/customer";

/**
 * Two customers on the same review page for the same stylist and time: the database's exclusion
 * constraint lets exactly one booking through; the other customer gets a clear message, fresh times,
 * and keeps the rest of their selection.
 */
test("two customers race for the same slot: one books, the other is told and sees fresh times", async ({ browser }) => {
  test.setTimeout(120_000);
  const first = await signedInPage(browser, "customer");
  const second = await signedInPage(browser, "olivia");
  await first.goto("/book");

  await first.getByRole("link", { name: /^Hot stone massage/ }).click();
  await first.getByRole("link", { name: /Dev Patel/ }).click();
  await pickDay(first, daysFromNow(4));
  const times = first.getByRole("group", { name: /Times on/ });
  const contested = times.getByRole("button").nth(1);
  const contestedLabel = (await contested.getAttribute("aria-label"))!;
  await contested.click();
  await first.getByRole("button", { name: "Continue to review" }).click();
  await expect(first.getByRole("heading", { name: "Review and confirm" })).toBeVisible();

  // The second customer lands on exactly the same selection.
  await second.goto(first.url());
  await expect(second.getByRole("heading", { name: "Review and confirm" })).toBeVisible();

  await first.getByRole("button", { name: "Confirm booking" }).click();
  await expect(first.getByRole("heading", { name: "You're booked!" })).toBeVisible();

  await second.getByRole("button", { name: "Confirm booking" }).click();
  await expect(second.getByRole("alert").filter({ hasText: "someone booked that time a moment ago" })).toBeVisible();
  await expect(second.getByRole("heading", { name: "Choose a date and time" })).toBeVisible();
  // Service, stylist and day are kept; the taken time is no longer offered.
  await expect(second.getByRole("complementary", { name: "Your selection" })).toContainText("Hot stone massage");
  await expect(second.getByRole("complementary", { name: "Your selection" })).toContainText("Dev Patel");
  await expect(second.getByRole("heading", { name: /^Times on/ })).toBeVisible();
  await expect(
    second
      .getByRole("group", { name: /Times on/ })
      .getByRole("button")
      .first(),
  ).toBeVisible();
  await expect(second.getByRole("button", { name: contestedLabel, exact: true })).toHaveCount(0);
  await screenshot(second, "race-slot-taken");
});
