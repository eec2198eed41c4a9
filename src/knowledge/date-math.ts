/** Calendar arithmetic on ISO dates (YYYY-MM-DD, or partial YYYY-MM), in UTC so no time zone shifts a day. */
const DAY_MS = 86_400_000;
/** Mean Gregorian month, so month spans convert to days the same way everywhere. */
export const DAYS_PER_MONTH = 30.4375;

/** Whole months in a span of days, for prose ("care has run 14 months"): the same month length as every other computation. */
export function monthsOfDays(days: number): number {
  return Math.round(days / DAYS_PER_MONTH);
}

// Rules compare many fact dates pairwise; a record holds few distinct dates, so parse each once.
const utcCache = new Map<string, number>();

function utc(iso: string): number {
  let t = utcCache.get(iso);
  if (t === undefined) {
    const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
    t = Date.UTC(y, (m || 1) - 1, d || 1);
    if (utcCache.size > 100_000) utcCache.clear();
    utcCache.set(iso, t);
  }
  return t;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}

/** Calendar months (fractional, one decimal) between two ISO dates. */
export function monthsBetween(from: string, to: string): number {
  return Math.round((daysBetween(from, to) / DAYS_PER_MONTH) * 10) / 10;
}

export function addDays(iso: string, days: number): string {
  return new Date(utc(iso) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Sort key that puts undated items last. */
export function byDate<T>(date: (t: T) => string | undefined): (a: T, b: T) => number {
  return (a, b) => (date(a) ?? '9999').localeCompare(date(b) ?? '9999');
}
