import { expect, test } from "@playwright/test";
import { signedInPage } from "./signed-in";
import { demoCustomer, signIn } from "./support/customer";

test("a guest is sent to sign in for their appointments and comes back after", async ({ page }) => {
  await page.goto("/appointments");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fappointments/);
  await page.getByLabel("Email", { exact: true }).fill(demoCustomer);
  await page.getByLabel("Password", { exact: true }).fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My appointments" })).toBeVisible();
});

test("another customer's appointment answers not found, page and .ics alike", async ({ browser }) => {
  const owner = await signedInPage(browser, "olivia");
  await owner.goto("/appointments");
  const href = await owner.locator("main ul a[href^='/appointments/']").first().getAttribute("href");
  expect(href).toBeTruthy();

  const intruder = await signedInPage(browser, "customer");
  const response = await intruder.goto(href!);
  expect(response?.status()).toBe(404);
  await expect(intruder.getByRole("heading", { name: "Appointment not found" })).toBeVisible();
  for (const path of ["/reschedule", "/cancel"]) {
    expect((await intruder.goto(`${href}${path}`))?.status()).toBe(404);
  }
  expect((await intruder.request.get(`${href}/calendar.ics`)).status()).toBe(404);
});

test("wrong passwords: a generic message, then a lockout after five failures", async ({ page }) => {
  const email = "amelia.hughes@example.test";
  await page.goto("/sign-in");
  for (let attempt = 1; attempt <= 6; attempt += 1) {
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill(`wrong-${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    const expected = attempt <= 5 ? "That email and password do not match an account." : /Too many failed attempts/;
    await expect(page.locator("[data-form-message]")).toHaveText(expected);
  }
  // Even the right password is refused while locked.
  await page.getByLabel("Password", { exact: true }).fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("[data-form-message]")).toHaveText(/Too many failed attempts/);
});

test("sign out everywhere ends the other sessions at once", async ({ browser }) => {
  const laptop = await (await browser.newContext()).newPage();
  const phone = await (await browser.newContext()).newPage();
  await signIn(laptop, "isla.thompson@example.test");
  await signIn(phone, "isla.thompson@example.test");
  await laptop.getByRole("button", { name: "Sign out on every device" }).click();
  await expect(laptop.getByText("You have been signed out on every device.")).toBeVisible();
  await phone.goto("/appointments");
  await expect(phone).toHaveURL(/\/sign-in/);
});

test("a sign-in link from the mailbox signs the customer in once", async ({ page }) => {
  const { linkIn, waitForEmail } = await import("./support/customer");
  const email = "mia.clarke@example.test";
  await page.goto("/sign-in");
  await page.getByLabel("Email for the link").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByText(`If ${email} has an account, a sign-in link is on its way.`)).toBeVisible();
  const message = await waitForEmail(email, (candidate) => candidate.kind === "auth.sign-in-link");
  const link = linkIn(message);
  await page.goto(link);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My appointments" })).toBeVisible();

  // Used once: the same link no longer works, even in a fresh browser.
  const other = await (await page.context().browser()!.newContext()).newPage();
  await other.goto(link);
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other.locator("[data-form-message]")).toHaveText(/expired or was already used/);
});

test("a production server has no /dev/mailbox and tells the public only its readiness status", async ({ request }) => {
  // The e2e server runs `next start` with MAIL_TRANSPORT=mailbox: the raw emails stay out of reach.
  expect((await request.get("/dev/mailbox")).status()).toBe(404);
  const ready = await request.get("/api/ready");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toEqual({ status: "ready" });
});
