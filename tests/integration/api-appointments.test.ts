import { beforeAll, describe, expect, it, vi } from "vitest";
import * as appointmentItem from "@/app/api/v1/appointments/[id]/route";
import * as appointments from "@/app/api/v1/appointments/route";
import * as availability from "@/app/api/v1/availability/route";
import { db } from "@/lib/db";
import { call } from "@/tests/support/api-client";
import { at, createKey, createSalon, createService, createStylist, createUser, day, insertAppointment } from "@/tests/support/api-fixtures";

// The real publisher, watched: the wiring is asserted here; the publisher itself is tested by notifications.
vi.mock("@/lib/notifications/publish-after-response", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/notifications/publish-after-response")>();
  return { publishOutboxAfterResponse: vi.fn(actual.publishOutboxAfterResponse) };
});

/** Appointments over the API: booking, reading, rescheduling, status changes and cancelling. */

type Auth = Record<string, string>;
let serviceId: string, stylistId: string, otherStylistId: string;
let customerA: string, customerB: string;
let keyA: Auth, keyB: Auth, staffKey: Auth, readOnlyA: Auth;

beforeAll(async () => {
  await createSalon();
  serviceId = (await createService()).id;
  stylistId = (await createStylist([serviceId])).id;
  otherStylistId = (await createStylist([serviceId])).id;
  customerA = (await createUser("CUSTOMER")).id;
  customerB = (await createUser("CUSTOMER")).id;
  keyA = (await createKey(customerA)).auth;
  keyB = (await createKey(customerB)).auth;
  readOnlyA = (await createKey(customerA, ["appointments:read"])).auth;
  staffKey = (await createKey((await createUser("FRONT_DESK")).id)).auth;
});

let slotDay = 10;
/** A fresh day per booking, so tests never collide on a slot. */
const freshSlot = () => at(slotDay++, 10);

async function book(headers: Auth, body: Record<string, unknown> = {}) {
  return call(appointments.POST, "POST", "/appointments", {
    headers,
    body: { serviceId, staffId: stylistId, startsAt: freshSlot(), ...body },
  });
}

/** PATCH or DELETE of appointment `id`, claiming the `version` a client read (its If-Match). */
function changeAt(method: "PATCH" | "DELETE", headers: Auth, id: string, version: number, body?: Record<string, unknown>) {
  return call(appointmentItem[method], method, `/appointments/${id}`, {
    headers: { ...headers, "if-match": `"${version}"` },
    params: { id },
    body,
  });
}

