import { expect, test } from "@playwright/test";
import { signedInPage } from "./signed-in";
import { expectAccessible, screenshot, signIn } from "./support/customer";

// Pages a guest can open (the journey spec covers every booking step and the appointment pages).
for (const path of [
  "/",
  "/sign-in",
  "/register",
  "/forgot-password",
  "/reset-password?token=x",
  "/verify-email?token=x",
  "/sign-in-link?token=x",
]) {
  test(`axe finds no WCAG 2.2 AA violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(page, path);
  });
}

test("axe finds no violations on my appointments, and the narrow layout holds", async ({ browser }) => {
  const page = await signedInPage(browser, "customer");
  await page.goto("/appointments");
  await expect(page.getByRole("heading", { level: 1, name: "My appointments" })).toBeVisible();
  await expectAccessible(page, "/appointments");
  await screenshot(page, "appointments");
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/book");
  await expectAccessible(page, "/book (mobile)");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(page, "book-mobile");
});

test("forgot password: the reset link arrives and sets a new password", async ({ page }) => {
  const { waitForEmail, linkIn } = await import("./support/customer");
  const email = "ava.robinson@example.test";
  await page.goto("/forgot-password");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(page.getByText(`If ${email} has an account, a reset link is on its way.`)).toBeVisible();
  const message = await waitForEmail(email, (candidate) => candidate.kind === "auth.reset-password");
  await page.goto(linkIn(message));
  await expectAccessible(page, "reset password");
  await page.getByLabel("New password").fill("a-brand-new-password");
  await page.getByRole("button", { name: "Save new password" }).click();
  await expect(page.getByText("Your password has been changed.")).toBeVisible();
  await signIn(page, email, "a-brand-new-password");
  await expect(page.getByRole("heading", { level: 1, name: "My appointments" })).toBeVisible();
});
