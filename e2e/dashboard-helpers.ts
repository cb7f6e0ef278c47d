import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const PASSWORD = "demo-password";

/** Signs in through the real form, then lands on `to` (the session cookie is what later pages check). */
export async function signIn(page: Page, email: string, to = "/dashboard"): Promise<void> {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(to)}`);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  // Signing in runs argon2id on the server: give a loaded machine time before calling it a failure.
  await expect(page).toHaveURL((url) => url.pathname === to.split("?")[0], { timeout: 15_000 });
}

/** A date far enough ahead that the demo seed never books it (the seed stays within a few weeks). */
export function futureDate(daysAhead: number): string {
  const date = new Date(Date.now() + daysAhead * 86_400_000);
  return date.toISOString().slice(0, 10);
}

/**
 * The given weekday (0 = Sunday) five to fifteen weeks ahead, varied per run so re-runs on one database
 * never collide; its evening hours are outside every seeded stylist's working hours.
 */
export function quietWeekday(weekday: number): string {
  const weeks = 5 + (Math.floor(Date.now() / 60_000) % 10);
  const date = new Date(Date.now() + weeks * 7 * 86_400_000);
  while (date.getUTCDay() !== weekday) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/**
 * Books a Blow-dry walk-in with Amara Okafor from an empty time on the day's calendar, by keyboard, and
 * waits for the new appointment's page.
 */
export async function bookFromSlot(page: Page, date: string, time: string, customer: string): Promise<void> {
  await page.goto(`/dashboard?date=${date}`);
  const slot = page.getByRole("link", {
    name: new RegExp(`^New appointment at ${time}, .*, with Amara Okafor \\(outside working hours\\)$`),
  });
  await slot.focus();
  await expect(slot).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "New appointment" })).toBeVisible();
  await expect(page.getByLabel("Time")).toHaveValue(time);
  await page.getByLabel("Name", { exact: true }).fill(customer);
  await page.getByLabel("Email", { exact: true }).fill(`${customer.toLowerCase().replace(/\W+/g, ".")}@example.test`);
  await page.getByLabel("Service").selectOption({ label: "Blow-dry (45 min)" });
  await page.getByLabel("Book outside the normal availability").check();
  await page.getByRole("button", { name: "Book appointment" }).click();
  await expect(page.getByRole("heading", { name: `${customer} — Blow-dry` })).toBeVisible();
}

const axeTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** The page passes axe's WCAG 2.2 AA rules; `label` names the page in a failure. */
export async function expectNoViolations(page: Page, label: string) {
  // The email preview is a sandboxed iframe (no scripts) that axe cannot enter and would wait on until the
  // test times out, so it is left out: its markup is the email templates' concern, not the dashboard's.
  const { violations } = await new AxeBuilder({ page }).withTags(axeTags).exclude('iframe[title="Email preview"]').analyze();
  expect(
    violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`),
    label,
  ).toEqual([]);
}
