/**
 * Dates in one sentence or line, resolved to ISO strings. chrono-node does the parsing (one sentence
 * at a time: it is slow on whole documents); this module removes scores that look like dates
 * ("7/10", "5/5", "L4/5"), adds ranges chrono misses ("in 2-3 weeks"), bare years ("since 2019"),
 * and rolls a year-less past date back a year when it would otherwise fall after the reference
 * ("s/p ESI on 3/2" written in January means last March).
 */
import * as chrono from 'chrono-node';

export interface DateMention {
  /** Offsets relative to the text passed in. */
  start: number;
  end: number;
  /** ISO date (YYYY-MM-DD); day or month may be implied ("March 2023" → 2023-03-01). */
  date: string;
  /** True when resolved against the reference date ("two weeks ago", "in 6 weeks"). */
  relative: boolean;
  precision: 'day' | 'month' | 'year';
}

const MONTH_NAME = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b/i;
const NUMERIC_DATE = /\d{1,4}[/\-.]\d{1,2}/;
/** Words after which a bare "3/2" is a date rather than a score. */
const DATE_CUE_BEFORE = /\b(on|dated?|dos|since|from|until|thru|through|to|of|in|at|seen|performed|done|starting|started|effective|week of|last|visit|injury|doi|surgery|injection)\s*:?\s*$/i;
const PAST_TENSE = /\b(s\/p|status post|was|were|had|underwent|performed|done|received|completed|seen|ago|last|previous|prior)\b|\b\w+ed\b/i;
const FUTURE = /\b(will|scheduled|schedule|planned|plan|plans|next|upcoming|return|follow[- ]?up|f\/u|due)\b/i;
const RANGE = /\b(in|within)\s+(\d{1,2})\s*(?:-|–|to)\s*(\d{1,2})\s+(day|week|month|year)s?\b/gi;
/** Before a relative span, words that make it a duration ("relief lasting 12 weeks", "PT for 3 weeks"), not a date. */
const DURATION_CUE = /\b(?:for|lasting|lasted|lasts|x|over|about|approximately|around|roughly|nearly|almost|only)\s*$/i;
const WEEKDAY_ABBREVIATION = /^(?:sun|mon|tue|tues|wed|thu|thur|thurs|fri|sat)\.?$/i;
/** "/week", "per week", "a week" after a count of days: a frequency. */
const FREQUENCY_AFTER = /^\s*(?:\/\s*(?:wk|week|month|mo|day)\b|per\s|a\s+(?:week|month)\b|each\s|every\s)/i;
/** "6 weeks after surgery", "3 weeks later": relative to another event, not to the visit; unresolvable here. */
const EVENT_ANCHORED = /\b(?:after|before|later|following|post)\b/i;
/**
 * Cheap pre-check before chrono (the slowest step of extraction): chrono can only find something when the text
 * has a month name, a numeric date shape, a year, a weekday or a relative/time word. Most clinical sentences
 * ("strength 5/5", "20 mg", "L4-5 disc") are then skipped after one regex test.
 */
