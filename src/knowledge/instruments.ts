/** Outcome instruments from lexicon/outcome-instruments.json: scale, direction, MCID, and their names in words. */
import data from '../../lexicon/outcome-instruments.json' with { type: 'json' };

export interface Instrument {
  id: string;
  label: string;
  /** What the scale measures, in a reader's words ("Pain", "Disability"). */
  name: string;
  min?: number;
  max?: number;
  better: 'lower' | 'higher' | 'unknown';
  /** Counts as a functional measure (ODI, NDI, LEFS, ...) rather than pain or impairment only. */
  functional: boolean;
  mcid?: number;
  source?: string;
}

const INSTRUMENTS = new Map<string, Instrument>(
  data.instruments.map((i) => [i.id, { ...i, better: i.better as Instrument['better'] }]),
);

export const RELATIVE_FALLBACK: number = data.relativeFallback;

export function instrument(id: string): Instrument | undefined {
  return INSTRUMENTS.get(id);
}

/**
 * A trend key ("NRS", "strength:ehl", "ROM:forward flexion") in words for analysis sentences:
 * "Pain (NRS 0–10)", "EHL strength (0–5)", "Forward flexion range of motion".
 */
export function instrumentName(key: string): string {
  const colon = key.indexOf(':');
  const id = colon < 0 ? key : key.slice(0, colon);
  const part = colon < 0 ? undefined : key.slice(colon + 1).trim();
  const ins = INSTRUMENTS.get(id);
  if (!ins) return key;
  const range = ins.min !== undefined && ins.max !== undefined ? `${ins.min}–${ins.max}` : '';
  if (part) {
    // Short muscle names are abbreviations (EHL, ADM); longer ones are words.
    const what = part.length <= 3 ? part.toUpperCase() : part[0].toUpperCase() + part.slice(1);
    return `${what} ${ins.name.toLowerCase()}${range ? ` (${range})` : ''}`;
  }
  if (id === 'other') return ins.name;
  return `${ins.name} (${[id, range].filter(Boolean).join(' ')})`;
}

export function isFunctionalInstrument(id: string): boolean {
  return INSTRUMENTS.get(id)?.functional ?? false;
}

/** MCID in the scale the values were recorded on (e.g. NDI stated as a percent doubles the 0–50 MCID). */
export function mcidFor(id: string, statedMax: number | undefined, baseline: number): number | undefined {
  const ins = INSTRUMENTS.get(id);
  // Two decimals: the MCID is quoted in reasons and reports, and float noise (1.3499999) reads as an error.
  const round = (x: number) => Math.round(x * 100) / 100;
  if (ins?.mcid !== undefined) {
    if (statedMax && ins.max && statedMax !== ins.max) return round(ins.mcid * (statedMax / ins.max));
    return ins.mcid;
  }
  if (baseline === 0) return undefined;
  return round(Math.abs(baseline) * RELATIVE_FALLBACK);
}

export type ChangeVerdict = 'improved' | 'worsened' | 'plateau';

/** Judge a change against the MCID, honouring which direction is better. */
export function judgeChange(id: string, from: number, to: number, mcid: number | undefined): ChangeVerdict | undefined {
  if (mcid === undefined) return undefined;
  const change = to - from;
  if (Math.abs(change) < mcid) return 'plateau';
  const better = INSTRUMENTS.get(id)?.better ?? 'unknown';
  if (better === 'unknown') return undefined;
  const gotHigher = change > 0;
  return (better === 'higher') === gotHigher ? 'improved' : 'worsened';
}
