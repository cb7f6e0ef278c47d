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
