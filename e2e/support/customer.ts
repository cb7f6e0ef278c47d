import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import pg from "pg";

/** Helpers for the customer specs: sign-in, the local mailbox (read from the e2e database), axe, screenshots. */

export const DEMO_PASSWORD = "demo-password";
export const demoCustomer = "customer@pamperbook.test";
/** A second seeded customer (same demo password), for races and cross-customer checks. */
export const otherCustomer = "olivia.bennett@example.test";

export function uniqueEmail(label: string): string {
  return `${label}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.test`;
}

function e2eDatabaseUrl(): string {
  // The e2e server's embedded database writes its URL into a lock file beside its data directory.
  const lock = JSON.parse(readFileSync(`${process.env.E2E_PGLITE_DATA_DIR ?? ".data/e2e"}.lock`, "utf8")) as { url?: string };
  if (!lock.url) throw new Error("The e2e database is not running");
  return lock.url;
}

/** Runs `work` with a client of the e2e server's database (specs that set the stage or move the clock). */
export async function withE2eDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export type MailboxEmail = {
  id: string;
  kind: string;
  subject: string;
  text: string;
  appointmentId: string | null;
  attachments: { filename: string; contentType: string; content: string }[];
};

/**
 * The emails delivered to `to`, newest first, as the local mailbox holds them (MailboxMessage: links
 * included; the EmailMessage log staff read has account emails' links removed).
 */
export async function mailbox(to: string): Promise<MailboxEmail[]> {
  return withE2eDatabase(async (client) => {
    const result = await client.query<MailboxEmail>(
      `SELECT e.id, e.kind, e.subject, m.text, e."appointmentId", m.attachments
         FROM "EmailMessage" e JOIN "MailboxMessage" m ON m."emailId" = e.id
        WHERE e."to" = $1 AND e.status = 'SENT' ORDER BY e."createdAt" DESC`,
      [to],
    );
    return result.rows;
  });
}

/** Waits for an email (booking emails are sent just after the response). */
export async function waitForEmail(to: string, match: (email: MailboxEmail) => boolean): Promise<MailboxEmail> {
  let found: MailboxEmail | undefined;
  await expect
    .poll(
      async () => {
        found = (await mailbox(to)).find(match);
        return Boolean(found);
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return found!;
}

export function linkIn(email: MailboxEmail): string {
  const match = /https?:\/\/\S+token=[\w-]+/.exec(email.text);
  if (!match) throw new Error(`No link in "${email.subject}"`);
  return match[0];
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, callbackUrl = "/appointments") {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname !== "/sign-in");
}

const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** axe with the WCAG 2.2 AA rule set: the page must have no violations at all. */
export async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/customer-${name}.png`, fullPage: true });
}

/**
 * Opens the calendar on the first day at or after `notBefore` (YYYY-MM-DD) that has free times, moving
 * to later months when needed, and clicks it. Returns the chosen date.
 */
export async function pickDay(page: Page, notBefore: string): Promise<string> {
  for (let month = 0; month < 3; month += 1) {
    await expect(page.getByTestId("slots-announcement")).not.toHaveText(/Loading/);
    const days = page.locator("button[data-date][aria-disabled='false']");
    const dates = await days.evaluateAll((buttons) => buttons.map((button) => button.getAttribute("data-date") ?? ""));
    const date = dates.find((candidate) => candidate >= notBefore);
    if (date) {
      await page.locator(`button[data-date='${date}']`).click();
      return date;
    }
    await page.getByRole("button", { name: "Next month" }).click();
  }
  throw new Error(`No free day on or after ${notBefore}`);
}

/** A date `days` from today (UTC calendar), as YYYY-MM-DD: far enough to be outside the change cutoffs. */
export function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Presses Tab until the focused element's accessible text matches, like a keyboard user scanning a page. */
export async function tabTo(page: Page, name: RegExp, limit = 60) {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLInputElement | null;
      return (element?.getAttribute("aria-label") ?? element?.labels?.[0]?.innerText ?? element?.innerText ?? "").trim();
    });
    if (name.test(focused)) return;
  }
  throw new Error(`Could not reach ${name} with Tab`);
}

/**
 * With focus on the calendar's day grid, arrow keys move day by day to the first free day at or after
 * `target` (YYYY-MM-DD), crossing into the next month through its button when the month runs out.
 */
export async function arrowToFreeDay(page: Page, target: string) {
  const focusedDay = () =>
    page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      return { date: element.dataset.date ?? "", disabled: element.getAttribute("aria-disabled") === "true" };
    });
  for (let step = 0; step < 70; step += 1) {
    const before = await focusedDay();
    if (before.date >= target && !before.disabled) return;
    await page.keyboard.press("ArrowRight");
    if ((await focusedDay()).date === before.date) {
      // The last day of the month: Shift+Tab reaches "Next month", then Tab comes back into the grid.
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.press("Enter");
      await expect(page.getByTestId("slots-announcement")).not.toHaveText(/Loading/);
      await page.keyboard.press("Tab");
    }
  }
  throw new Error(`No free day reached on or after ${target}`);
}
