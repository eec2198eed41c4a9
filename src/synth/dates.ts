/** Dates for synthetic records: calendar arithmetic, and the many ways clinics write a date. */
import type { Rng } from './prng.js';

/** Date arithmetic is shared with the analysis (UTC, so no time zone shifts a day). */
export { addDays, daysBetween, DAYS_PER_MONTH } from '../analyze/dates.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export type DateStyle = 'mdy' | 'mdy_short' | 'long' | 'iso' | 'mdy_dash';

/** Write a date the way a given clinic's software or dictation would. */
export function formatDate(iso: string, style: DateStyle): string {
  const [y, m, d] = iso.split('-').map(Number);
  switch (style) {
    case 'mdy': return `${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}/${y}`;
    case 'mdy_short': return `${m}/${d}/${String(y).slice(2)}`;
    case 'long': return `${MONTHS[m - 1]} ${d}, ${y}`;
    case 'iso': return iso;
    case 'mdy_dash': return `${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}-${y}`;
  }
}

export function pickDateStyle(rng: Rng): DateStyle {
  return rng.pick(['mdy', 'mdy', 'mdy_short', 'long', 'mdy_dash'] as const);
}
