import { expect, test } from "@playwright/test";
import { signedInPage } from "./signed-in";
import { daysFromNow, otherCustomer, expectAccessible, linkIn, pickDay, tabTo, waitForEmail } from "./support/customer";

/**
 * The waitlist on the built app: a customer joins the waitlist for a day, the front desk books and then
 * cancels an appointment on it, the offer email reaches the customer's mailbox, and its link books the
 * freed time. Every page the customer sees passes axe.
 */
test("a customer joins the waitlist, staff cancel, the customer books the offered time", async ({ browser }) => {
  test.setTimeout(180_000);
  const customer = await signedInPage(browser, "olivia");
  const staff = await signedInPage(browser, "frontDesk");

  // The customer looks for a Blow-dry with Amara on a day that still has times, and takes its first one
  // as the time someone else holds (the front desk books it below).
  await customer.goto("/book");
  await customer.getByRole("link", { name: /^Blow-dry/ }).click();
  await customer.getByRole("link", { name: /Amara Okafor/ }).click();
  const date = await pickDay(customer, daysFromNow(21));
  const times = customer.getByRole("group", { name: /Times on/ });
  const time = (await times.getByRole("button").first().textContent())!.trim();

  await staff.goto(`/dashboard?date=${date}`);
  await staff.getByRole("link", { name: new RegExp(`^New appointment at ${time}, .*, with Amara Okafor$`) }).click();
  await staff.getByLabel("Name", { exact: true }).fill("Phone Booking");
  await staff.getByLabel("Email", { exact: true }).fill(`phone.booking.${Date.now()}@example.test`);
  await staff.getByLabel("Service").selectOption({ label: "Blow-dry (45 min)" });
  await staff.getByRole("button", { name: "Book appointment" }).click();
  await expect(staff.getByRole("heading", { name: "Phone Booking — Blow-dry" })).toBeVisible();

  // None of the remaining times suits: the customer joins the waitlist for the morning of that day.
  await customer.reload();
  const waitlist = customer.getByRole("region", { name: "No time that suits?" });
  await waitlist.getByLabel("From").fill(date);
  await waitlist.getByLabel(/^To/).fill(date);
  await waitlist.getByLabel(/^Morning/).check();
  await expectAccessible(customer, "book: time step with the waitlist form");
  await waitlist.getByRole("button", { name: "Join the waitlist" }).click();
  await expect(waitlist.getByText("You are on the waitlist.")).toBeVisible();
  await customer.goto("/appointments");
  await expect(customer.getByRole("region", { name: "Waitlist" })).toContainText("Blow-dry with Amara Okafor");
  await expectAccessible(customer, "my appointments with a waitlist entry");

  await staff.getByLabel("Reason (sent to the customer)").fill("Customer phoned to cancel");
  await staff.getByRole("button", { name: "Cancel appointment" }).click();
  await expect(staff.getByText("✕ Cancelled", { exact: false }).first()).toBeVisible();

  const offer = await waitForEmail(otherCustomer, (email) => email.kind === "waitlist.offer");
  expect(offer.subject).toContain("Blow-dry");
  await customer.goto(linkIn(offer));
  await expect(customer.getByRole("heading", { name: "A time you were waiting for is free" })).toBeVisible();
  await expect(customer.getByText("Amara Okafor")).toBeVisible();
  await expectAccessible(customer, "waitlist offer");
  await customer.getByRole("button", { name: "Book it" }).click();
  await expect(customer.getByRole("heading", { name: "You're booked!" })).toBeVisible();
  await expect(customer.getByText(new RegExp(`^${time} –`))).toBeVisible();

  // The link is spent: opening it again says so.
  await customer.goto(linkIn(offer));
  await expect(customer.getByRole("heading", { name: "This offer is closed" })).toBeVisible();
});

/**
 * A visit of two services on the waitlist: the customer finds the visit's time taken, joins the waitlist
 * for it with the keyboard, the front desk's cancellation frees the time, and the offer books the visit.
 */
