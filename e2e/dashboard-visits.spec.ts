import { expect, test } from "@playwright/test";
import { expectNoViolations } from "./dashboard-helpers";
import { signedInPage } from "./signed-in";

/**
 * The front desk books a caller's blow-dry + gel manicure as one visit, finds it linked on the calendar,
 * hands the blow-dry to another stylist, then cancels the whole visit. The day is a Wednesday five to
 * seven weeks ahead (inside the demo salon's 60-day horizon, past the seed's bookings), varied per run.
 */

const run = Date.now().toString(36);

function wednesdayAhead(): string {
  const date = new Date(Date.now() + (35 + (Math.floor(Date.now() / 60_000) % 14)) * 86_400_000);
  while (date.getUTCDay() !== 3) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

test("the front desk books a two-service visit, reassigns one segment and cancels the visit", async ({ browser }) => {
  test.slow(); // several server round trips, each a full page
  const date = wednesdayAhead();
  const customer = `Visit Caller ${run}`;
  const page = await signedInPage(browser, "frontDesk");

  await page.goto("/dashboard/appointments/new");
  await page.getByRole("link", { name: "Book several services as one visit" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New visit" })).toBeVisible();
  await page.getByLabel("Service 1", { exact: true }).selectOption({ label: "Blow-dry (45 min)" });
  await page.getByLabel("Stylist for service 1", { exact: true }).selectOption({ label: "Amara Okafor" });
  const blowDry = await page.getByLabel("Service 1", { exact: true }).inputValue();
  await page.getByRole("button", { name: "Add another service" }).click();
  // Adding a row is a round trip that keeps the rows already chosen.
  await expect(page.getByLabel("Service 2", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Service 1", { exact: true })).toHaveValue(blowDry);
  await page.getByLabel("Service 2", { exact: true }).selectOption({ label: "Gel manicure (45 min)" });
  await page.getByLabel("Day", { exact: true }).fill(date);
  await page.getByRole("button", { name: "Show free starts" }).click();

  const booking = page.getByRole("region", { name: `Book the visit on ${date}` });
  await expect(booking).toBeVisible();
  await expectNoViolations(page, "the new visit form with free starts");
  // 10:00, when every stylist who could take the blow-dry is at work, so the hand-over below can succeed.
  const start = booking.getByRole("radio", { name: /^10:00–\d{2}:\d{2} · Blow-dry with Amara Okafor, Gel manicure with Chloé Martin$/ });
  await start.check();
  await booking.getByLabel("Name", { exact: true }).fill(customer);
  await booking.getByLabel("Email", { exact: true }).fill(`visit.caller.${run}@example.test`);
  await booking.getByRole("button", { name: "Book visit" }).click();

  await expect(page.getByRole("heading", { level: 1, name: `Visit — ${customer}` })).toBeVisible();
  await expect(page.getByText("Visit booked.")).toBeVisible();
  const visitId = /\/dashboard\/visits\/([^/?]+)/.exec(page.url())?.[1];
  expect(visitId).toBeTruthy();
  const rows = page.getByRole("region", { name: "Segments" }).locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(/Blow-dry\s*Amara Okafor\s*10:00–10:45\s*Booked/);
  await expect(rows.nth(1)).toContainText(/Gel manicure\s*Chloé Martin\s*\d{2}:\d{2}–\d{2}:\d{2}\s*Booked/);
  await expectNoViolations(page, "a visit's dashboard page");

  // The calendar draws both segments linked, and either opens the visit.
  await page.goto(`/dashboard?date=${date}&view=day`);
  const segments = page.locator(`[data-visit-id="${visitId}"]`);
  await expect(segments).toHaveCount(2);
  await expect(segments.nth(0)).toContainText("1 of 2");
  await expect(segments.nth(1)).toContainText("2 of 2");
  await segments.nth(1).click();
  await expect(page.getByRole("heading", { level: 1, name: `Visit — ${customer}` })).toBeVisible();

  const handOver = page.getByRole("form", { name: "Hand segment 1 (Blow-dry) to another stylist" });
  await handOver.getByLabel("Stylist", { exact: true }).selectOption({ label: "Ben Carter" });
  await handOver.getByRole("button", { name: "Reassign segment 1" }).click();
  await expect(page.getByText("Segment handed to another stylist.")).toBeVisible();
  await expect(rows.nth(0)).toContainText(/Blow-dry\s*Ben Carter\s*10:00–10:45\s*Booked/);
  await expect(rows.nth(1)).toContainText(/Gel manicure\s*Chloé Martin\s*\d{2}:\d{2}–\d{2}:\d{2}\s*Booked/);

  const cancel = page.getByRole("form", { name: "Cancel the whole visit" });
  await cancel.getByLabel("Reason (sent to the customer)").fill("Customer phoned to cancel");
  await cancel.getByRole("button", { name: "Cancel visit" }).click();
  await expect(page.getByText("Visit cancelled.")).toBeVisible();
  await expect(rows.nth(0)).toContainText("Cancelled");
  await expect(rows.nth(1)).toContainText("Cancelled");
  await expect(page.getByRole("region", { name: "Change the whole visit" })).toHaveCount(0);
  await expectNoViolations(page, "a cancelled visit's dashboard page");
  await page.context().close();
});
