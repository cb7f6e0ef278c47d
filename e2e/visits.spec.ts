import { expect, test } from "@playwright/test";
import { signedInPage } from "./signed-in";
import { arrowToFreeDay, daysFromNow, expectAccessible, screenshot, tabTo } from "./support/customer";

/**
 * A visit of two seeded services, booked by the customer with "anyone": added and timed with the
 * keyboard, axe clean at each step, then one item in My appointments and two linked segments on the
 * front desk's calendar.
 */
test("a customer books cut + colour as one visit with anyone, and the salon sees it linked", async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await signedInPage(browser, "customer");
  await page.goto("/appointments");
  const upcomingItems = page.getByRole("region", { name: "Upcoming" }).getByRole("listitem");
  // Other specs book visits for this customer too: the new one is the item whose visit was not there before.
  const visitIdsOf = () => upcomingItems.evaluateAll((items) => items.map((item) => item.getAttribute("data-visit-id")));
  const visitsBefore = await visitIdsOf();
  await page.goto("/book");
  await expect(page.getByRole("heading", { name: "Choose a service" })).toBeVisible();

  await tabTo(page, /^Women's cut & finish/);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Choose a stylist" })).toBeFocused();
  await tabTo(page, /^Add another service$/);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Add another service" })).toBeFocused();
  await expectAccessible(page, "adding a service");
  await tabTo(page, /^Full head colour/);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Choose a stylist" })).toBeFocused();
  const services = page.getByRole("list", { name: /Your services/ });
  await expect(services.getByRole("listitem")).toHaveText([/Women's cut & finish/, /Full head colour/]);
  await expect(services.getByRole("link", { name: "Remove Full head colour" })).toBeVisible();
  await expectAccessible(page, "the stylist step of a visit");

  await tabTo(page, /^Anyone available/);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Choose a date and time" })).toBeFocused();
  await expect(page.getByTestId("slots-announcement")).not.toHaveText(/Loading/);
  await expectAccessible(page, "the time step of a visit");

  await tabTo(page, /free times|no free times/);
  await arrowToFreeDay(page, daysFromNow(3));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: /^Times on/ })).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Anything we should know?" })).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.type("Cut and colour in one go");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { name: "Review and confirm" })).toBeFocused();
  const date = new URL(page.url()).searchParams.get("date")!;
  const review = page.getByTestId("visit-segments");
  await expect(review.getByRole("listitem")).toHaveText([
    /1 of 2: Women's cut & finish.*\d{2}:\d{2} – \d{2}:\d{2} with \S+/,
    /2 of 2: Full head colour.*\d{2}:\d{2} – \d{2}:\d{2} with \S+/,
  ]);
  // £55 + £95: the visit's total, and its time from the first start to the last end.
  await expect(review).toContainText(/Total price\s*£150\.00/);
  await expect(review).toContainText(/Total time\s*3 h/);
  await expectAccessible(page, "the review of a visit");
  await tabTo(page, /^Confirm booking$/);
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { name: "You're booked!" })).toBeVisible();
  await expect(page.getByTestId("visit-segments").getByRole("listitem")).toHaveCount(2);
  await expect(page.getByText("Cut and colour in one go")).toBeVisible();
  await expectAccessible(page, "the confirmation of a visit");
  await screenshot(page, "visit-confirmed");

  await page.goto("/appointments");
  // One item more for the visit: no separate row for its second segment.
  await expect(upcomingItems).toHaveCount(visitsBefore.length + 1);
  const visitId = (await visitIdsOf()).find((id) => id && !visitsBefore.includes(id));
  expect(visitId).toBeTruthy();
  const upcoming = upcomingItems.and(page.locator(`[data-visit-id="${visitId}"]`));
  await expect(upcoming).toHaveCount(1);
  await expect(upcoming).toContainText("Women's cut & finish + Full head colour");
  await expectAccessible(page, "My appointments with a visit");

  // The visit's page lists both services; its change pages act on the whole visit.
  await upcoming.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: "Women's cut & finish + Full head colour" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Cancel visit" })).toBeVisible();
  await expectAccessible(page, "a visit's page");
  // Its calendar file holds one event per segment.
  const ics = await (await page.request.get((await page.getByRole("link", { name: "Download .ics" }).getAttribute("href"))!)).text();
  expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);

  const desk = await signedInPage(browser, "frontDesk");
  await desk.goto(`/dashboard?date=${date}&view=day`);
  const segments = desk.locator(`[data-visit-id="${visitId}"]`);
  await expect(segments).toHaveCount(2);
  await expect(segments.nth(0)).toContainText("1 of 2");
  await expect(segments.nth(1)).toContainText("2 of 2");
  await expect(segments.nth(0)).toContainText("Women's cut & finish");
  await expect(segments.nth(1)).toContainText("Full head colour");
  await desk.context().close();
  await page.context().close();
});