test("a customer waiting for a two-service visit books it whole from the offer", async ({ browser }) => {
  test.setTimeout(180_000);
  const customer = await signedInPage(browser, "olivia");
  const staff = await signedInPage(browser, "frontDesk");

  await customer.goto("/book");
  await customer.getByRole("link", { name: /^Women's cut & finish/ }).click();
  await customer.getByRole("link", { name: /^Add another service$/ }).click();
  await customer.getByRole("link", { name: /^Blow-dry/ }).click();
  await customer.getByRole("link", { name: /Amara Okafor/ }).click();
  const date = await pickDay(customer, daysFromNow(26));
  const times = customer.getByRole("group", { name: /Times on/ });
  const time = (await times.getByRole("button").first().textContent())!.trim().slice(0, 5);

  // The front desk takes the visit's first time for someone who phoned.
  await staff.goto(`/dashboard?date=${date}`);
  await staff.getByRole("link", { name: new RegExp(`^New appointment at ${time}, .*, with Amara Okafor$`) }).click();
  await staff.getByLabel("Name", { exact: true }).fill("Phone Visit");
  await staff.getByLabel("Email", { exact: true }).fill(`phone.visit.${Date.now()}@example.test`);
  await staff.getByLabel("Service").selectOption({ label: "Blow-dry (45 min)" });
  await staff.getByRole("button", { name: "Book appointment" }).click();
  await expect(staff.getByRole("heading", { name: "Phone Visit — Blow-dry" })).toBeVisible();

  // The rest of the day does not suit: the visit joins the waitlist for that morning, by keyboard.
  await customer.reload();
  const waitlist = customer.getByRole("region", { name: "No time that suits?" });
  await expect(waitlist).toContainText("all your services fit one after the other");
  await expect(waitlist.getByLabel("From")).toHaveValue(date);
  await expectAccessible(customer, "book: a visit's time step with the waitlist form");
  await tabTo(customer, /^Morning/);
  await customer.keyboard.press("Space");
  await expect(waitlist.getByLabel(/^Morning/)).toBeChecked();
  await tabTo(customer, /^Join the waitlist$/);
  await customer.keyboard.press("Enter");
  await expect(waitlist.getByText("You are on the waitlist.")).toBeVisible();
  await customer.goto("/appointments");
  await expect(customer.getByRole("region", { name: "Waitlist" })).toContainText(/Women's cut & finish, then Blow-dry with Amara Okafor/);
  await expectAccessible(customer, "my appointments with a visit on the waitlist");

  await staff.getByLabel("Reason (sent to the customer)").fill("Customer phoned to cancel");
  await staff.getByRole("button", { name: "Cancel appointment" }).click();
  await expect(staff.getByText("✕ Cancelled", { exact: false }).first()).toBeVisible();

  const offer = await waitForEmail(otherCustomer, (email) => email.kind === "waitlist.offer" && email.subject.includes(", then "));
  expect(offer.subject).toContain("Women's cut & finish, then Blow-dry");
  expect(offer.text).toMatch(/1 of 2: Women's cut & finish with Amara Okafor/);
  expect(offer.text).toMatch(/2 of 2: Blow-dry with Amara Okafor/);
  await customer.goto(linkIn(offer));
  const services = customer.getByRole("list", { name: "The visit's services, in order" });
  await expect(services.getByRole("listitem")).toHaveText([/^1 of 2: Women's cut & finish/, /^2 of 2: Blow-dry/]);
  await expectAccessible(customer, "waitlist offer of a visit");
  await tabTo(customer, /^Book it$/);
  await customer.keyboard.press("Enter");
  await expect(customer.getByRole("heading", { name: "You're booked!" })).toBeVisible();
  await expect(customer.getByTestId("visit-segments").getByRole("listitem")).toHaveCount(2);
});
