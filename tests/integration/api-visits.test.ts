import { beforeAll, describe, expect, it } from "vitest";
import * as availability from "@/app/api/v1/availability/route";
import * as visitItem from "@/app/api/v1/visits/[id]/route";
import * as visits from "@/app/api/v1/visits/route";
import { db } from "@/lib/db";
import { call } from "@/tests/support/api-client";
import { at, createKey, createSalon, createService, createStylist, createUser } from "@/tests/support/api-fixtures";

/** Visits over the API: availability for a sequence, booking (idempotent), reading, moving, cancelling. */

type Auth = Record<string, string>;
let cut: string, colour: string, deposit: string, stylist: string, customer: string;
let customerKey: Auth, staffKey: Auth;

beforeAll(async () => {
  await createSalon();
  cut = (await createService()).id;
  colour = (await createService({ durationMinutes: 90 })).id;
  deposit = (await createService({ durationMinutes: 30 })).id;
  await db.service.update({ where: { id: deposit }, data: { depositCents: 1200 } });
  stylist = (await createStylist([cut, colour, deposit])).id;
  customer = (await createUser("CUSTOMER")).id;
  customerKey = (await createKey(customer)).auth;
  staffKey = (await createKey((await createUser("FRONT_DESK")).id)).auth;
});

const items = () => [{ serviceId: cut }, { serviceId: colour }];

describe("GET /availability with serviceId repeated", () => {
  it("returns slots for the whole sequence, each listing its segments", async () => {
    const response = await call(
      availability.GET,
      "GET",
      `/availability?serviceId=${cut}&serviceId=${colour}&from=${at(20, 0)}&to=${at(21, 0)}`,
      {
        headers: customerKey,
      },
    );
    expect(response.status).toBe(200);
    const [first] = response.body.slots;
    expect(first.startsAt).toBe(at(20, 8));
    expect(first.endsAt).toBe(at(20, 10, 30));
    expect(first.segments).toEqual([
      { serviceId: cut, staffId: stylist, startsAt: at(20, 8), endsAt: at(20, 9) },
      { serviceId: colour, staffId: stylist, startsAt: at(20, 9), endsAt: at(20, 10, 30) },
    ]);
    // The last start still ends by 20:00.
    expect(response.body.slots.at(-1).startsAt).toBe(at(20, 17, 30));
  });
});

describe("POST /visits", () => {
  it("books every segment, answers 201 with the visit, and replays the same answer for the same Idempotency-Key", async () => {
    const body = { startsAt: at(22, 9), items: items(), note: "Ash blonde" };
    const headers = { ...customerKey, "idempotency-key": "visit-once" };
    const response = await call(visits.POST, "POST", "/visits", { headers, body });
    expect(response.status).toBe(201);
    expect(response.headers.get("location")).toBe(`/api/v1/visits/${response.body.id}`);
    expect(response.headers.get("etag")).toBe('"2"');
    expect(response.body).toMatchObject({ status: "BOOKED", priceCents: 10_000, note: "Ash blonde", customerId: customer });
    expect(response.body.segments.map((segment: { visitId: string }) => segment.visitId)).toEqual([response.body.id, response.body.id]);
    const replay = await call(visits.POST, "POST", "/visits", { headers, body });
    expect(replay.status).toBe(201);
    expect(replay.body.id).toBe(response.body.id);
    expect(await db.appointment.count({ where: { visitId: response.body.id } })).toBe(2);
  });

  it("answers 409 SLOT_UNAVAILABLE when any segment's time is taken", async () => {
    await call(visits.POST, "POST", "/visits", { headers: customerKey, body: { startsAt: at(23, 10), items: [{ serviceId: cut }] } });
    const response = await call(visits.POST, "POST", "/visits", {
      headers: staffKey,
      body: { startsAt: at(23, 8, 30), items: items(), customerId: customer },
    });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe("SLOT_UNAVAILABLE");
  });
});

