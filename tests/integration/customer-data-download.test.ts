import { beforeAll, describe, expect, it, vi } from "vitest";
import * as download from "@/app/appointments/my-data.json/route";
import { createSalon, createService, createStylist, createUser, day, insertAppointment } from "../support/api-fixtures";
import { session, signedInAs } from "../support/session-mock";

vi.mock("@/lib/auth/session", async () => (await import("../support/session-mock")).sessionMock);

/** GET /appointments/my-data.json: the signed-in customer's own data, nobody else's. */

let customerId: string;
let otherId: string;
let stylistId: string;

beforeAll(async () => {
  await createSalon();
  const serviceId = (await createService()).id;
  stylistId = (await createStylist([serviceId], "Sam Stylist")).id;
  customerId = (await createUser("CUSTOMER", "Mina Patel")).id;
  otherId = (await createUser("CUSTOMER", "Other Person")).id;
  await insertAppointment({ customerId, staffId: stylistId, serviceId, startsAt: new Date(day(-3).getTime() + 10 * 3_600_000) });
  await insertAppointment({ customerId: otherId, staffId: stylistId, serviceId, startsAt: new Date(day(-2).getTime() + 10 * 3_600_000) });
});

const get = () => download.GET(new Request("http://localhost/appointments/my-data.json"));

describe("the customer's data download", () => {
  it("is a JSON attachment with the customer's own account and visits only", async () => {
    session.user = signedInAs(customerId, "CUSTOMER");
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("attachment");
    const data = await response.json();
    expect(data.account.name).toBe("Mina Patel");
    expect(data.appointments).toHaveLength(1);
    expect(data.appointments[0]).toMatchObject({ stylist: "Sam Stylist", status: "BOOKED" });
    expect(JSON.stringify(data)).not.toContain("Other Person");
  });

  it("answers 404 to guests and staff", async () => {
    session.user = null;
    expect((await get()).status).toBe(404);
    session.user = signedInAs(stylistId, "STYLIST");
    expect((await get()).status).toBe(404);
  });
});
