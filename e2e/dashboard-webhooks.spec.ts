import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { daysFromNow, expectAccessible, pickDay } from "./support/customer";
import { signedInPage, storageStateOf } from "./signed-in";

/**
 * An admin subscribes a local receiver on the dashboard; a customer books in the browser; the receiver
 * gets one signed event, the endpoint's log shows it, and a replay sends it again with the same id.
 */

type Received = { headers: IncomingHttpHeaders; body: string };
const received: Received[] = [];
const receiver = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
    response.writeHead(200).end("thanks");
  });
});

test.beforeAll(() => new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve)));
test.afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

test.describe(() => {
  test.use({ storageState: storageStateOf("admin") });

  test("a hook added on the dashboard receives a customer's booking, shown in the log and replayed", async ({ page, browser }) => {
    test.slow();
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook-${Date.now().toString(36)}`;
    await page.goto("/dashboard/webhooks");
    await page.getByLabel("Endpoint URL").fill(url);
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByLabel("Signing secret (shown once)")).toHaveValue(/^whsec_/);
    await expectAccessible(page, "webhooks page");

    const customer = await signedInPage(browser, "customer");
    await customer.goto("/book");
    await customer.getByRole("link", { name: /^Gel manicure/ }).click();
    await customer.getByRole("link", { name: /Chloé Martin/ }).click();
    await pickDay(customer, daysFromNow(10));
    await customer
      .getByRole("group", { name: /Times on/ })
      .getByRole("button")
      .first()
      .click();
    await customer.getByRole("button", { name: "Continue to review" }).click();
    await customer.getByRole("button", { name: "Confirm booking" }).click();
    await expect(customer.getByRole("heading", { name: "You're booked!" })).toBeVisible();
    await customer.context().close();

    await expect.poll(() => received.length).toBe(1);
    const first = received[0]!;
    expect(JSON.parse(first.body)).toMatchObject({ type: "appointment.created", data: { status: "BOOKED" } });
    expect(String(first.headers["webhook-signature"])).toMatch(/^v1,/);

    await page.getByRole("link", { name: url }).click();
    const log = page.getByRole("region", { name: "Delivery log" });
    await expect(log.getByRole("cell", { name: "appointment.created", exact: true })).toBeVisible();
    await expect(log.getByRole("cell", { name: "SUCCEEDED", exact: true })).toBeVisible();
    await expectAccessible(page, "webhook endpoint page");
    await log
      .getByRole("button", { name: /^Replay/ })
      .first()
      .click();
    await expect.poll(() => received.length).toBe(2);
    expect(received[1]!.headers["webhook-id"]).toBe(first.headers["webhook-id"]);
  });
});