describe("POST /appointments", () => {
  it("books for the key's customer and returns 201 with Location and ETag", async () => {
    const response = await book(keyA, { note: "Window seat please" });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      status: "BOOKED",
      customerId: customerA,
      serviceId,
      staffId: stylistId,
      note: "Window seat please",
      priceCents: 5000,
      currency: "GBP",
      source: "API",
      version: 1,
      service: { id: serviceId },
      staff: { id: stylistId },
    });
    expect(response.headers.get("location")).toBe(`/api/v1/appointments/${response.body.id}`);
    expect(response.headers.get("etag")).toBe('"1"');
    expect(response.headers.get("ratelimit")).toMatch(/r=\d+/);
  });

  it("hands the booking to notifications: an outbox event, published after the response", async () => {
    const { publishOutboxAfterResponse } = await import("@/lib/notifications/publish-after-response");
    vi.mocked(publishOutboxAfterResponse).mockClear();
    const response = await book(keyA);
    expect(await db.outboxEvent.count({ where: { appointmentId: response.body.id } })).toBe(1);
    expect(publishOutboxAfterResponse).toHaveBeenCalledTimes(1);
    await expect
      .poll(async () => (await db.outboxEvent.findFirst({ where: { appointmentId: response.body.id } }))?.publishedAt, { timeout: 10_000 })
      .toBeInstanceOf(Date);
  });

  it("assigns any stylist when staffId is omitted", async () => {
    const response = await book(keyA, { staffId: undefined });
    expect(response.status).toBe(201);
    expect([stylistId, otherStylistId]).toContain(response.body.staffId);
  });

  it("answers 409 SLOT_UNAVAILABLE for a taken slot", async () => {
    const startsAt = freshSlot();
    expect((await book(keyA, { startsAt })).status).toBe(201);
    const taken = await book(keyB, { startsAt });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe("SLOT_UNAVAILABLE");
    expect(taken.contentType).toBe("application/problem+json");
    // Another customer learns nothing about whose booking it is.
    expect(taken.body.detail).not.toContain("appointment ");
  });

  it("tells a retry without an Idempotency-Key that it hit its own earlier booking, naming it", async () => {
    const startsAt = freshSlot();
    const first = await book(keyA, { startsAt });
    expect(first.status).toBe(201);
    const retry = await book(keyA, { startsAt });
    expect(retry.status).toBe(409);
    expect(retry.body.code).toBe("SLOT_UNAVAILABLE");
    expect(retry.body.detail).toContain(`appointment ${first.body.id}`);
    expect(retry.body.detail).toContain("Idempotency-Key");
  });

  it("lets staff keys book for a customer by id, or by name and email", async () => {
    const byId = await book(staffKey, { customerId: customerB });
    expect(byId.status).toBe(201);
    expect(byId.body.customerId).toBe(customerB);
    const byEmail = await book(staffKey, { customer: { name: "Walk In", email: "walk.in@example.test" } });
    expect(byEmail.status).toBe(201);
    expect(byEmail.body.customer).toMatchObject({ name: "Walk In", email: "walk.in@example.test" });
    const neither = await book(staffKey);
    expect(neither.status).toBe(422);
  });

  it.each([
    ["status", { status: "COMPLETED" }],
    ["priceCents", { priceCents: 1 }],
    ["source", { source: "WEB" }],
    ["version", { version: 9 }],
  ])("rejects mass assignment of %s with 422 naming the field", async (field, extra) => {
    const before = await db.appointment.count();
    const response = await book(keyA, extra);
    expect(response.status).toBe(422);
    expect(response.body.errors).toContainEqual({ path: field, message: "Unknown field" });
    expect(response.body.detail).toContain(field);
    expect(await db.appointment.count()).toBe(before);
  });

  it("rejects another customerId (or a customer object) from a customer key with 422", async () => {
    const other = await book(keyA, { customerId: customerB });
    expect(other.status).toBe(422);
    expect(other.body.errors[0].path).toBe("customerId");
    const object = await book(keyA, { customer: { name: "X", email: "x@example.test" } });
    expect(object.status).toBe(422);
    const own = await book(keyA, { customerId: customerA });
    expect(own.status).toBe(201);
  });

  it("validates fields with paths (bad instant, missing service)", async () => {
    const response = await call(appointments.POST, "POST", "/appointments", { headers: keyA, body: { startsAt: "tomorrow" } });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["serviceId", "startsAt"]);
  });

  it("maps body problems to 400, 413, 415", async () => {
    const malformed = await call(appointments.POST, "POST", "/appointments", { headers: keyA, body: "{not json" });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe("MALFORMED_JSON");
    const wrongType = await call(appointments.POST, "POST", "/appointments", {
      headers: { ...keyA, "content-type": "text/plain" },
      body: "{}",
    });
    expect(wrongType.status).toBe(415);
    const huge = JSON.stringify({ serviceId, startsAt: freshSlot(), note: "x".repeat(70_000) });
    const tooLarge = await call(appointments.POST, "POST", "/appointments", { headers: keyA, body: huge });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("checks the bytes read, not only Content-Length (chunked body without a length)", async () => {
    const chunk = new TextEncoder().encode("x".repeat(16_384));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 6) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const request = new Request("http://localhost/api/v1/appointments", {
      method: "POST",
      headers: { ...keyA, "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    const response = await appointments.POST(request, { params: Promise.resolve({}) });
    expect(response.status).toBe(413);
  });

  it("403s a key without appointments:write", async () => {
    const response = await book(readOnlyA);
    expect(response.status).toBe(403);
  });
});

describe("GET /appointments", () => {
  it("shows a customer only their own appointments", async () => {
    await book(keyB);
    const list = await call(appointments.GET, "GET", "/appointments?limit=100", { headers: keyA });
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(new Set(list.body.items.map((a: { customerId: string }) => a.customerId))).toEqual(new Set([customerA]));
  });

  it("filters by status, staff, customer and date range, and pages with a cursor", async () => {
    const from = at(2000, 0),
      to = at(2003, 0);
    for (const offset of [2000, 2001, 2002]) {
      await call(appointments.POST, "POST", "/appointments", {
        headers: staffKey,
        body: { serviceId, staffId: otherStylistId, customerId: customerB, startsAt: at(offset, 9) },
      });
    }
    const query = `from=${from}&to=${to}&staffId=${otherStylistId}&customerId=${customerB}&status=BOOKED&limit=2`;
    const page1 = await call(appointments.GET, "GET", `/appointments?${query}`, { headers: staffKey });
    expect(page1.status).toBe(200);
    expect(page1.body.items).toHaveLength(2);
    const page2 = await call(appointments.GET, "GET", `/appointments?${query}&cursor=${page1.body.nextCursor}`, { headers: staffKey });
    expect(page2.body.items).toHaveLength(1);
    expect(page2.body.nextCursor).toBeNull();
    const starts = [...page1.body.items, ...page2.body.items].map((a: { startsAt: string }) => a.startsAt);
    expect(starts).toEqual([at(2000, 9), at(2001, 9), at(2002, 9)]);
  });

  it("caps limit=100000 at 100 instead of failing", async () => {
    const response = await call(appointments.GET, "GET", "/appointments?limit=100000", { headers: staffKey });
    expect(response.status).toBe(200);
    expect(response.body.items.length).toBeLessThanOrEqual(100);
  });

  it("rejects unknown query parameters and bad filters with 422", async () => {
    const unknown = await call(appointments.GET, "GET", "/appointments?staffid=x", { headers: keyA });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toContainEqual({ path: "staffid", message: "Unknown field" });
    expect((await call(appointments.GET, "GET", "/appointments?status=LOST", { headers: keyA })).status).toBe(422);
    expect((await call(appointments.GET, "GET", "/appointments?cursor=garbage", { headers: keyA })).status).toBe(422);
    expect((await call(appointments.GET, "GET", "/appointments?limit=0", { headers: keyA })).status).toBe(422);
  });
});

describe("GET/PATCH/DELETE /appointments/{id}", () => {
  it("gets with an ETag; another customer's appointment is a 404", async () => {
    const { body } = await book(keyA);
    const mine = await call(appointmentItem.GET, "GET", `/appointments/${body.id}`, { headers: keyA, params: { id: body.id } });
    expect(mine.status).toBe(200);
    expect(mine.headers.get("etag")).toBe('"1"');
    const theirs = await call(appointmentItem.GET, "GET", `/appointments/${body.id}`, { headers: keyB, params: { id: body.id } });
    expect(theirs.status).toBe(404);
    expect(theirs.body.code).toBe("NOT_FOUND");
  });

  it("reschedules with If-Match, 428 without it, 412 when stale", async () => {
    const { body } = await book(keyA);
    const id = body.id as string;
    const newStart = freshSlot();
    const missing = await call(appointmentItem.PATCH, "PATCH", `/appointments/${id}`, {
      headers: keyA,
      params: { id },
      body: { startsAt: newStart },
    });
    expect(missing.status).toBe(428);
    const moved = await changeAt("PATCH", keyA, id, 1, { startsAt: newStart });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ startsAt: newStart, version: 2 });
    expect(moved.headers.get("etag")).toBe('"2"');
    const stale = await changeAt("PATCH", keyA, id, 1, { startsAt: freshSlot() });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe("PRECONDITION_FAILED");
  });

  it("refuses PATCH and DELETE of another customer's appointment with 404 and changes nothing", async () => {
    const { body } = await book(keyA);
    const id = body.id as string;
    const patch = await changeAt("PATCH", keyB, id, 1, { startsAt: freshSlot() });
    expect(patch.status).toBe(404);
    const cancel = await changeAt("DELETE", keyB, id, 1);
    expect(cancel.status).toBe(404);
    expect(await db.appointment.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "BOOKED", version: 1 });
  });

  it("DELETE cancels (the record stays) with an optional reason", async () => {
    const { body } = await book(keyA);
    const id = body.id as string;
    const missing = await call(appointmentItem.DELETE, "DELETE", `/appointments/${id}`, { headers: keyA, params: { id } });
    expect(missing.status).toBe(428);
    const cancelled = await changeAt("DELETE", keyA, id, 1, { reason: "Feeling unwell" });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: "CANCELLED", cancellationReason: "Feeling unwell" });
    expect(await db.appointment.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "CANCELLED" });
  });

  it("lets staff complete or mark no-show through PATCH status; customers cannot", async () => {
    const { body } = await book(staffKey, { customerId: customerA });
    const id = body.id as string;
    const byCustomer = await changeAt("PATCH", keyA, id, 1, { status: "COMPLETED" });
    expect(byCustomer.status).toBeGreaterThanOrEqual(403);
    expect(byCustomer.status).toBeLessThan(500);
    const done = await changeAt("PATCH", staffKey, id, 1, { status: "COMPLETED" });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe("COMPLETED");
    const again = await changeAt("PATCH", staffKey, id, 2, { status: "NO_SHOW" });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("INVALID_TRANSITION");
  });

  it("refuses status and reschedule together, and unknown fields, with 422", async () => {
    const { body } = await book(keyA);
    const id = body.id as string;
    const both = await changeAt("PATCH", keyA, id, 1, { status: "CANCELLED", startsAt: freshSlot() });
    expect(both.status).toBe(422);
    const extra = await changeAt("PATCH", keyA, id, 1, { priceCents: 0 });
    expect(extra.status).toBe(422);
    expect(extra.body.errors).toContainEqual({ path: "priceCents", message: "Unknown field" });
  });

  it("changes and clears the note through PATCH, bumping the version and recording who changed it", async () => {
    const { body } = await book(keyA, { note: "Window seat please" });
    const id = body.id as string;
    const patch = (note: string | null, version: number) =>
      call(appointmentItem.PATCH, "PATCH", `/appointments/${id}`, {
        headers: { ...keyA, "if-match": `"${version}"` },
        params: { id },
        body: { note },
      });
    const changed = await patch("  Quiet room, please  ", 1);
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ note: "Quiet room, please", version: 2, startsAt: body.startsAt, status: "BOOKED" });
    expect(changed.headers.get("etag")).toBe('"2"');
    const cleared = await patch(null, 2);
    expect(cleared.body).toMatchObject({ note: null, version: 3 });
    const events = await db.appointmentEvent.findMany({
      where: { appointmentId: id, action: "note_changed" },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((event) => [event.actorKind, event.changes])).toEqual([
      ["API_KEY", { before: { customerNote: "Window seat please" }, after: { customerNote: "Quiet room, please" } }],
      ["API_KEY", { before: { customerNote: "Quiet room, please" }, after: { customerNote: null } }],
    ]);
    // Each note change is announced (to webhooks; booking-lifecycle pins that no email job takes it).
    const outbox = await db.outboxEvent.findMany({ where: { appointmentId: id }, orderBy: { createdAt: "asc" } });
    expect(outbox.map((event) => event.type)).toEqual(["appointment.created", "appointment.note-changed", "appointment.note-changed"]);
  });

  it("refuses a note change on a cancelled appointment, a too-long note, and a note with a reschedule", async () => {
    const { body } = await book(keyA);
    const id = body.id as string;
    const withMove = await changeAt("PATCH", keyA, id, 1, { note: "Hi", startsAt: freshSlot() });
    expect(withMove.status).toBe(422);
    expect(withMove.body.detail).toMatch(/one kind of change/);
    const tooLong = await changeAt("PATCH", keyA, id, 1, { note: "x".repeat(1001) });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.errors[0].path).toBe("note");
    await call(appointmentItem.DELETE, "DELETE", `/appointments/${id}`, { headers: { ...keyA, "if-match": '"1"' }, params: { id } });
    const afterCancel = await changeAt("PATCH", keyA, id, 2, { note: "Hi" });
    expect(afterCancel.status).toBe(409);
    expect(afterCancel.body.code).toBe("INVALID_TRANSITION");
    expect(await db.appointment.findUniqueOrThrow({ where: { id } })).toMatchObject({ customerNote: null, version: 2 });
  });

  it("answers 422 for a PATCH that changes nothing", async () => {
    const { body } = await book(keyA);
    const id = body.id as string;
    const empty = await changeAt("PATCH", keyA, id, 1, {});
    expect(empty.status).toBe(422);
    expect(empty.body.code).toBe("VALIDATION");
  });

  it("answers CUTOFF_PASSED when a customer cancels too late", async () => {
    const soon = new Date(Date.now() + 3 * 3_600_000);
    const row = await insertAppointment({ customerId: customerA, staffId: otherStylistId, serviceId, startsAt: soon });
    const response = await call(appointmentItem.DELETE, "DELETE", `/appointments/${row.id}`, {
      headers: { ...keyA, "if-match": '"1"' },
      params: { id: row.id },
    });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe("CUTOFF_PASSED");
  });
});

