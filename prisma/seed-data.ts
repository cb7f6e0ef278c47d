/** The demo salon: fixed data, so every seeded database looks the same. Times are salon-local. */

export const salon = {
  name: "Pamper Book Studio",
  address: "12 Rosewood Lane, London N1 7AB",
  phone: "+44 20 7946 0321",
  email: "hello@pamperbook.test",
  timezone: "Europe/London",
  currency: "GBP",
  slotStepMinutes: 15,
  minNoticeMinutes: 120,
  bookingHorizonDays: 60,
  cancelCutoffMinutes: 24 * 60,
  rescheduleCutoffMinutes: 24 * 60,
  reminderLeadMinutes: 24 * 60,
  // The demo customer holds up to about ten seeded upcoming visits (how many depends on the weekday the
  // seed runs); leave room to try booking more.
  maxFutureBookingsPerCustomer: 20,
};

type ServiceSeed = {
  slug: string;
  name: string;
  category: string;
  description: string;
  durationMinutes: number;
  priceCents: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
};

export const services: ServiceSeed[] = [
  {
    slug: "womens-cut",
    name: "Women's cut & finish",
    category: "Hair",
    description: "Consultation, wash, precision cut and a blow-dry finish.",
    durationMinutes: 60,
    priceCents: 5500,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 10,
  },
  {
    slug: "mens-cut",
    name: "Men's cut",
    category: "Hair",
    description: "Wash, cut and style, with a neck-line tidy.",
    durationMinutes: 30,
    priceCents: 2800,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 5,
  },
  {
    slug: "blow-dry",
    name: "Blow-dry",
    category: "Hair",
    description: "Wash and a bouncy, long-lasting blow-dry.",
    durationMinutes: 45,
    priceCents: 3500,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 5,
  },
  {
    slug: "full-head-colour",
    name: "Full head colour",
    category: "Colour",
    description: "Permanent colour from root to tip, toner and finish.",
    durationMinutes: 120,
    priceCents: 9500,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 15,
  },
  {
    slug: "balayage",
    name: "Balayage",
    category: "Colour",
    description: "Hand-painted, sun-kissed lightening with toner and finish.",
    durationMinutes: 180,
    priceCents: 16000,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 15,
  },
  {
    slug: "gel-manicure",
    name: "Gel manicure",
    category: "Nails",
    description: "Shape, cuticle care and a two-week gel polish.",
    durationMinutes: 45,
    priceCents: 3200,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 10,
  },
  {
    slug: "luxury-pedicure",
    name: "Luxury pedicure",
    category: "Nails",
    description: "Soak, scrub, massage and polish.",
    durationMinutes: 50,
    priceCents: 3800,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 10,
  },
  {
    slug: "deep-tissue-massage",
    name: "Deep tissue massage",
    category: "Massage",
    description: "Firm pressure to release long-held muscle tension.",
    durationMinutes: 60,
    priceCents: 6500,
    bufferBeforeMinutes: 5,
    bufferAfterMinutes: 10,
  },
  {
    slug: "hot-stone-massage",
    name: "Hot stone massage",
    category: "Massage",
    description: "Warm basalt stones for deep, calming relaxation.",
    durationMinutes: 75,
    priceCents: 7500,
    bufferBeforeMinutes: 5,
    bufferAfterMinutes: 15,
  },
  {
    slug: "signature-facial",
    name: "Signature facial",
    category: "Facials",
    description: "Cleanse, exfoliate, mask and massage, tailored to your skin.",
    durationMinutes: 60,
    priceCents: 6000,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 10,
  },
];

/** [startMinute, endMinute) intervals per ISO weekday (1 = Monday); a missing weekday is a day off. */
type WeeklyHours = Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, Array<[number, number]>>>;

type StylistSeed = {
  email: string;
  name: string;
  color: string;
  bio: string;
  services: string[];
  hours: WeeklyHours;
};

/** "13:45" → minutes after midnight. */
const minuteOf = (time: string) => {
  const [hours, minutes] = time.split(":").map(Number);
  return hours! * 60 + minutes!;
};

/** The same shifts ("09:00-13:00") on each of the given weekdays. */
const sameHoursOn = (days: Array<keyof WeeklyHours>, shifts: string[]): WeeklyHours => {
  const intervals = shifts.map((shift) => shift.split("-").map(minuteOf) as [number, number]);
  return Object.fromEntries(days.map((day) => [day, intervals]));
};

/** The demo team, one row each: sign-in name, display name, calendar colour, weekdays, daily shifts, services. */
const team: Array<[login: string, name: string, color: string, days: Array<keyof WeeklyHours>, shifts: string, services: string]> = [
  ["amara", "Amara Okafor", "#b0306b", [1, 2, 3, 4, 5], "09:00-13:00 13:45-17:30", "womens-cut blow-dry full-head-colour balayage"],
  ["ben", "Ben Carter", "#1d4ed8", [2, 3, 4, 5, 6], "10:00-14:00 14:30-19:00", "mens-cut womens-cut blow-dry full-head-colour"],
  ["chloe", "Chloé Martin", "#047857", [1, 3, 4, 5, 6], "09:00-13:00 14:00-18:00", "gel-manicure luxury-pedicure signature-facial"],
  ["dev", "Dev Patel", "#b45309", [1, 2, 3, 4, 5], "11:00-15:00 15:30-20:00", "deep-tissue-massage hot-stone-massage signature-facial"],
];

const bios: Record<string, string> = {
  amara: "Senior stylist and colour specialist with twelve years behind the chair.",
  ben: "Clean fades, classic cuts and bold colour.",
  chloe: "Nail artist and skin therapist.",
  dev: "Sports and relaxation massage therapist.",
};

export const stylists: StylistSeed[] = team.map(([login, name, color, days, shifts, services]) => ({
  email: `${login}@pamperbook.test`,
  name,
  color,
  bio: bios[login]!,
  services: services.split(" "),
  hours: sameHoursOn(days, shifts.split(" ")),
}));

export const admin = { email: "admin@pamperbook.test", name: "Sam Rivera (owner)" };
export const frontDesk = { email: "frontdesk@pamperbook.test", name: "Robin Patel (front desk)" };
export const demoCustomer = { email: "customer@pamperbook.test", name: "Casey Morgan", phone: "+44 7700 900001" };

export const customers = [
  "Olivia Bennett",
  "Amelia Hughes",
  "Isla Thompson",
  "Ava Robinson",
  "Mia Clarke",
  "Grace Walker",
  "Sophia Wright",
  "Lily Green",
  "Freya Hall",
  "Emily Wood",
  "Noah Harris",
  "Oliver Lewis",
  "Leo Young",
  "Harry King",
  "Jack Scott",
  "Priya Shah",
  "Aisha Khan",
  "Mei Chen",
  "Zara Ali",
  "Hannah Davies",
].map((name, index) => ({
  name,
  email: `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@example.test`,
  phone: `+44 7700 9001${String(index + 10).padStart(2, "0")}`,
}));

export const customerNotes = [
  "First visit — a little nervous about going shorter.",
  "Please use fragrance-free products.",
  "Running from work, may be five minutes late.",
  "Allergic to latex.",
  "Would love something low-maintenance.",
];

export const staffNotes = [
  "Patch test done, all clear.",
  "Prefers a quiet appointment.",
  "Used toner 9V last time.",
  "Booked follow-up in six weeks.",
];

export const cancellationReasons = ["Feeling unwell", "Work clash", "Booked by mistake"];
