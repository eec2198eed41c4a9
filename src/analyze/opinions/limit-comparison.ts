/**
 * Whether two sources' limits on one activity agree. Amounts are compared by the bands the rules use, never by
 * closeness alone: lifting by exertional level (20 CFR 404.1567: 10, 20, 50, 100 lb), standing/walking and sitting
 * totals by SSR 83-10's hours (2 and 6 of 8), frequencies by their class. Other amounts (a tolerance at a time,
 * absences, time off task) agree within a third of each other. Limits stated in different terms are "both limit".
 */
import type { FactOf } from '../../model/index.js';
import { ACTIVITY_LABEL } from '../../model/labels.js';

type Limit = FactOf<'limitation'>;
export type Relation = 'agrees' | 'disagrees' | 'both_limit';

/** Absences and time off task are both "other" activities: their unit tells them apart. */
const OTHER_WORDS: Record<string, string> = { 'days per month': 'absences', percent: 'time off task' };
export function activityKey(f: Limit): string {
  const unit = f.attributes.unit?.toLowerCase() ?? '';
  return f.attributes.activity === 'other' && OTHER_WORDS[unit] ? `other:${unit}` : f.attributes.activity;
}

export function activityWords(key: string): string {
  if (key.startsWith('other:')) return OTHER_WORDS[key.slice(6)];
  return key === 'other' ? 'other limits' : ACTIVITY_LABEL[key as keyof typeof ACTIVITY_LABEL].toLowerCase();
}

const isLb = (unit?: string) => /^(?:lbs?|pounds?|#)$/i.test(unit ?? '');
const isKg = (unit?: string) => /^(?:kgs?|kilograms?)$/i.test(unit ?? '');
const lbOf = (f: Limit) => (f.attributes.limit === undefined ? undefined : isLb(f.attributes.unit) ? f.attributes.limit : isKg(f.attributes.unit) ? Math.round(f.attributes.limit * 2.20462) : undefined);

/** The words of one stated limit: "10 lb", "never", "30 minutes", "20 lb occasionally". */
export function limitWords(f: Limit): string {
  const a = f.attributes;
  const amount = a.limit !== undefined ? `${a.limit}${a.unit ? ` ${a.unit}` : ''}` : '';
  const freq = a.frequency ? (amount ? ` ${a.frequency === 'occasional' ? 'occasionally' : a.frequency === 'frequent' ? 'frequently' : a.frequency}` : a.frequency) : '';
  return `${amount}${freq}`.trim() || 'limited';
}

/** One day's statements on an activity, each amount once ("20 lb occasionally, 10 lb frequently"). */
export function wordsOf(facts: Limit[]): string {
  return [...new Set(facts.map(limitWords))].join(', ');
}

type Reading =
  | { kind: 'lift'; lb: number }
  | { kind: 'hours'; hours: number }
  | { kind: 'amount'; value: number; unit: string }
  | { kind: 'frequency'; frequency: string }
  | { kind: 'unquantified' };

/** A source's limit on one activity as stated on one day (a lifting limit may come as an occasional and a frequent amount). */
function read(facts: Limit[]): Reading {
  const lifts = facts.map((f) => ({ f, lb: lbOf(f) })).filter((x): x is { f: Limit; lb: number } => x.lb !== undefined);
  // The most lifted occasionally is the level's measure; a frequent amount alone is not.
  const occasional = lifts.filter((x) => x.f.attributes.frequency !== 'frequent' && x.f.attributes.frequency !== 'constant');
  if (occasional.length) return { kind: 'lift', lb: Math.max(...occasional.map((x) => x.lb)) };
  const f = facts.find((x) => x.attributes.limit !== undefined) ?? facts[0];
  const a = f.attributes;
  if (a.limit !== undefined && /^(?:h|hrs?|hours?)$/i.test(a.unit ?? '')) return { kind: 'hours', hours: a.limit };
  if (a.limit !== undefined && a.unit) return { kind: 'amount', value: a.limit, unit: /^min/i.test(a.unit) ? 'minutes' : a.unit.toLowerCase() };
  if (a.frequency) return { kind: 'frequency', frequency: a.frequency };
  return { kind: 'unquantified' };
}

function liftLevel(lb: number): string {
  return lb < 10 ? 'less than sedentary' : lb < 20 ? 'sedentary' : lb < 50 ? 'light' : lb < 100 ? 'medium' : 'heavy';
}

/** SSR 83-10: sedentary work needs about 6 hours of sitting and no more than about 2 of standing and walking; light about 6 of standing and walking. */
function hoursBand(activity: string, hours: number): string {
  if (activity === 'sit') return hours < 6 ? 'less than the 6 hours of sedentary work' : 'about 6 hours or more';
  return hours <= 2 ? 'at most 2 hours (sedentary)' : hours < 6 ? 'between 2 and 6 hours' : 'about 6 hours or more (light)';
}

export interface Comparison { relation: Relation; why: string }

export function compareLimits(activity: string, mine: Limit[], theirs: Limit[]): Comparison {
  const a = read(mine), b = read(theirs);
  if (a.kind === 'lift' && b.kind === 'lift') {
    const [la, lb] = [liftLevel(a.lb), liftLevel(b.lb)];
    return la === lb ? { relation: 'agrees', why: `the same exertional level (${la})` } : { relation: 'disagrees', why: `${lb}, not ${la} (20 CFR 404.1567)` };
  }
  if (a.kind === 'hours' && b.kind === 'hours') {
    const [ba, bb] = [hoursBand(activity, a.hours), hoursBand(activity, b.hours)];
    return ba === bb ? { relation: 'agrees', why: `both ${ba}` } : { relation: 'disagrees', why: `${bb}, not ${ba} (SSR 83-10)` };
  }
  if (a.kind === 'amount' && b.kind === 'amount' && a.unit === b.unit) {
    const close = Math.min(a.value, b.value) >= (2 / 3) * Math.max(a.value, b.value);
    return close ? { relation: 'agrees', why: 'within a third of each other' } : { relation: 'disagrees', why: `${b.value} against ${a.value} ${a.unit}` };
  }
  if (a.kind === 'frequency' && b.kind === 'frequency') {
    return a.frequency === b.frequency ? { relation: 'agrees', why: `both ${a.frequency}` } : { relation: 'disagrees', why: `${b.frequency}, not ${a.frequency}` };
  }
  return { relation: 'both_limit', why: 'both limit it; the amounts are stated in different terms' };
}
