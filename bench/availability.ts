/**
 * Availability engine benchmark: one stylist, 30 days, 500 / 1,000 / 5,000 booked appointments, against a
 * naive reference (every candidate start checked against every appointment) measured in the same run;
 * then a three-service visit, four stylists, "anyone", 5,000 appointments between them, against a brute
 * force (every start, every stylist tuple, every appointment). Run with `npm run bench:availability`; the
 * last line is the JSON result.
 */
import { computeAvailability, type AvailabilityInput, type InstantRange, type Slot } from "@/lib/booking/availability";
import { computeVisitAvailability, layoutVisit, blockedOf, type VisitAvailabilityInput } from "@/lib/booking/visit-availability";
import { availableParallelism, loadavg } from "node:os";
import { addDays, fromWallClock } from "@/lib/time/zoned";
import { measure } from "./lib/measure";
import { seededRandom, shuffled } from "./lib/random";
import { printJsonResult, printTable, round } from "./lib/report";

const MINUTE = 60_000;
const DAY = 86_400_000;
const TIMEZONE = "Europe/London";
const FIRST_DATE = "2026-03-16"; // the 30 days include the spring-forward Sunday
const DAYS = 30;
const OPEN = 8 * 60; // working hours 08:00–20:00 every day
const CLOSE = 20 * 60;
const SIZES = [500, 1_000, 5_000] as const;

const dates = Array.from({ length: DAYS }, (_, i) => addDays(FIRST_DATE, i));
const wall = (date: string, minute: number) => fromWallClock(date, minute, TIMEZONE)!;

/**
 * `count` non-overlapping appointments inside working hours: each day's hours are cut into equal cells, a
 * sixth of them stay empty (free time), and each other cell holds one appointment of 30–95% of its length
 * at a random offset. 500 gives a busy stylist (~36-minute cells); 5,000 packs ~3.6-minute cells — a
 * stress density, since no real day holds 167 visits — yet still leaves some bookable gaps.
 */
function appointments(count: number, seed: number): InstantRange[] {
  const random = seededRandom(seed);
  const busy: InstantRange[] = [];
  dates.forEach((date, day) => {
    const perDay = Math.floor(count / DAYS) + (day < count % DAYS ? 1 : 0);
    const cells = Math.round(perDay * 1.2);
    const cell = ((CLOSE - OPEN) * MINUTE) / cells;
    const open = wall(date, OPEN);
    const filled = shuffled(
      Array.from({ length: cells }, (_, i) => i),
      random,
    )
      .slice(0, perDay)
      .sort((a, b) => a - b);
    for (const i of filled) {
      const length = Math.max(MINUTE, Math.floor((cell * (0.3 + 0.65 * random())) / MINUTE) * MINUTE);
      const offset = Math.floor(((cell - length) * random()) / MINUTE) * MINUTE;
      const from = open + Math.floor((i * cell) / MINUTE) * MINUTE + offset;
      busy.push({ from, until: from + length });
    }
  });
  for (let i = 1; i < busy.length; i++) {
    if (busy[i]!.from < busy[i - 1]!.until) throw new Error("Generated appointments overlap");
  }
  // The data layer may hand them over in any order, so the engine pays for its sort here.
  return shuffled(busy, random);
}

function inputWith(busy: InstantRange[]): AvailabilityInput {
  const from = wall(dates[0]!, 0);
  return {
    settings: { timezone: TIMEZONE, slotStepMinutes: 5, minNoticeMinutes: 0, bookingHorizonDays: 60 },
    service: { durationMinutes: 5, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 },
    staff: [
      {
        staffId: "stylist",
        workingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: OPEN, endMinute: CLOSE })),
        timeOff: [],
        busy,
      },
    ],
    range: { from, until: wall(addDays(FIRST_DATE, DAYS), 0) },
    now: from - DAY,
  };
}

/**
 * The reference a first attempt would write: for every day and every step-aligned start in working hours,
 * scan every appointment. Wall-clock conversion is done once per day, as in the engine, so the ratio
 * measures the algorithm, not Intl.
 */
