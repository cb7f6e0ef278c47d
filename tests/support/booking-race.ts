/**
 * The booking races of issues 4 and 13, as a client sees them, over any way of reaching the API: `fetch`
 * against a running server, or the route handlers in-process (`dispatch`). The slot is found through
 * the API itself (a service, a customer, a free slot), so the same driver runs against a fixture salon
 * or the demo salon `npm run dev` seeds.
 */

export type Send = (request: Request) => Promise<Response>;
export type RaceApi = { baseUrl: string; key: string; send: Send };
export type Outcome = { status: number; contentType: string | null; body: { id?: string; code?: string; items?: unknown[] } };
export type BookingBody = { serviceId: string; staffId: string; customerId: string; startsAt: string };
export type RaceTarget = { race: BookingBody; burst: BookingBody };

const DAY_MS = 86_400_000;

/** One API call; the body is read as JSON (every answer of /api/v1 is JSON or problem+json). */
export async function apiRequest(
  api: RaceApi,
  method: "GET" | "POST",
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Outcome> {
  const response = await api.send(
    new Request(`${api.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${api.key}`,
        ...(options.body !== undefined && { "content-type": "application/json" }),
        ...options.headers,
      },
      ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
    }),
  );
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get("content-type"),
    body: text ? (JSON.parse(text) as Outcome["body"]) : {},
  };
}

async function firstItem<T>(api: RaceApi, path: string): Promise<T> {
  const page = await apiRequest(api, "GET", path);
  const item = page.body.items?.[0];
  if (page.status !== 200 || !item) throw new Error(`GET ${path} answered ${page.status} with no items`);
  return item as T;
}

/**
 * Two free slots a week or more ahead, on different days: one for the 100-way race, one for the
 * Idempotency-Key burst. Needs a staff key with appointments:read, services:read and customers:read.
 */
export async function findRaceTarget(api: RaceApi): Promise<RaceTarget> {
  const service = await firstItem<{ id: string }>(api, "/services?limit=1");
  const customer = await firstItem<{ id: string }>(api, "/customers?limit=1");
  const from = new Date(Math.ceil(Date.now() / DAY_MS) * DAY_MS + 7 * DAY_MS);
  const to = new Date(from.getTime() + 14 * DAY_MS);
  const path = `/availability?serviceId=${service.id}&from=${from.toISOString()}&to=${to.toISOString()}`;
  const availability = await apiRequest(api, "GET", path);
  const slots = (availability.body as { slots?: Array<{ staffId: string; startsAt: string; localDate: string }> }).slots ?? [];
  const first = slots[0];
  const otherDay = slots.find((slot) => slot.localDate !== first?.localDate);
  if (!first || !otherDay) throw new Error(`GET ${path} answered ${availability.status} without free slots on two days`);
  const booking = (slot: { staffId: string; startsAt: string }) => ({
    serviceId: service.id,
    customerId: customer.id,
    staffId: slot.staffId,
    startsAt: slot.startsAt,
  });
  return { race: booking(first), burst: booking(otherDay) };
}

/** `count` simultaneous POST /appointments of one booking. */
export function slotRace(api: RaceApi, body: BookingBody, count = 100): Promise<Outcome[]> {
  return Promise.all(Array.from({ length: count }, () => apiRequest(api, "POST", "/appointments", { body })));
}

/** `count` simultaneous POST /appointments of one booking under one Idempotency-Key. */
export function idempotentBurst(api: RaceApi, body: BookingBody, idempotencyKey: string, count = 20): Promise<Outcome[]> {
  return Promise.all(
    Array.from({ length: count }, () => apiRequest(api, "POST", "/appointments", { body, headers: { "idempotency-key": idempotencyKey } })),
  );
}

export function tally(outcomes: Outcome[]): Record<number, number> {
  return outcomes.reduce<Record<number, number>>((counts, o) => ({ ...counts, [o.status]: (counts[o.status] ?? 0) + 1 }), {});
}

/** What is wrong with a slot race's answers: anything but one 201 and SLOT_UNAVAILABLE problem+json 409s. */
function slotRaceProblems(outcomes: Outcome[]): string[] {
  const counts = tally(outcomes);
  const refusals = outcomes.filter(
    (o) => o.status === 409 && o.contentType === "application/problem+json" && o.body.code === "SLOT_UNAVAILABLE",
  );
  return counts[201] === 1 && refusals.length === outcomes.length - 1
    ? []
    : [`expected 1 × 201 and ${outcomes.length - 1} × 409 SLOT_UNAVAILABLE problem+json, got ${JSON.stringify(counts)}`];
}

// A replay is the stored answer, read back from jsonb, which keeps its own key order: compare content.
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * What is wrong with an Idempotency-Key burst's answers: one appointment, every 201 the same body (the
 * first answer or its replay), the rest IDEMPOTENCY_IN_FLIGHT 409s, nothing else.
 */
function burstProblems(outcomes: Outcome[]): string[] {
  const problems: string[] = [];
  const created = outcomes.filter((o) => o.status === 201);
  const bodies = new Set(created.map((o) => canonicalJson(o.body)));
  if (created.length === 0 || bodies.size !== 1)
    problems.push(`expected one appointment, replayed whole, got ${bodies.size} distinct 201 bodies`);
  const others = outcomes.filter((o) => o.status !== 201 && !(o.status === 409 && o.body.code === "IDEMPOTENCY_IN_FLIGHT"));
  if (others.length > 0) problems.push(`expected only 201s and IDEMPOTENCY_IN_FLIGHT 409s, got ${JSON.stringify(tally(outcomes))}`);
  return problems;
}

export type Checked = { outcomes: Outcome[]; problems: string[] };

/** The 100-way race for one slot, with what is wrong with its answers. */
export async function checkSlotRace(api: RaceApi, body: BookingBody): Promise<Checked> {
  const outcomes = await slotRace(api, body);
  return { outcomes, problems: slotRaceProblems(outcomes) };
}

/** The 20 POSTs under one Idempotency-Key, with what is wrong with their answers. */
export async function checkIdempotentBurst(api: RaceApi, body: BookingBody, idempotencyKey: string): Promise<Checked> {
  const outcomes = await idempotentBurst(api, body, idempotencyKey);
  return { outcomes, problems: burstProblems(outcomes) };
}
