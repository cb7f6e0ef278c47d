import { test as setup } from "@playwright/test";
import { signIn } from "./dashboard-helpers";
import { accounts, storageStateOf, type Account } from "./signed-in";

for (const [account, { email, landing }] of Object.entries(accounts) as [Account, (typeof accounts)[Account]][]) {
  setup(`sign in as ${account}`, async ({ page }) => {
    await signIn(page, email, landing);
    await page.context().storageState({ path: storageStateOf(account) });
  });
}
