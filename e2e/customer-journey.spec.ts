import { expect, test } from "@playwright/test";
import { daysFromNow, expectAccessible, linkIn, pickDay, screenshot, uniqueEmail, waitForEmail } from "./support/customer";

/**
 * The whole customer story on the built app: register, confirm the email from the mailbox, book, get the
 * confirmation with its .ics, reschedule, cancel — asserting what the customer sees at each step.
 */
test("register → verify → book → confirmation email with .ics → reschedule → cancel", async ({ page }) => {
  test.setTimeout(180_000);
  const email = uniqueEmail("journey");

  // A guest browses first: the choice survives registering (callbackUrl).
  await page.goto("/book");
  await expectAccessible(page, "book: service step");
  await screenshot(page, "01-service");
  await page.getByRole("link", { name: /^Gel manicure/ }).click();
  await expect(page.getByRole("heading", { name: "Choose a stylist" })).toBeFocused();
  await expectAccessible(page, "book: stylist step");
  await screenshot(page, "02-stylist");
  await page.getByRole("link", { name: /Chloé Martin/ }).click();
  await expect(page.getByRole("heading", { name: "Choose a date and time" })).toBeVisible();
  const date = await pickDay(page, daysFromNow(3));
  await expect(page.getByRole("heading", { name: /^Times on/ })).toBeFocused();
  await expect(page.getByTestId("slots-announcement")).toHaveText(/free times on/);
  await expectAccessible(page, "book: time step");
  await screenshot(page, "03-time");
  const times = page.getByRole("group", { name: /Times on/ });
  await expect(times.getByRole("heading", { name: "Morning" })).toBeVisible();
  const firstTime = times.getByRole("button").first();
  const timeLabel = (await firstTime.textContent())!.trim();
  await firstTime.click();
  await expect(page.getByRole("heading", { name: "Anything we should know?" })).toBeVisible();
  await expectAccessible(page, "book: details step");
  await page.getByLabel(/Note for your stylist/).fill("Almond shape, please");
  await page.getByRole("button", { name: "Continue to review" }).click();
  await expect(page.getByRole("heading", { name: "Review and confirm" })).toBeVisible();
  await expect(page.getByRole("complementary", { name: "Your selection" })).toContainText("Almond shape, please");
  await expectAccessible(page, "book: review (guest)");
  await screenshot(page, "04-review-guest");

  await page.getByRole("link", { name: "Create an account" }).first().click();
  await expect(page.getByRole("heading", { name: "Create an account" })).toBeVisible();
  await expectAccessible(page, "register");
  await page.getByLabel("Name").fill("Journey Tester");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  // The same answer whether or not the address has an account: nobody is signed in yet.
  await expect(page.getByText(`We sent a link to ${email}. Open it to confirm your address and sign in.`)).toBeVisible();

  const verification = await waitForEmail(email, (message) => message.kind === "auth.verify-email");
  expect(verification.subject).toBe("Confirm your email address");
  await page.goto(linkIn(verification));
  await expectAccessible(page, "verify email");
  // A password chosen before the address was confirmed is kept only by whoever proves they know it.
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Confirm my email" }).click();

  // Signed in and back on the review with the same selection.
  await expect(page.getByRole("heading", { name: "Review and confirm" })).toBeVisible();
  const reviewUrl = page.url();
  expect(reviewUrl).toContain(`date=${date}`);
  await screenshot(page, "05-verified");

  await expectAccessible(page, "book: review (signed in)");
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(page.getByRole("heading", { name: "You're booked!" })).toBeVisible();
  await expect(page.getByText("Gel manicure")).toBeVisible();
  await expect(page.getByText("Chloé Martin")).toBeVisible();
  await expect(page.getByText(new RegExp(`^${timeLabel} –`))).toBeVisible();
  await expect(page.getByRole("link", { name: "Download .ics file" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Google Calendar/ })).toHaveAttribute("href", /calendar\.google\.com.*action=TEMPLATE/);
  await expectAccessible(page, "booking confirmed");
  await screenshot(page, "06-confirmed");
  const appointmentId = page.url().split("/").pop()!;

  const ics = await page.request.get(`/appointments/${appointmentId}/calendar.ics`);
  expect(ics.headers()["content-type"]).toContain("text/calendar");
  expect(await ics.text()).toContain("SUMMARY:Gel manicure at Pamper Book Studio");

  const confirmation = await waitForEmail(email, (message) => message.appointmentId === appointmentId && message.kind === "confirmation");
  const attachment = confirmation.attachments.find((file) => file.filename.endsWith(".ics"));
  expect(attachment, "the confirmation carries an .ics").toBeTruthy();
  expect(Buffer.from(attachment!.content, "base64").toString("utf8")).toContain("BEGIN:VCALENDAR");

  await page.getByRole("link", { name: "Manage this appointment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Gel manicure" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Emails sent to you" })).toContainText(confirmation.subject);
  await expect(page.getByRole("region", { name: "History" })).toContainText("Booked by you");
  await expectAccessible(page, "appointment detail");
  await screenshot(page, "07-detail");

  await page.getByRole("link", { name: "Reschedule" }).click();
  await expect(page.getByRole("heading", { name: "Choose a new date and time" })).toBeVisible();
  await expect(page.locator(`button[data-date='${date}']`)).toHaveAttribute("aria-pressed", "true");
  await expectAccessible(page, "reschedule picker");
  await screenshot(page, "08-reschedule");
  const newDate = await pickDay(page, daysFromNow(5));
  await page
    .getByRole("group", { name: /Times on/ })
    .getByRole("button")
    .last()
    .click();
  await expect(page.getByRole("heading", { name: "Confirm the new time" })).toBeVisible();
  await expectAccessible(page, "reschedule confirm");
  await page.getByRole("button", { name: "Confirm new time" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Appointment rescheduled." })).toBeVisible();
  await expect(page.getByRole("region", { name: "History" })).toContainText("Rescheduled by you");
  expect(newDate >= daysFromNow(5)).toBe(true);
  await waitForEmail(email, (message) => message.appointmentId === appointmentId && message.kind === "reschedule");

  // The note changes in place, without moving the appointment.
  await page.getByLabel("Note for your stylist").fill("Short nails, please");
  await page.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Note saved." })).toBeVisible();
  await expect(page.getByLabel("Note for your stylist")).toHaveValue("Short nails, please");
  await expect(page.getByRole("region", { name: "History" })).toContainText("Note changed by you");

  await page.getByRole("link", { name: "Cancel appointment" }).click();
  await expectAccessible(page, "cancel");
  await page.getByLabel("Reason (optional)").fill("Plans changed");
  await screenshot(page, "09-cancel");
  await page.getByRole("button", { name: "Cancel appointment" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Appointment cancelled." })).toBeVisible();
  await expect(page.getByText("Cancelled", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "History" })).toContainText("Cancelled by you — “Plans changed”");
  await expect(page.getByRole("link", { name: "Reschedule" })).toHaveCount(0);
  await expectAccessible(page, "cancelled appointment");
  await screenshot(page, "10-cancelled");

  // A cancelled appointment cannot be rescheduled, even by URL.
  await page.goto(`/appointments/${appointmentId}/reschedule`);
  await expect(page.getByTestId("change-blocked")).toContainText("This appointment is cancelled, so it cannot be rescheduled.");
  await expect(page.getByRole("grid")).toHaveCount(0);
});