const EXPLICIT_CUE = /(?<![A-Za-z\d])\d{1,4}[/\-.]\d{1,2}|\b(?:19|20)\d{2}\b|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i;
const RELATIVE_CUE = /\b(?:ago|yesterday|today|tonight|tomorrow|now|last|next|past|this|days?|weeks?|months?|years?|weekend|morning|afternoon|evening|noon|midnight|(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.|o'clock)|\d{1,2}:\d{2})\b/i;
const BARE_YEAR = /\b(in|since|from|during|of|circa|around|until)\s+((?:19|20)\d{2})\b(?![/\-.]\d)/gi;

function pad(n: number): string { return String(n).padStart(2, '0'); }
function iso(y: number, m: number, d: number): string { return `${y}-${pad(m)}-${pad(d)}`; }

function parseIso(s: string | undefined): Date | undefined {
  const m = s ? /^(\d{4})-(\d{2})-(\d{2})/.exec(s) : null;
  return m ? new Date(+m[1], +m[2] - 1, +m[3], 12) : undefined;
}

function addUnits(ref: Date, n: number, unit: string): Date {
  const d = new Date(ref.getTime());
  if (unit === 'day') d.setDate(d.getDate() + n);
  else if (unit === 'week') d.setDate(d.getDate() + 7 * n);
  else if (unit === 'month') d.setMonth(d.getMonth() + n);
  else d.setFullYear(d.getFullYear() + n);
  return d;
}

function relativePrecision(text: string): DateMention['precision'] {
  if (/\byears?\b/i.test(text)) return 'year';
  if (/\bmonths?\b/i.test(text)) return 'month';
  return 'day';
}

/** "O.C.G.A. 9-11-35", "§ 8-3-21", "K.R.S. 342.315": a statute's section number, not a date. */
export const STATUTE_BEFORE = /(?:§§?|\b(?:O\.C\.G\.A|K\.R\.S|R\.S|Stat|Ann|Sec)\.|\b(?:Section|ORS|RCW|MCL|OCGA|KRS)\b)\s*$/i;
const SCORE_RANGE = /^\d{1,2}(?:\.\d)?\s*[-–]\s*\d{0,2}(?:\.\d)?\s*\/\s*(?:10|5|4|100)$/;
/** "over the next year", "for the coming months": how long, not when. */
const DURATION_BEFORE_NEXT = /\b(?:over|for|during|throughout)\s+(?:the\s+)?$/i;

/** A bare "7/10" or "5/5" is a score unless a date word comes just before it. */
function looksLikeScore(text: string, start: number, match: string): boolean {
  if (SCORE_RANGE.test(match)) return true; // "pain 4-5/10", "strength 4-/5": a range on a scale
  if (!/^\d{1,2}\/\d{1,2}$/.test(match)) return false;
  const prev = text[start - 1];
  if (prev && /[A-Za-z0-9/+\-.]/.test(prev)) return true; // L4/5, 2+/4, 120/80
  if (text[start + match.length] === '/' ) return false; // 3/2/24 handled by chrono as a whole
  const before = text.slice(Math.max(0, start - 24), start);
  if (DATE_CUE_BEFORE.test(before)) return false;
  // Scores sit on small scales (x/3, x/4, x/5, x/10) after a score word; "07/25" or "3/14" can only be a month/day.
  const [a, b] = match.split('/').map(Number);
  const onScale = b === 3 || b === 4 || b === 5 || b === 10 || a > b;
  const countFollows = /^\s*(?:visits?|sessions?|treatments?|appointments?|days?|weeks?|trials?|reps?|used|authori[sz]ed|approved|remaining|completed)\b/i.test(text.slice(start + match.length));
  // "Visit 12/18", "session #10/12": a count of authorised visits, not December 18.
  if (/\b(?:visit|visits|session|sessions|treatment|tx|appt|#)\s*#?\s*$/i.test(before)) return true;
  if (!onScale && a >= 1 && a <= 12 && b >= 1 && b <= 31 && !SCORE_WORD_BEFORE.test(before) && !countFollows) return false;
  return true;
}
/** Words that put a following N/N on a scale ("pain 6/10", "grip 4/5", "reflexes 2/4") or make it a page ("P. 1/8"). */
const SCORE_WORD_BEFORE = /\b(?:p|pp|pg|page|sheet)\.?\s*$|\b(?:pain|vas|nrs|scale|rated?|rates|strength|grip|mmt|grade|graded|reflex(?:es)?|dtrs?|power|score|level|severity)\b[^.;]{0,12}$/i;

/** Dates in one sentence or line; `reference` (ISO) anchors relative expressions. Scores such as 7/10 and BP 120/80 are not dates. */
export function findDates(text: string, reference?: string): DateMention[] {
  const key = `${reference ?? ''}\u0000${text}`;
  let hit = memo.get(key);
  if (!hit) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    hit = Object.freeze(parseDates(text, reference)) as DateMention[];
    memo.set(key, hit);
  }
  return hit;
}
/** chrono is the slowest step: a sentence repeated in a long record under the same visit date is parsed once. */
const memo = new Map<string, DateMention[]>();
const MEMO_LIMIT = 20000;
/**
 * Which spans chrono finds depends on the words, not on the reference date; what they resolve to depends on it only
 * for partial or relative dates. A line repeated under many visit dates whose chrono results are all written full
 * dates ("DOS 03/14/2024", "March 3, 2023"), or none at all ("over the last 2 visits"), is parsed once.
 */
const FULL_DATE = /^(?:\d{1,2}[/\-.]\d{1,2}[/\-.]\d{2,4}|\d{4}-\d{2}-\d{2}|[A-Za-z]+\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4})$/;
const referenceFree = new Map<string, chrono.ParsedResult[]>();
function chronoParse(text: string, ref: Date | undefined): chrono.ParsedResult[] {
  const known = referenceFree.get(text);
  if (known) return known;
  const parsed = chrono.casual.parse(text, ref ?? new Date(), { forwardDate: false });
  if (parsed.every((r) => FULL_DATE.test(r.text))) {
    if (referenceFree.size >= MEMO_LIMIT) referenceFree.clear();
    referenceFree.set(text, parsed);
  }
  return parsed;
}

function parseDates(text: string, reference?: string): DateMention[] {
  const ref = parseIso(reference);
  const out: DateMention[] = [];
  const taken = (s: number, e: number) => out.some((d) => s < d.end && e > d.start);

  if (ref) {
    for (const m of text.matchAll(RANGE)) {
      const d = addUnits(ref, +m[2], m[4].toLowerCase());
      const start = m.index ?? 0;
      out.push({ start, end: start + m[0].length, date: iso(d.getFullYear(), d.getMonth() + 1, d.getDate()), relative: true, precision: relativePrecision(m[0]) });
    }
  }

  const worthParsing = EXPLICIT_CUE.test(text) || (ref !== undefined && RELATIVE_CUE.test(text));
  const parsed = worthParsing ? chronoParse(text, ref) : [];
  // A year-less date shares the year of a full date joined to it ("MBBs 02/14 and 03/01/2023"); in a dated row
  // ("07/21/23 27 … had neck injection 07/18") the row's date anchors it before the visit's.
  const fullDates = parsed.filter((r) => r.start.isCertain('year') && r.start.isCertain('day') && NUMERIC_DATE.test(r.text));
  const anchorOf = (r: chrono.ParsedResult): Date | undefined => {
    const end = r.index + r.text.length;
    const joined = fullDates.find((f) => f.index >= end && /^\s*(?:,|&|and|to|through|thru|-|–)\s*$/i.test(text.slice(end, f.index)));
    const row = fullDates.find((f) => f.index < r.index && !text.slice(0, f.index).trim());
    const f = joined ?? row;
    return f && new Date(f.start.get('year')!, f.start.get('month')! - 1, f.start.get('day')!, 12);
  };
  for (const r of parsed) {
    const start = r.index;
    const end = r.index + r.text.length;
    if (taken(start, end)) continue;
    if (looksLikeScore(text, start, r.text)) continue;
    if (STATUTE_BEFORE.test(text.slice(Math.max(0, start - 24), start))) continue;
    const explicit = MONTH_NAME.test(r.text) || NUMERIC_DATE.test(r.text) || /\b(19|20)\d{2}\b/.test(r.text);
    if (!explicit && !ref) continue; // a relative expression needs a reference
    if (/^\d{1,2}(:\d{2})?\s*(am|pm)?$/i.test(r.text.trim())) continue; // a bare time or number
    if (!explicit && DURATION_BEFORE_NEXT.test(text.slice(Math.max(0, start - 20), start) + (/^the\s/i.test(r.text) ? 'the ' : ''))) continue;
    // "Desert Sun day program", "Wed 3/5" aside: a bare weekday abbreviation is a name's word more often than a day.
    if (!explicit && WEEKDAY_ABBREVIATION.test(r.text.trim())) continue;
    // "3 days/week", "2 days a week": a frequency, not a date three days back.
    if (!explicit && FREQUENCY_AFTER.test(text.slice(end, end + 10))) continue;
    if (!explicit && !/\b(?:ago|past|last|prior|previous|yesterday|today|tomorrow|next)\b/i.test(r.text)) {
      if (/^(?:for|over)\b/i.test(r.text) || DURATION_CUE.test(text.slice(Math.max(0, start - 16), start))) continue;
      if (EVENT_ANCHORED.test(r.text) || EVENT_ANCHORED.test(text.slice(end, end + 12).replace(/^\s*(\S+).*$/s, '$1'))) continue;
    }
    const c = r.start;
    let year = c.get('year') ?? 0;
    const month = c.get('month') ?? 1;
    const day = c.get('day') ?? 1;
    if (explicit && !c.isCertain('year')) {
      const own = anchorOf(r);
      const anchor = own ?? ref;
      if (!anchor) continue; // "3/2" with nothing to anchor the year
      if (own) year = anchor.getFullYear();
      const candidate = new Date(year, month - 1, day, 12);
      if (candidate > anchor && (own || (PAST_TENSE.test(text) && !FUTURE.test(text)))) year -= 1;
    }
    const precision: DateMention['precision'] = explicit
      ? (c.isCertain('day') ? 'day' : c.isCertain('month') ? 'month' : 'year')
      : relativePrecision(r.text);
    out.push({ start, end, date: iso(year, month, day), relative: !explicit, precision });
  }

  for (const m of text.matchAll(BARE_YEAR)) {
    const start = (m.index ?? 0) + m[0].length - m[2].length;
    const end = start + m[2].length;
    if (taken(start, end)) continue;
    out.push({ start, end, date: `${m[2]}-01-01`, relative: false, precision: 'year' });
  }
  return out.sort((a, b) => a.start - b.start);
}
