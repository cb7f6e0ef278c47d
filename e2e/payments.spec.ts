import { expect, test, type Page } from "@playwright/test";
import { signedInPage } from "./signed-in";
import { daysFromNow, demoCustomer, expectAccessible, linkIn, pickDay, waitForEmail, withE2eDatabase } from "./support/customer";

/**
 * Deposits through the development test checkout (no Stripe offline), on the built app: the checkout's
 * buttons post signed Stripe-shaped events to the real webhook handler. The Luxury pedicure is given a
 * deposit and the salon a no-show fee for this spec, and both are put back afterwards.
 */

test.beforeAll(async () => {
  await withE2eDatabase(async (client) => {
    await client.query(`UPDATE "Service" SET "depositCents" = 1000 WHERE slug = 'luxury-pedicure'`);
    await client.query(`UPDATE "SalonSettings" SET "noShowFeeCents" = 2500, "lateCancelWindowMinutes" = 1440 WHERE id = 1`);
  });
});

test.afterAll(async () => {
  await withE2eDatabase(async (client) => {
    await client.query(`UPDATE "Service" SET "depositCents" = NULL WHERE slug = 'luxury-pedicure'`);
    await client.query(`UPDATE "SalonSettings" SET "noShowFeeCents" = 0 WHERE id = 1`);
  });
});

/** Books the pedicure with Chloé on the first free time from `notBefore` and lands on the deposit step. */
async function holdPedicure(page: Page, notBefore: string): Promise<{ id: string; date: string; time: string }> {
  await page.goto("/book");
  await page.getByRole("link", { name: /^Luxury pedicure/ }).click();
  await page.getByRole("link", { name: /Chloé Martin/ }).click();
  const date = await pickDay(page, notBefore);
  const first = page
    .getByRole("group", { name: /Times on/ })
    .getByRole("button")
    .first();
  const time = (await first.textContent())!.trim();
  await first.click();
  await page.getByRole("button", { name: "Continue to review" }).click();
  await expect(page.getByText("A deposit of £10.00 is taken now")).toBeVisible();
  await expect(page.getByText("a no-show fee of £25.00")).toBeVisible();
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(page.getByRole("heading", { name: "One more step: the deposit" })).toBeVisible();
  const id = new URL(page.url()).pathname.split("/").pop()!;
  return { id, date, time };
}

async function payOnTestCheckout(page: Page) {
  await page.getByRole("link", { name: "Pay £10.00 deposit" }).click();
  await expect(page.getByRole("heading", { name: /^Pay £10\.00 to / })).toBeVisible();
}

/** A pedicure held and paid for: BOOKED, with the deposit (and the card) on file. */
async function bookAndPay(page: Page, notBefore: string) {
  const hold = await holdPedicure(page, notBefore);
  await payOnTestCheckout(page);
  await page.getByRole("button", { name: "Pay £10.00" }).click();
  await expect(page.getByText("Booked", { exact: true })).toBeVisible();
  return hold;
}

test("pay the deposit → booked, with the confirmation email", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await signedInPage(browser, "customer");
  const hold = await holdPedicure(page, daysFromNow(9));
  await expectAccessible(page, "deposit step");
  await payOnTestCheckout(page);
  await expectAccessible(page, "test checkout");
  await page.getByRole("button", { name: "Pay £10.00" }).click();
  await expect(page.getByRole("status").filter({ hasText: "the payment went through" })).toBeVisible();
  await expect(page.getByText("Booked", { exact: true })).toBeVisible();
  const email = await waitForEmail(demoCustomer, (candidate) => candidate.kind === "confirmation" && candidate.appointmentId === hold.id);
  expect(email.text).toContain("A deposit of £10.00 is taken now");
  await page.context().close();
});

