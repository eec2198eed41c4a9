import type { Rng } from './prng.js';

/** Calendar arithmetic on ISO dates in UTC (no time zones to shift a day). */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

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