describe("GET /availability", () => {
  it("returns slots for a service in a range", async () => {
    const response = await call(
      availability.GET,
      "GET",
      `/availability?serviceId=${serviceId}&staffId=${stylistId}&from=${day(3000).toISOString()}&to=${day(3001).toISOString()}`,
      { headers: keyA },
    );
    expect(response.status).toBe(200);
    expect(response.body.timezone).toBe("UTC");
    expect(response.body.slots[0]).toMatchObject({ startsAt: at(3000, 8), staffId: stylistId, localTime: "08:00+00:00" });
  });

  it("labels slots in the caller's timeZone with offsets, so a clocks-back day's repeated hour stays two times", async () => {
    // Sydney's clocks go back at 03:00 on 2030-04-07: 02:00 happens at 15:00Z (+11:00) and again at 16:00Z (+10:00).
    const query = `serviceId=${serviceId}&staffId=${stylistId}&from=2030-04-06T15:00:00Z&to=2030-04-06T16:01:00Z&timeZone=Australia/Sydney`;
    const response = await call(availability.GET, "GET", `/availability?${query}`, { headers: keyA });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ timezone: "Australia/Sydney", salonTimezone: "UTC" });
    const labels = response.body.slots.map((slot: { localDate: string; localTime: string }) => `${slot.localDate} ${slot.localTime}`);
    expect(labels).toContain("2030-04-07 02:00+11:00");
    expect(labels).toContain("2030-04-07 02:00+10:00");
    const bogus = await call(availability.GET, "GET", `/availability?${query.replace("Australia/Sydney", "Mars/Olympus")}`, {
      headers: keyA,
    });
    expect(bogus.status).toBe(422);
    expect(bogus.body.errors[0].path).toBe("timeZone");
  });

  it("says where the booking horizon ends instead of silently returning nothing past it", async () => {
    const query = `serviceId=${serviceId}&staffId=${stylistId}&from=${day(3649).toISOString()}&to=${day(3652).toISOString()}`;
    const response = await call(availability.GET, "GET", `/availability?${query}`, { headers: keyA });
    expect(response.status).toBe(200);
    const horizonEndsAt = Date.parse(response.body.horizonEndsAt);
    expect(Math.abs(horizonEndsAt - (Date.now() + 3650 * 86_400_000))).toBeLessThan(60_000);
    expect(response.body.slots.length).toBeGreaterThan(0);
    expect(response.body.slots.every((slot: { startsAt: string }) => Date.parse(slot.startsAt) < horizonEndsAt)).toBe(true);
  });

  it("422s a missing serviceId or a reversed range", async () => {
    expect((await call(availability.GET, "GET", "/availability", { headers: keyA })).status).toBe(422);
    const reversed = await call(availability.GET, "GET", `/availability?serviceId=${serviceId}&from=${at(5, 10)}&to=${at(4, 10)}`, {
      headers: keyA,
    });
    expect(reversed.status).toBe(422);
  });
});