describe("GET, PATCH and DELETE /visits/{id}", () => {
  it("reads the visit, moves it whole with If-Match, refuses a stale ETag, and cancels it", async () => {
    const booked = await call(visits.POST, "POST", "/visits", { headers: customerKey, body: { startsAt: at(24, 9), items: items() } });
    const id = booked.body.id as string;
    const read = await call(visitItem.GET, "GET", `/visits/${id}`, { headers: customerKey, params: { id } });
    expect(read.status).toBe(200);
    expect(read.headers.get("etag")).toBe('"2"');
    const moved = await call(visitItem.PATCH, "PATCH", `/visits/${id}`, {
      headers: { ...customerKey, "if-match": '"2"' },
      params: { id },
      body: { startsAt: at(24, 13) },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.segments.map((segment: { startsAt: string }) => segment.startsAt)).toEqual([at(24, 13), at(24, 14)]);
    const stale = await call(visitItem.DELETE, "DELETE", `/visits/${id}`, {
      headers: { ...customerKey, "if-match": '"2"' },
      params: { id },
    });
    expect(stale.status).toBe(412);
    const cancelled = await call(visitItem.DELETE, "DELETE", `/visits/${id}`, {
      headers: { ...customerKey, "if-match": moved.headers.get("etag")! },
      params: { id },
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe("CANCELLED");
    const missing = await call(visitItem.PATCH, "PATCH", `/visits/${id}`, {
      params: { id },
      headers: customerKey,
      body: { startsAt: at(25, 9) },
    });
    expect(missing.status).toBe(428);
  });
});

describe("GET /availability with staffId per segment", () => {
  let barber: string;
  beforeAll(async () => {
    // Cuts only: the colour must stay with the stylist who does both.
    barber = (await createStylist([cut])).id;
  });

  const query = (staff: string[]) =>
    `/availability?serviceId=${cut}&serviceId=${colour}${staff.map((id) => `&staffId=${id}`).join("")}&from=${at(26, 0)}&to=${at(27, 0)}`;

  it("gives each segment the stylist named at its position, `any` leaving one to anyone", async () => {
    const response = await call(availability.GET, "GET", query([barber, "any"]), { headers: customerKey });
    expect(response.status).toBe(200);
    const [first] = response.body.slots;
    expect(first.segments).toEqual([
      { serviceId: cut, staffId: barber, startsAt: at(26, 8), endsAt: at(26, 9) },
      { serviceId: colour, staffId: stylist, startsAt: at(26, 9), endsAt: at(26, 10, 30) },
    ]);
    expect(first.staffId).toBe(barber);
    const named = await call(availability.GET, "GET", query([stylist, stylist]), { headers: customerKey });
    expect(named.body.slots[0].segments.map((segment: { staffId: string }) => segment.staffId)).toEqual([stylist, stylist]);
  });

  it("refuses a staffId list that does not line up with the services", async () => {
    const response = await call(availability.GET, "GET", query([barber, "any", stylist]), { headers: customerKey });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe("VALIDATION");
    expect(response.body.errors).toEqual([{ path: "staffId", message: "Expected 1 or 2 values, got 3." }]);
  });

  it("reads `any` for a single service as anyone", async () => {
    const response = await call(
      availability.GET,
      "GET",
      `/availability?serviceId=${colour}&staffId=any&from=${at(26, 0)}&to=${at(27, 0)}`,
      { headers: customerKey },
    );
    expect(response.status).toBe(200);
    expect(response.body.slots[0]).toMatchObject({ startsAt: at(26, 8), staffId: stylist });
  });
});

describe("POST /visits of a service that asks for a deposit", () => {
  it("answers 201 PENDING_PAYMENT with every segment held and one paymentUrl for the visit", async () => {
    const response = await call(visits.POST, "POST", "/visits", {
      headers: customerKey,
      body: { startsAt: at(40, 9), items: [{ serviceId: cut }, { serviceId: deposit }] },
    });
    expect(response.status).toBe(201);
    const body = response.body as { status: string; paymentUrl: string; segments: { id: string; status: string }[] };
    expect(body.status).toBe("PENDING_PAYMENT");
    expect(body.segments.map((segment) => segment.status)).toEqual(["PENDING_PAYMENT", "PENDING_PAYMENT"]);
    expect(body.paymentUrl).toMatch(new RegExp(`/appointments/${body.segments[0]!.id}/pay$`));
  });

  it("lets a staff key book it with payment: waived (BOOKED, no paymentUrl); a customer key cannot waive", async () => {
    const items = [{ serviceId: deposit }, { serviceId: cut }];
    const waived = await call(visits.POST, "POST", "/visits", {
      headers: staffKey,
      body: { startsAt: at(41, 9), items, customerId: customer, payment: "waived" },
    });
    expect(waived.status).toBe(201);
    expect(waived.body).toMatchObject({ status: "BOOKED" });
    expect(waived.body).not.toHaveProperty("paymentUrl");
    const refused = await call(visits.POST, "POST", "/visits", {
      headers: customerKey,
      body: { startsAt: at(42, 9), items, payment: "waived" },
    });
    expect(refused.status).toBe(403);
  });
});