test("abandon the checkout → the hold ends and the time is offered again", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await signedInPage(browser, "customer");
  const hold = await holdPedicure(page, daysFromNow(12));
  await payOnTestCheckout(page);
  await page.getByRole("button", { name: "Card declined" }).click();
  await expect(page.getByText("Your card was declined")).toBeVisible();
  await page.getByRole("button", { name: "Abandon" }).click();
  await expect(page.getByText("Hold ran out", { exact: true })).toBeVisible();

  await page.goto("/book");
  await page.getByRole("link", { name: /^Luxury pedicure/ }).click();
  await page.getByRole("link", { name: /Chloé Martin/ }).click();
  await page.locator(`button[data-date='${hold.date}']`).click();
  await expect(page.getByRole("group", { name: /Times on/ }).getByRole("button", { name: new RegExp(`^${hold.time},`) })).toBeVisible();
  await page.context().close();
});

test("cancel inside the window → the deposit is refunded", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await signedInPage(browser, "customer");
  const hold = await bookAndPay(page, daysFromNow(15));
  await page.goto(`/appointments/${hold.id}/cancel`);
  await page.getByRole("button", { name: "Cancel appointment" }).click();
  await expect(page.getByText("Appointment cancelled.")).toBeVisible();
  // The refund is issued just after the response.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("row", { name: /Refund £10\.00 Succeeded/ })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expectAccessible(page, "appointment with a refund");
  await page.context().close();
});

/**
 * The appointment's day comes: moved `daysAgo` into the past (at night, clear of anyone's hours) so it
 * has started and can be marked a no-show.
 */
async function moveIntoThePast(appointmentId: string, daysAgo: number) {
  await withE2eDatabase(async (client) => {
    await client.query(
      `UPDATE "Appointment" SET "startsAt" = date_trunc('day', now()) - make_interval(days => $2) + interval '3 hours',
              "endsAt" = date_trunc('day', now()) - make_interval(days => $2) + interval '3 hours 50 minutes',
              "blockedFrom" = date_trunc('day', now()) - make_interval(days => $2) + interval '3 hours',
              "blockedUntil" = date_trunc('day', now()) - make_interval(days => $2) + interval '4 hours' WHERE id = $1`,
      [appointmentId, daysAgo],
    );
  });
}

test("staff charge the no-show fee to the saved card", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await signedInPage(browser, "customer");
  const hold = await bookAndPay(page, daysFromNow(18));
  await page.context().close();

  await moveIntoThePast(hold.id, 40);
  const staff = await signedInPage(browser, "frontDesk");
  await staff.goto(`/dashboard/appointments/${hold.id}`);
  await staff.getByRole("button", { name: "Mark no-show" }).click();
  await expect(staff.getByText("Marked as a no-show.")).toBeVisible();
  await staff.getByRole("button", { name: "Charge no-show fee" }).click();
  await expect(staff.getByText("No-show fee charged.")).toBeVisible();
  await expect(staff.getByRole("row", { name: /No-show fee £25\.00 Succeeded/ })).toBeVisible();
  await expect(staff.getByRole("button", { name: "Charge no-show fee" })).toHaveCount(0);
  await expectAccessible(staff, "dashboard appointment with payments");
  await staff.context().close();
});

