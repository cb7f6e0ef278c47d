/**
 * The instants a salon's calendar can hold. Outside it, dates are typos or probes (year 0000, 9999), and
 * arithmetic on them (a horizon, a timezone lookup) would fail deep inside instead of naming the field.
 */
export const FIRST_BOOKABLE_YEAR = 2000;
export const LAST_BOOKABLE_YEAR = 2199;

const FIRST_MS = Date.UTC(FIRST_BOOKABLE_YEAR, 0, 1);
const END_MS = Date.UTC(LAST_BOOKABLE_YEAR + 1, 0, 1);

export const OUT_OF_RANGE_MESSAGE = `must be between ${FIRST_BOOKABLE_YEAR}-01-01 and ${LAST_BOOKABLE_YEAR}-12-31`;

export function isBookableInstant(instant: Date): boolean {
  const ms = instant.getTime();
  return ms >= FIRST_MS && ms < END_MS;
}

export function isBookableYear(year: number): boolean {
  return year >= FIRST_BOOKABLE_YEAR && year <= LAST_BOOKABLE_YEAR;
}
