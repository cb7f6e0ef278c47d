import { expect, test } from "@playwright/test";
import { expectNoViolations, signIn } from "./dashboard-helpers";
import { storageStateOf } from "./signed-in";

/** The Team page: accessible, and disabling a leaver ends the session they still have open. */

test.describe(() => {
  test.use({ storageState: storageStateOf("admin") });

  test("the team and audit pages have no axe violations", async ({ page }) => {
    await page.goto("/dashboard/team");
    await expect(page.getByRole("heading", { name: "Team", level: 1 })).toBeVisible();
    await expectNoViolations(page, "team");

    // A failed invite shows its error next to the field, still without violations.
    await page.getByLabel("Email address").fill("amara@pamperbook.test");
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText("Already has an account: change")).toBeVisible();
    await expectNoViolations(page, "team with an invite error");

    await page.getByLabel("Email address").fill(`new.member.${Date.now()}@example.test`);
    await page.getByLabel("Role", { exact: true }).selectOption("FRONT_DESK");
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.locator("[data-form-message]")).toContainText("Invitation sent");

    await page.goto("/dashboard/audit");
    await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
    await expect(page.getByRole("cell", { name: /Invitations: sent/ }).first()).toBeVisible();
    await expectNoViolations(page, "audit log");
  });
});

test("a disabled stylist's open browser is signed out on its next click", async ({ browser }) => {
  const stylist = await browser.newContext();
  const admin = await browser.newContext({ storageState: storageStateOf("admin") });
  const stylistPage = await stylist.newPage();
  const adminPage = await admin.newPage();
  try {
    await signIn(stylistPage, "dev@pamperbook.test");
    await adminPage.goto("/dashboard/team");

    const row = adminPage.getByRole("row", { name: /dev@pamperbook\.test/ });
    await row.getByRole("button", { name: /^Disable/ }).click();
    await expect(row.getByRole("status")).toContainText("Account disabled");

    await stylistPage.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Calendar" }).click();
    await expect(stylistPage).toHaveURL(/\/sign-in/);

    // And the password no longer works.
    await stylistPage.getByLabel("Email", { exact: true }).fill("dev@pamperbook.test");
    await stylistPage.getByLabel("Password", { exact: true }).fill("demo-password");
    await stylistPage.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(stylistPage.getByRole("alert").filter({ hasText: /do not match|disabled/ })).toBeVisible();
  } finally {
    // Leave the demo stylist as the other specs expect them.
    await adminPage.goto("/dashboard/team");
    const row = adminPage.getByRole("row", { name: /dev@pamperbook\.test/ });
    const enable = row.getByRole("button", { name: /^Enable/ });
    if (await enable.isVisible()) {
      await enable.click();
      await expect(row.getByRole("status")).toContainText("Account enabled");
    }
    await stylist.close();
    await admin.close();
  }
});