test("a no-show fee the bank wants authenticated → the customer pays it through the emailed link", async ({ browser }) => {
  test.setTimeout(150_000);
  const page = await signedInPage(browser, "customer");
  const hold = await holdPedicure(page, daysFromNow(27));
  await payOnTestCheckout(page);
  // Saved after authenticating: like Stripe's 3D Secure test card, later charges ask for it again.
  await page.getByRole("button", { name: "Needs authentication" }).click();
  await page.getByRole("button", { name: "Complete authentication" }).click();
  await expect(page.getByText("Booked", { exact: true })).toBeVisible();
  await page.context().close();

  await moveIntoThePast(hold.id, 41);
  const staff = await signedInPage(browser, "frontDesk");
  await staff.goto(`/dashboard/appointments/${hold.id}`);
  await staff.getByRole("button", { name: "Mark no-show" }).click();
  await expect(staff.getByText("Marked as a no-show.")).toBeVisible();
  await staff.getByRole("button", { name: "Charge no-show fee" }).click();
  await expect(staff.getByText("The bank asks the customer to authenticate the fee: it waits for them.")).toBeVisible();
  await expect(staff.getByRole("row", { name: /No-show fee £25\.00 Waiting for the customer to authenticate/ })).toBeVisible();

  // The link arrives in the development mailbox; the customer may open it without signing in.
  const email = await waitForEmail(
    demoCustomer,
    (candidate) => candidate.kind === "payment.fee-link" && candidate.appointmentId === hold.id,
  );
  expect(email.subject).toBe("Please confirm the no-show fee of £25.00");
  const customer = await (await browser.newContext()).newPage();
  await customer.goto(linkIn(email));
  await expect(customer.getByRole("heading", { name: /^Confirm your payment to / })).toBeVisible();
  await expect(customer.getByText("No-show fee", { exact: true })).toBeVisible();
  await expectAccessible(customer, "fee payment page");
  await customer.getByRole("button", { name: "Pay £25.00" }).click();
  await expect(customer.getByRole("heading", { name: /^Pay £25\.00 to / })).toBeVisible();
  await customer.getByRole("button", { name: "Pay £25.00" }).click();
  await expect(customer.getByRole("heading", { name: "Thank you" })).toBeVisible();
  // The link is spent once the fee is paid.
  await customer.goto(linkIn(email));
  await expect(customer.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
  await customer.context().close();

  await staff.reload();
  await expect(staff.getByRole("row", { name: /No-show fee £25\.00 Succeeded/ })).toBeVisible();
  await staff.goto("/dashboard/payments");
  const row = staff
    .getByRole("row")
    .filter({ has: staff.locator(`a[href='/dashboard/appointments/${hold.id}']`) })
    .filter({ hasText: "No-show fee" });
  await expect(row).toContainText("£25.00");
  await expect(row).toContainText("Succeeded");
  await staff.context().close();
});

test("front desk waives a hold's deposit → booked without payment", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await signedInPage(browser, "customer");
  const hold = await holdPedicure(page, daysFromNow(21));
  await page.context().close();

  const staff = await signedInPage(browser, "frontDesk");
  await staff.goto(`/dashboard/appointments/${hold.id}`);
  await staff.getByRole("button", { name: "Waive deposit (book without payment)" }).click();
  await expect(staff.getByText("Booked without a deposit: the customer is sent the confirmation.")).toBeVisible();
  await expect(staff.getByText("Booked", { exact: true }).first()).toBeVisible();
  await expect(staff.getByRole("button", { name: "Waive deposit (book without payment)" })).toHaveCount(0);
  await staff.context().close();
});

const pounds = (cents: number) => new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" }).format(cents / 100);

test("the dashboard payments list shows each recorded payment and the totals", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await signedInPage(browser, "customer");
  const hold = await bookAndPay(page, daysFromNow(24));
  await page.context().close();

  const staff = await signedInPage(browser, "frontDesk");
  await staff.goto("/dashboard/payments");
  await expect(staff.getByRole("heading", { name: "Payments", level: 1 })).toBeVisible();
  const row = staff.getByRole("row").filter({ has: staff.locator(`a[href='/dashboard/appointments/${hold.id}']`) });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Deposit");
  await expect(row).toContainText("£10.00");
  await expect(row).toContainText("Succeeded");

  // Every spec run adds payments to the same database, so the expected totals come from what is stored.
  const sums = await withE2eDatabase(async (client) => {
    const result = await client.query<{ kind: string; cents: string }>(
      `SELECT kind, SUM("amountCents")::text AS cents FROM "Payment" WHERE status = 'SUCCEEDED' GROUP BY kind`,
    );
    return Object.fromEntries(result.rows.map((line) => [line.kind, Number(line.cents)]));
  });
  const deposits = sums.DEPOSIT ?? 0;
  const refunded = sums.REFUND ?? 0;
  const fees = Object.entries(sums).reduce((total, [kind, cents]) => (kind === "DEPOSIT" || kind === "REFUND" ? total : total + cents), 0);
  const totals = staff.getByRole("table", { name: "Totals (succeeded payments)" });
  await expect(totals.getByRole("row").nth(1)).toHaveText(
    new RegExp(
      `${pounds(deposits)}\\s*${pounds(refunded)}\\s*${pounds(fees)}\\s*${pounds(deposits + fees - refunded)}`.replace(/\./g, "\\."),
    ),
  );
  await expectAccessible(staff, "dashboard payments list");
  await staff.context().close();
});