function naiveAvailability(input: AvailabilityInput): Slot[] {
  const { settings, service, now } = input;
  const member = input.staff[0]!;
  const stepMs = settings.slotStepMinutes * MINUTE;
  const before = service.bufferBeforeMinutes * MINUTE;
  const after = service.bufferAfterMinutes * MINUTE;
  const durationMs = service.durationMinutes * MINUTE;
  const slots: Slot[] = [];
  for (const date of dates) {
    const open = wall(date, OPEN);
    const close = wall(date, CLOSE);
    for (let start = open, minute = OPEN; start + durationMs + after <= close; start += stepMs, minute += settings.slotStepMinutes) {
      if (start - before < open || start < now + settings.minNoticeMinutes * MINUTE) continue;
      const blockFrom = start - before;
      const blockUntil = start + durationMs + after;
      let free = true;
      for (const range of member.busy) {
        if (range.from < blockUntil && blockFrom < range.until) {
          free = false;
          break;
        }
      }
      if (!free) continue;
      const localTime = `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
      slots.push({ startsAt: start, endsAt: start + durationMs, staffId: member.staffId, localDate: date, localTime });
    }
  }
  return slots;
}

const rows: Record<string, string | number>[] = [];
const ms: Record<string, number> = {};
const naiveMs: Record<string, number> = {};
const wallMs: Record<string, number> = {};
const naiveWallMs: Record<string, number> = {};
for (const size of SIZES) {
  const input = inputWith(appointments(size, size));
  const fast = computeAvailability(input).byStaff.get("stylist") ?? [];
  const naive = naiveAvailability(input);
  // A benchmark of a wrong answer is worthless: both must offer the same slots.
  if (JSON.stringify(fast) !== JSON.stringify(naive)) throw new Error(`Engine and naive reference disagree at ${size} appointments`);
  const engine = measure(() => computeAvailability(input), { minTotalMs: 1_500 });
  const reference = measure(() => naiveAvailability(input), { minSamples: 15, minTotalMs: 1_500 });
  ms[size] = round(engine.cpuMs.median);
  naiveMs[size] = round(reference.cpuMs.median);
  wallMs[size] = round(engine.wallMs.median);
  naiveWallMs[size] = round(reference.wallMs.median);
  rows.push({
    appointments: size,
    slots: fast.length,
    "engine ms cpu": round(engine.cpuMs.median),
    "engine ms wall": round(engine.wallMs.median),
    "cpu p90": round(engine.cpuMs.p90),
    runs: engine.samples * engine.callsPerSample,
    "naive ms cpu": round(reference.cpuMs.median, 2),
    "naive ms wall": round(reference.wallMs.median, 2),
    speedup: round(reference.cpuMs.median / engine.cpuMs.median, 1),
  });
}

// ---- a visit of three services, four stylists, anyone ----------------------------------------------------

const VISIT_STYLISTS = ["s1", "s2", "s3", "s4"];
const VISIT_APPOINTMENTS = 5_000;

/**
 * `count` short appointments (8–12 minutes, 0–4 minutes apart) packed into one run per day that starts at
 * a random time: ~42 a day leave a free stretch of two to three hours, so whole visits do fit somewhere
 * (spread evenly like the rows above, 5,000 appointments leave no gap a two-hour visit could use).
 */
function packedAppointments(count: number, seed: number): InstantRange[] {
  const random = seededRandom(seed);
  const busy: InstantRange[] = [];
  dates.forEach((date, day) => {
    const perDay = Math.floor(count / DAYS) + (day < count % DAYS ? 1 : 0);
    const lengths = Array.from({ length: perDay }, () => (8 + Math.floor(random() * 5)) * MINUTE);
    const gaps = Array.from({ length: perDay }, () => Math.floor(random() * 5) * MINUTE);
    const total = lengths.reduce((sum, length, i) => sum + length + gaps[i]!, 0);
    let cursor = wall(date, OPEN) + Math.floor((random() * ((CLOSE - OPEN) * MINUTE - total)) / MINUTE) * MINUTE;
    lengths.forEach((length, i) => {
      busy.push({ from: cursor, until: cursor + length });
      cursor += length + gaps[i]!;
    });
  });
  return shuffled(busy, random);
}

function visitInput(): VisitAvailabilityInput {
  const from = wall(dates[0]!, 0);
  const services = [
    // Cut, colour (the client waits 20 minutes while it develops), blow-dry.
    { durationMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 10, processingMinutes: 0, bufferInsideVisit: false },
    { durationMinutes: 45, bufferBeforeMinutes: 5, bufferAfterMinutes: 5, processingMinutes: 20, bufferInsideVisit: true },
    { durationMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 10, processingMinutes: 0, bufferInsideVisit: true },
  ];
  const perStylist = VISIT_APPOINTMENTS / VISIT_STYLISTS.length;
  return {
    settings: { timezone: TIMEZONE, slotStepMinutes: 15, minNoticeMinutes: 0, bookingHorizonDays: 60 },
    services,
    candidates: services.map(() => VISIT_STYLISTS),
    sameStylist: false,
    staff: VISIT_STYLISTS.map((staffId, i) => ({
      staffId,
      workingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: OPEN, endMinute: CLOSE })),
      timeOff: [],
      busy: packedAppointments(perStylist, 7 + i),
    })),
    range: { from, until: wall(addDays(FIRST_DATE, DAYS), 0) },
    now: from - DAY,
  };
}

/**
 * The brute force: every step-aligned start of every day, every stylist tuple in the engine's order of
 * preference (the previous segment's stylist, then fewest busy minutes that day), each segment checked
 * against the day's hours and every appointment of its stylist. The layout is the shared definition.
 */
function naiveVisitAvailability(input: VisitAvailabilityInput): { startsAt: number; staffIds: string[] }[] {
  const { settings, services, staff } = input;
  const stepMs = settings.slotStepMinutes * MINUTE;
  let tuples: number[][] = [[]];
  for (let i = 0; i < services.length; i++) tuples = tuples.flatMap((tuple) => staff.map((_, member) => [...tuple, member]));
  const result: { startsAt: number; staffIds: string[] }[] = [];
  for (const date of dates) {
    const open = wall(date, OPEN);
    const close = wall(date, CLOSE);
    const dayFrom = wall(date, 0);
    const dayUntil = wall(addDays(date, 1), 0);
    const load = staff.map((member) =>
      member.busy.reduce((total, range) => total + Math.max(0, Math.min(range.until, dayUntil) - Math.max(range.from, dayFrom)), 0),
    );
    const rank = (member: number) => load[member]! * staff.length + member;
    const key = (tuple: number[]) => tuple.map((member, i) => (i > 0 && tuple[i - 1] === member ? -1 : rank(member)));
    const ordered = [...tuples].sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
      return 0;
    });
    for (let start = open; start < close; start += stepMs) {
      const found = ordered.find((tuple) => {
        const segments = layoutVisit(
          services,
          tuple.map((member) => staff[member]!.staffId),
          start,
        );
        return segments?.every((segment, i) => {
          const block = blockedOf(segment);
          if (block.from < open || block.until > close) return false;
          return !staff[tuple[i]!]!.busy.some((range) => range.from < block.until && block.from < range.until);
        });
      });
      if (found) result.push({ startsAt: start, staffIds: found.map((member) => staff[member]!.staffId) });
    }
  }
  return result;
}

const visit = visitInput();
const visitSlots = computeVisitAvailability(visit).map((slot) => ({
  startsAt: slot.startsAt,
  staffIds: slot.segments.map((segment) => segment.staffId),
}));
if (JSON.stringify(visitSlots) !== JSON.stringify(naiveVisitAvailability(visit))) {
  throw new Error("Visit engine and brute force disagree");
}
const visitEngine = measure(() => computeVisitAvailability(visit), { minTotalMs: 1_500 });
const visitNaive = measure(() => naiveVisitAvailability(visit), { minSamples: 5, minTotalMs: 1_500 });
const visitMs = round(visitEngine.cpuMs.median);
const visitNaiveMs = round(visitNaive.cpuMs.median, 2);
const visitSpeedup = round(visitNaive.cpuMs.median / visitEngine.cpuMs.median, 1);

const [load] = loadavg();
console.log(`Availability: 1 stylist × ${DAYS} days (${TIMEZONE}, 08:00–20:00 daily, 5-minute step, 5-minute service)`);
console.log(
  `Medians per computation, warm. CPU time is the figure reported (load average now ${load!.toFixed(1)} on ${availableParallelism()} CPUs inflates wall time).`,
);
printTable(rows);
console.log(
  `growth 500 → 5,000 appointments (10×): engine ${round(ms[5000]! / ms[500]!, 2)}×, naive ${round(naiveMs[5000]! / naiveMs[500]!, 2)}×`,
);
console.log(
  `Visit: cut + colour (20 min processing) + blow-dry, ${VISIT_STYLISTS.length} stylists, anyone, ${DAYS} days, ${VISIT_APPOINTMENTS.toLocaleString("en-GB")} appointments, 15-minute step`,
);
printTable([
  {
    visits: visitSlots.length,
    "engine ms cpu": visitMs,
    "engine ms wall": round(visitEngine.wallMs.median),
    "cpu p90": round(visitEngine.cpuMs.p90),
    runs: visitEngine.samples * visitEngine.callsPerSample,
    "brute force ms cpu": visitNaiveMs,
    speedup: visitSpeedup,
  },
]);
printJsonResult({
  bench: "availability",
  visit: { ms: visitMs, naiveMs: visitNaiveMs, speedup: visitSpeedup, slots: visitSlots.length },
  ms,
  naiveMs,
  speedupAt5000: round(naiveMs[5000]! / ms[5000]!, 1),
  clock: "process CPU time, median",
  wallMs,
  naiveWallMs,
});
