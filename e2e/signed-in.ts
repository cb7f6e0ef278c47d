import type { Browser, Page } from "@playwright/test";
import { demoCustomer, otherCustomer } from "./support/customer";

/**
 * Demo accounts signed in once per run by `auth.setup.ts`; specs start from the saved session instead
 * of typing into the sign-in form again. Specs about signing in (or that end sessions) still use the form.
 */
export const accounts = {
  admin: { email: "admin@pamperbook.test", landing: "/dashboard" },
  amara: { email: "amara@pamperbook.test", landing: "/dashboard" },
  ben: { email: "ben@pamperbook.test", landing: "/dashboard" },
  chloe: { email: "chloe@pamperbook.test", landing: "/dashboard" },
  frontDesk: { email: "frontdesk@pamperbook.test", landing: "/dashboard" },
  customer: { email: demoCustomer, landing: "/appointments" },
  olivia: { email: otherCustomer, landing: "/appointments" },
} as const;

export type Account = keyof typeof accounts;

export function storageStateOf(account: Account): string {
  return `playwright/.auth/${account}.json`;
}

/** A page in a browser context of its own, already signed in as `account` (close its context when done). */
export async function signedInPage(browser: Browser, account: Account): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateOf(account) });
  return context.newPage();
}
