/**
 * SSA step-5 vocational analysis as data plus small pure functions:
 *  - `ageCategory`: the claimant's age category on a date, and whether the next one is within the borderline window;
 *  - `exertionalLevel`: the residual functional capacity's exertional level read from the functional floor;
 *  - `gridRule`: the medical-vocational rule ("grid rule", 20 CFR Part 404 Subpart P Appendix 2) the findings meet,
 *    or why none directs a decision, and which single finding would change the outcome.
 * The rules and levels live in lexicon/profiles/grid-rules.json and exertional-levels.json, validated here when the
 * module loads. Nothing here decides a claim: a grid rule directs a decision only when every finding matches it.
 */
import { z } from 'zod';
import type { Activity, Evidence, FloorItem } from '../../model/index.js';
import { readLexiconFile } from '../../knowledge/lexicon.js';
import { DEFAULT_PARAMS } from '../types.js';

// ---------------------------------------------------------------------------------------------------------------
// Categories and data files

export const GRID_AGES = ['younger_18_44', 'younger_45_49', 'closely_approaching_advanced_50_54', 'advanced_55_plus', 'closely_approaching_retirement_60_plus'] as const;
export type GridAge = (typeof GRID_AGES)[number];
/** Age categories of 20 CFR 404.1563; `under_18` is outside the adult rules. 60+ is reported apart from 55-59. */
export type AgeCategory = 'under_18' | GridAge;

/** The finest education categories (20 CFR 404.1564(b)); `limited_or_less` groups marginal and limited (literate). */
export const EDUCATION_LEVELS = ['illiterate', 'marginal', 'limited', 'high_school_or_more_no_direct_entry', 'high_school_or_more_direct_entry'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export type Education = EducationLevel | 'limited_or_less';

/** The finest work-experience categories (20 CFR 404.1565, 404.1568); `unskilled_or_none` groups none and unskilled. */
export const WORK_LEVELS = ['none', 'unskilled', 'skilled_or_semiskilled_not_transferable', 'skilled_or_semiskilled_transferable'] as const;
export type WorkLevel = (typeof WORK_LEVELS)[number];
export type Work = WorkLevel | 'unskilled_or_none';

const EducationSchema = z.enum([...EDUCATION_LEVELS, 'limited_or_less']);
const WorkSchema = z.enum([...WORK_LEVELS, 'unskilled_or_none']);
const GridAgeSchema = z.enum(GRID_AGES);

const CategorySchema = z.object({
  id: z.string(),
  label: z.string(),
  definition: z.string().optional(),
  cite: z.string(),
  note: z.string().optional(),
  members: z.array(z.string()).optional(),
  minYears: z.number().int().optional(),
  maxYears: z.number().int().optional(),
}).strict();

const GridRuleSchema = z.object({
  id: z.string().regex(/^20[123]\.\d\d$/),
  table: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  age: z.array(GridAgeSchema).min(1),
  education: z.array(EducationSchema).min(1),
  work: z.array(WorkSchema).min(1),
  result: z.enum(['disabled', 'not_disabled']),
  /** The table's own wording for the rule's row. */
  text: z.object({ age: z.string(), education: z.string(), work: z.string() }).strict(),
  note: z.string().optional(),
}).strict();
export type GridRuleRow = z.infer<typeof GridRuleSchema>;

const GridFileSchema = z.object({
  $comment: z.string(),
  source: z.object({ cite: z.string(), url: z.string() }).strict(),
  categories: z.object({ age: z.array(CategorySchema), education: z.array(CategorySchema), work: z.array(CategorySchema) }).strict(),
  tables: z.array(z.object({
    table: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    section: z.string(),
    rfc: z.enum(['sedentary', 'light', 'medium']),
    title: z.string(),
    checked: z.string(),
    secondaryOnly: z.boolean().optional(),
  }).strict()),
  rules: z.array(GridRuleSchema),
}).strict().superRefine((f, ctx) => {
  const seen = new Set<string>();
  for (const r of f.rules) {
    if (seen.has(r.id)) ctx.addIssue({ code: 'custom', message: `duplicate grid rule ${r.id}` });
    seen.add(r.id);
    if (Number(r.id.slice(2, 3)) !== r.table) ctx.addIssue({ code: 'custom', message: `rule ${r.id} is filed under table ${r.table}` });
  }
  const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort().join(',');
  if (ids(f.categories.age) !== [...GRID_AGES].sort().join(',')) ctx.addIssue({ code: 'custom', message: 'age categories differ from the code' });
  if (ids(f.categories.education) !== [...EDUCATION_LEVELS, 'limited_or_less'].sort().join(',')) ctx.addIssue({ code: 'custom', message: 'education categories differ from the code' });
  if (ids(f.categories.work) !== [...WORK_LEVELS, 'unskilled_or_none'].sort().join(',')) ctx.addIssue({ code: 'custom', message: 'work categories differ from the code' });
});
export type GridFile = z.infer<typeof GridFileSchema>;

const LEVEL_IDS = ['sedentary', 'light', 'medium', 'heavy', 'very_heavy'] as const;
type TableLevel = (typeof LEVEL_IDS)[number];

const LevelSchema = z.object({
  id: z.enum(LEVEL_IDS),
  table: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  occasionalLb: z.number().positive(),
  occasionalMoreThan: z.boolean().optional(),
  frequentLb: z.number().positive().nullable(),
  standWalkHours: z.object({ atMost: z.number().optional(), about: z.number().optional() }).strict().optional(),
  sitHours: z.number().optional(),
  definition: z.string(),
  standWalkNote: z.string().optional(),
  cite: z.string(),
  checked: z.string(),
}).strict();

const LevelsFileSchema = z.object({
  $comment: z.string(),
  source: z.object({ cite: z.string(), url: z.string() }).strict(),
  frequency: z.object({ occasional: z.object({ label: z.string(), cite: z.string() }), frequent: z.object({ label: z.string(), cite: z.string() }) }),
  workdayHours: z.number().positive(),
  levels: z.array(LevelSchema).length(LEVEL_IDS.length),
  betweenLevels: z.object({ note: z.string(), cite: z.string() }),
}).strict().superRefine((f, ctx) => {
  f.levels.forEach((l, i) => { if (l.id !== LEVEL_IDS[i]) ctx.addIssue({ code: 'custom', message: `levels must be listed lightest first: expected ${LEVEL_IDS[i]}, found ${l.id}` }); });
  for (let i = 1; i < f.levels.length; i++) {
    const a = f.levels[i - 1], b = f.levels[i];
    if (b.occasionalLb < a.occasionalLb || (b.occasionalLb === a.occasionalLb && !b.occasionalMoreThan)) ctx.addIssue({ code: 'custom', message: `${b.id} must lift more than ${a.id}` });
  }
});
export type ExertionalLevelsFile = z.infer<typeof LevelsFileSchema>;

/** Validate the two data files (exported so tests can feed broken copies). */
export function parseGridFile(raw: unknown): GridFile { return GridFileSchema.parse(raw); }
export function parseExertionalLevelsFile(raw: unknown): ExertionalLevelsFile { return LevelsFileSchema.parse(raw); }

export const GRID: GridFile = readLexiconFile('profiles/grid-rules.json', GridFileSchema);
export const EXERTIONAL: ExertionalLevelsFile = readLexiconFile('profiles/exertional-levels.json', LevelsFileSchema);

const label = (kind: 'age' | 'education' | 'work', id: string): string => GRID.categories[kind].find((c) => c.id === id)?.label ?? id.replace(/_/g, ' ');
/** "age 50-54 (closely approaching advanced age)". */
const agePhrase = (id: GridAge): string => {
  const c = GRID.categories.age.find((x) => x.id === id)!;
  return `age ${c.minYears}${c.maxYears === undefined ? '+' : `-${c.maxYears}`} (${c.label.replace(/\s*\(age [^)]*\)/, '')})`;
};
const membersOf = (kind: 'education' | 'work', id: string): string[] => GRID.categories[kind].find((c) => c.id === id)?.members ?? [id];
export function expandEducation(e: Education): EducationLevel[] { return membersOf('education', e) as EducationLevel[]; }
export function expandWork(w: Work): WorkLevel[] { return membersOf('work', w) as WorkLevel[]; }
const RULE_EDU = new Map(GRID.rules.map((r) => [r.id, new Set(r.education.flatMap(expandEducation))]));
const RULE_WORK = new Map(GRID.rules.map((r) => [r.id, new Set(r.work.flatMap(expandWork))]));

/** Every rule of a table that covers one fine combination of the vocational factors. */
export function rulesCovering(table: 1 | 2 | 3, age: GridAge, education: EducationLevel, work: WorkLevel): GridRuleRow[] {
  return GRID.rules.filter((r) => r.table === table && r.age.includes(age) && RULE_EDU.get(r.id)!.has(education) && RULE_WORK.get(r.id)!.has(work));
}

// ---------------------------------------------------------------------------------------------------------------
// Dates (ISO calendar dates, UTC arithmetic)

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
function parseDate(s: string, what: string): Date {
  const m = ISO_DATE.exec(s);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !d || d.getUTCMonth() !== Number(m[2]) - 1) throw new RangeError(`${what}: not an ISO date (YYYY-MM-DD): "${s}"`);
  return d;
}
const iso = (d: Date) => d.toISOString().slice(0, 10);
const DAY_MS = 86_400_000;
function addMonths(d: Date, months: number): Date {
  const y = d.getUTCFullYear(), m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), last)));
}
/** SSA: a person attains an age on the day before the birthday (POMS DI 25015.005B). Feb 29 birthdays fall on Feb 28/29. */
function attains(dob: Date, years: number): Date {
  const anniversary = new Date(Date.UTC(dob.getUTCFullYear() + years, dob.getUTCMonth(), dob.getUTCDate()));
  return new Date(anniversary.getTime() - DAY_MS);
}

// ---------------------------------------------------------------------------------------------------------------
// Age category

/**
 * The borderline-age window in months. POMS DI 25015.006B: "within a few days to a few months" of the next higher
 * age category means "a period not to exceed six months" after the date of adjudication, the date last insured (or
 * the other dates listed there). Borderline age only matters when the older category would turn a "not disabled"
 * into "disabled" (DI 25015.006C); `gridRule` says whether it does.
 */
export const BORDERLINE_MONTHS = 6;

export interface AgeResult {
  /** Completed years, attained the day before each birthday (POMS DI 25015.005B). */
  years: number;
  category: AgeCategory;
  /** The next category is reached within the borderline window after `at`. */
  borderline?: { nextCategory: GridAge; daysToNext: number; reachesOn: string };
}

/**
 * The claimant's age category on `at` (the adjudication date, or for SSDI the date last insured). `borderlineMonths`
 * (default BORDERLINE_MONTHS, POMS DI 25015.006B) sets the window for `borderline`.
 */
export function ageCategory(dob: string, at: string, opts: { borderlineMonths?: number } = {}): AgeResult {
  const birth = parseDate(dob, 'date of birth');
  const on = parseDate(at, 'age on');
  if (on < birth) throw new RangeError(`age on ${at} is before the date of birth ${dob}`);
  let years = on.getUTCFullYear() - birth.getUTCFullYear() + 1;
  while (years > 0 && attains(birth, years) > on) years--;
  const cats = GRID.categories.age;
  const cat = cats.find((c) => years >= (c.minYears ?? 0) && years <= (c.maxYears ?? Infinity));
  const category: AgeCategory = cat ? (cat.id as GridAge) : 'under_18';
  const out: AgeResult = { years, category };
  if (category === 'under_18') return out;
  const next = cats.filter((c) => (c.minYears ?? 0) > years).sort((a, b) => a.minYears! - b.minYears!)[0];
  if (next) {
    const reaches = attains(birth, next.minYears!);
    const windowEnd = addMonths(on, opts.borderlineMonths ?? BORDERLINE_MONTHS);
    if (reaches <= windowEnd) out.borderline = { nextCategory: next.id as GridAge, daysToNext: Math.round((reaches.getTime() - on.getTime()) / DAY_MS), reachesOn: iso(reaches) };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Exertional level from the functional floor

export type ExertionalLevel = 'less_than_sedentary' | TableLevel | 'undetermined';
type Rated = Exclude<ExertionalLevel, 'undetermined'>;
const ORDER: Rated[] = ['less_than_sedentary', ...LEVEL_IDS];
const rank = (l: Rated) => ORDER.indexOf(l);
const LEVEL_WORDS: Record<ExertionalLevel, string> = {
  less_than_sedentary: 'less than sedentary', sedentary: 'sedentary', light: 'light', medium: 'medium', heavy: 'heavy', very_heavy: 'very heavy', undetermined: 'undetermined',
};

export interface DecidingItem { activity: Activity; summary: string; evidence: Evidence[] }
export interface ExertionalResult {
  /** The level the floor supports; when `between` is set, the lower of the two. */
  level: ExertionalLevel;
  /** The RFC lies between two levels (SSR 83-12): no table rule directs a decision. */
  between?: [Rated, Rated];
  /** Provider-stated, current floor items that set the level. */
  deciding: DecidingItem[];
  /** Floor items not used, and why: patient-reported only, not restated recently. */
  unsupported: string[];
  /** What the floor lacks to place the RFC (or to place it firmly). */
  missing: string[];
  /** How the figures were read, conflicts, erosion of a range. */
  notes: string[];
  /** Activities with provider-stated non-exertional limits (postural, manipulative, mental): the grids are then a framework (SSR 83-14). */
  nonExertional: Activity[];
  lifting?: { occasionalLb?: number; frequentLb?: number };
  /** Standing and walking together in an 8-hour workday. */
  standWalkHours?: number;
}

export interface ExertionalOptions {
  /** The date the RFC is assessed at; with it, items last stated more than `recentMonths` before are not current. */
  asOf?: string;
  /** Default: the profiles' floorRecentMonths (12). */
  recentMonths?: number;
}

const NON_EXERTIONAL = new Set<Activity>(['reach', 'overhead_reach', 'stoop', 'bend', 'crouch', 'kneel', 'crawl', 'climb', 'balance', 'handle', 'finger', 'twist', 'use_arm', 'concentrate']);
const WORDS = (a: Activity) => a.replace(/_/g, ' ');

const NUM = String.raw`(\d+(?:\.\d+)?)`;
const WEIGHT = new RegExp(String.raw`${NUM}(?:\s*(?:-|to|–)\s*${NUM})?\s*(lbs?\b\.?|pounds?\b|#|kgs?\b|kilograms?\b)`, 'gi');
const SLASH_PAIR = new RegExp(String.raw`\b${NUM}\s*\/\s*${NUM}\s*(lbs?\b|pounds?\b|kgs?\b)`, 'i');
const OCCASIONAL = /\b(?:occasional(?:ly)?|occ\b\.?|rarely|seldom|infrequent(?:ly)?|up to (?:1\/3|one[- ]third))/i;
const FREQUENT = /\b(?:frequent(?:ly)?|freq\b\.?|repetitive(?:ly)?|constant(?:ly)?|continuous(?:ly)?|up to (?:2\/3|two[- ]thirds))/i;
const SEPARATOR = /;|,|\band\b|\bbut\b|\s\/\s|(?<=[a-z.])\/(?=\s*\d)|\.\s/i;

interface LiftReading { occasional?: number; frequent?: number }
/** Occasional and frequent lifting amounts (lb) in a floor item's words; an amount with no frequency is the most at a time. */
export function readLifting(summary: string, limit?: number, unit?: string): LiftReading | undefined {
  const toLb = (n: number, u: string) => (/^kg|^kilo/i.test(u) ? Math.round(n * 2.20462) : n);
  const pair = SLASH_PAIR.exec(summary);
  if (pair) {
    const a = toLb(Number(pair[1]), pair[3]), b = toLb(Number(pair[2]), pair[3]);
    return { occasional: Math.max(a, b), frequent: Math.min(a, b) };
  }
  const occ: number[] = [], freq: number[] = [];
  for (const seg of summary.split(SEPARATOR)) {
    const amounts = [...seg.matchAll(WEIGHT)];
    amounts.forEach((m, i) => {
      const n = toLb(Number(m[2] ?? m[1]), m[3]);
      const after = seg.slice(m.index + m[0].length, amounts[i + 1]?.index ?? seg.length);
      const before = seg.slice(i ? amounts[i - 1].index + amounts[i - 1][0].length : 0, m.index);
      const which = OCCASIONAL.test(after) ? 'o' : FREQUENT.test(after) ? 'f' : OCCASIONAL.test(before) ? 'o' : FREQUENT.test(before) ? 'f' : 'o';
      (which === 'f' ? freq : occ).push(n);
    });
  }
  if (!occ.length && !freq.length && limit !== undefined && unit && /^(?:lb|lbs|pounds?|kg)$/i.test(unit)) occ.push(toLb(limit, unit));
  if (!occ.length && !freq.length) return undefined;
  const out: LiftReading = {};
  if (occ.length) out.occasional = Math.min(...occ);
  if (freq.length) out.frequent = Math.min(...freq);
  if (out.occasional !== undefined && out.frequent !== undefined && out.frequent > out.occasional) out.frequent = out.occasional;
  return out;
}

const WORD_NUM: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, half: 0.5, 'half an': 0.5, 'half a': 0.5 };
const DURATION = new RegExp(String.raw`(\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|half an?)(?:\s*(?:-|to|–)\s*(\d+(?:\.\d+)?))?\s*(hours?\b|hrs?\b\.?|h\b|minutes?\b|mins?\b\.?)`, 'gi');
const PER_OCCASION = /\b(?:at a time|at one time|continuous(?:ly)?|without (?:a )?(?:break|rest|sitting|changing)|before (?:needing|having) to|uninterrupted|per (?:episode|occasion|interval)|stretch)\b/i;
const DAY_TOTAL = /\b(?:(?:in|during|of|out of|per|each|an?) (?:an? |the )?(?:8|eight)[- ]hours?|total|per day|a day|daily|workday|work day|in a day|of (?:8|eight)\b)/i;

interface DurationReading { hours: number; total: 'stated' | 'assumed'; combined: boolean }
/** A standing/walking/sitting total (hours in the workday) in a floor item's words; per-occasion tolerances are not totals. */
export function readDayTotal(text: string, limit?: number, unit?: string): DurationReading | { perOccasion: string } | undefined {
  // "6 of 8 hours", "2/8 hrs": the first number is the amount, the 8 the workday.
  const summary = text.replace(/\b(\d+(?:\.\d+)?)\s*(?:of|out of|\/)\s*(?:8|eight)[- ]?(?:hours?|hrs?)\b/gi, '$1 hours total');
  const combined = /\bstand/i.test(summary) && /\bwalk/i.test(summary);
  // "an 8 hour workday" frames another amount; it is not one.
  const all = [...summary.matchAll(DURATION)].filter((m) => !/^\s*(?:work\s*)?day\b|^\s*shift\b/i.test(summary.slice(m.index + m[0].length)));
  const found = all.map((m, i) => {
    const raw = m[2] ?? m[1];
    const n = WORD_NUM[raw.toLowerCase()] ?? Number(raw);
    const hours = /^m/i.test(m[3]) ? n / 60 : n;
    const after = summary.slice(m.index + m[0].length, all[i + 1]?.index ?? summary.length);
    const before = summary.slice(i ? all[i - 1].index + all[i - 1][0].length : 0, m.index);
    // The first cue after the amount decides ("30 minutes at a time, 2 hours total"); else one just before it, in its clause.
    const clause = (before.split(/[,;]/).pop() ?? '').slice(-30);
    const po = after.search(PER_OCCASION), dt = after.search(DAY_TOTAL);
    const perOccasion = po >= 0 && (dt < 0 || po < dt) || (po < 0 && dt < 0 && PER_OCCASION.test(clause));
    const total = !perOccasion && (dt >= 0 || DAY_TOTAL.test(clause));
    return { hours, minutes: /^m/i.test(m[3]), perOccasion, total, text: m[0] };
  });
  if (!found.length && limit !== undefined && unit) {
    if (/^(?:h|hr|hrs|hours?)$/i.test(unit)) found.push({ hours: limit, minutes: false, perOccasion: PER_OCCASION.test(summary), total: DAY_TOTAL.test(summary), text: `${limit} hours` });
    else if (/^min/i.test(unit)) found.push({ hours: limit / 60, minutes: true, perOccasion: true, total: DAY_TOTAL.test(summary), text: `${limit} minutes` });
  }
  const stated = found.filter((f) => f.total);
  if (stated.length) return { hours: Math.min(...stated.map((f) => f.hours)), total: 'stated', combined };
  // Hours with no cue either way are read as the day's total; minutes without "total/8-hour day" are a tolerance at a time.
  const assumed = found.filter((f) => !f.perOccasion && !f.minutes);
  if (assumed.length) return { hours: Math.min(...assumed.map((f) => f.hours)), total: 'assumed', combined };
  if (found.length) return { perOccasion: found[0].text };
  return undefined;
}

interface Constraint { lo: Rated; hi: Rated; items: FloorItem[] }

/**
 * The exertional level the functional floor supports (20 CFR 404.1567; SSR 83-10), from lifting/carrying amounts
 * (lb) and the standing/walking total (hours of an 8-hour day). Only provider-stated, current items decide;
 * patient-reported or stale ones are listed in `unsupported`. Lifting below the top weight of the next level
 * (25/10, 20 lb occasionally with under 10 frequently) and standing/walking between 2 and 6 hours lie between two
 * levels. With neither a lifting amount nor a standing/walking total the level is undetermined.
 */
export function exertionalLevel(floor: readonly FloorItem[], opts: ExertionalOptions = {}): ExertionalResult {
  const res: ExertionalResult = { level: 'undetermined', deciding: [], unsupported: [], missing: [], notes: [], nonExertional: [] };
  const months = opts.recentMonths ?? DEFAULT_PARAMS.floorRecentMonths;
  const staleBefore = opts.asOf ? iso(addMonths(parseDate(opts.asOf, 'asOf'), -months)) : undefined;
  const usable: FloorItem[] = [];
  for (const f of floor) {
    const exertional = ['lift', 'carry', 'stand', 'walk', 'sit', 'work_hours'].includes(f.activity);
    if (!exertional && !NON_EXERTIONAL.has(f.activity)) continue;
    if (!f.sources.includes('provider')) { res.unsupported.push(`${WORDS(f.activity)}: patient-reported only ("${f.summary}")`); continue; }
    if (staleBefore && f.lastDate && f.lastDate < staleBefore) { res.unsupported.push(`${WORDS(f.activity)}: last stated ${f.lastDate}, not restated in the ${months} months before ${opts.asOf} ("${f.summary}")`); continue; }
    if (!exertional) { if (!res.nonExertional.includes(f.activity)) res.nonExertional.push(f.activity); continue; }
    usable.push(f);
    for (const c of f.conflicts) res.notes.push(`${WORDS(f.activity)}: ${c.text}`);
  }
  const constraints: Constraint[] = [];

  // Lifting and carrying: the most restrictive amounts across the two.
  let occ: { n: number; item: FloorItem } | undefined, freq: { n: number; item: FloorItem } | undefined;
  for (const f of usable.filter((x) => x.activity === 'lift' || x.activity === 'carry')) {
    const r = readLifting(f.summary, f.limit, f.unit);
    if (!r) { res.notes.push(`${WORDS(f.activity)}: no amount stated ("${f.summary}"); not used`); continue; }
    if (r.occasional !== undefined && (!occ || r.occasional < occ.n)) occ = { n: r.occasional, item: f };
    if (r.frequent !== undefined && (!freq || r.frequent < freq.n)) freq = { n: r.frequent, item: f };
  }
  if (occ) {
    res.lifting = { occasionalLb: occ.n, ...(freq ? { frequentLb: freq.n } : {}) };
    const levels = EXERTIONAL.levels;
    const meets = (l: (typeof levels)[number]) => (l.occasionalMoreThan ? occ!.n > l.occasionalLb : occ!.n >= l.occasionalLb)
      && (l.frequentLb === null || freq === undefined || freq.n >= l.frequentLb);
    const full = [...levels].reverse().find(meets);
    const items = [occ.item, ...(freq && freq.item !== occ.item ? [freq.item] : [])];
    if (!full) {
      constraints.push({ lo: 'less_than_sedentary', hi: 'less_than_sedentary', items });
      res.notes.push(`lifting ${occ.n} lb at most: less than the 10 lb of sedentary work (20 CFR 404.1567(a)); SSR 96-9p: the unskilled sedentary base is eroded`);
    } else {
      const i = levels.indexOf(full);
      const next = levels[i + 1];
      const above = next && occ.n > full.occasionalLb && !full.occasionalMoreThan;
      constraints.push({ lo: full.id, hi: above ? next.id : full.id, items });
      if (above) res.notes.push(`lifting ${occ.n} lb occasionally${freq ? ` / ${freq.n} lb frequently` : ''} is more than ${LEVEL_WORDS[full.id]} (${full.occasionalLb}${full.frequentLb ? `/${full.frequentLb}` : ''} lb) but less than ${LEVEL_WORDS[next.id]} (${next.occasionalLb}/${next.frequentLb} lb): between the two (SSR 83-12)`);
      if (!freq && full.frequentLb !== null) res.missing.push(`frequent lifting amount (read as meeting ${LEVEL_WORDS[full.id]}'s ${full.frequentLb} lb)`);
    }
  } else {
    res.missing.push(freq ? 'the most lifted occasionally (only a frequent amount is stated)' : 'lifting/carrying amount (lb)');
  }

  // Standing and walking together, as a total of the workday.
  const sw = usable.filter((x) => x.activity === 'stand' || x.activity === 'walk').map((f) => ({ f, r: readDayTotal(f.summary, f.limit, f.unit) }));
  const totals = sw.filter((x): x is { f: FloorItem; r: DurationReading } => !!x.r && 'hours' in x.r);
  for (const x of sw) if (x.r && 'perOccasion' in x.r) res.notes.push(`${WORDS(x.f.activity)} ${x.r.perOccasion} at a time is a tolerance, not a workday total; a need to alternate positions is weighed with vocational evidence (SSR 83-12)`);
  for (const x of totals) if (x.r.total === 'assumed') res.notes.push(`${WORDS(x.f.activity)}: "${x.f.summary}" read as a total for the workday`);
  let swHours: number | undefined, swItems: FloorItem[] = [];
  const combined = totals.filter((x) => x.r.combined);
  if (combined.length) {
    const best = combined.reduce((a, b) => (b.r.hours < a.r.hours ? b : a));
    swHours = best.r.hours; swItems = combined.filter((x) => x.r.hours === best.r.hours).map((x) => x.f);
  } else {
    const stand = totals.filter((x) => x.f.activity === 'stand').sort((a, b) => a.r.hours - b.r.hours)[0];
    const walk = totals.filter((x) => x.f.activity === 'walk').sort((a, b) => a.r.hours - b.r.hours)[0];
    if (stand && walk) { swHours = stand.r.hours + walk.r.hours; swItems = [stand.f, walk.f]; res.notes.push(`standing ${stand.r.hours} h and walking ${walk.r.hours} h stated apart: together at most ${swHours} h`); }
    else if (stand || walk) {
      const one = (stand ?? walk)!;
      swHours = one.r.hours; swItems = [one.f];
      res.missing.push(`${one.f.activity === 'stand' ? 'walking' : 'standing'} total (the ${WORDS(one.f.activity)} limit was read as the standing/walking total)`);
    }
  }
  if (swHours !== undefined) {
    res.standWalkHours = swHours;
    const sed = EXERTIONAL.levels[0].standWalkHours?.atMost ?? 2;
    const light = EXERTIONAL.levels[1].standWalkHours?.about ?? 6;
    if (swHours <= sed) {
      constraints.push({ lo: 'sedentary', hi: 'sedentary', items: swItems });
      res.notes.push(`standing/walking ${swHours} h of 8: at most sedentary (SSR 83-10: sedentary work needs about ${sed} h, light about ${light} h)`);
      if (swHours < 1) res.notes.push('standing/walking well under 2 hours may erode the sedentary base (SSR 96-9p)');
    } else if (swHours < light) {
      constraints.push({ lo: 'sedentary', hi: 'light', items: swItems });
      res.notes.push(`standing/walking ${swHours} h of 8: more than sedentary's ${sed} h, less than the about ${light} h of light work: between the two (SSR 83-12)`);
    }
  } else if (!totals.length) {
    res.missing.push('standing/walking total in an 8-hour day');
  }

  // Sitting, and a workday shorter than 8 hours.
  const day = EXERTIONAL.workdayHours;
  const sit = usable.filter((x) => x.activity === 'sit').map((f) => ({ f, r: readDayTotal(f.summary, f.limit, f.unit) }))
    .filter((x): x is { f: FloorItem; r: DurationReading } => !!x.r && 'hours' in x.r).sort((a, b) => a.r.hours - b.r.hours)[0];
  if (sit && sit.r.hours < (EXERTIONAL.levels[0].sitHours ?? 6)) res.notes.push(`sitting ${sit.r.hours} h of 8: less than the about ${EXERTIONAL.levels[0].sitHours ?? 6} h sedentary work needs (SSR 83-10)`);
  if (sit && swHours !== undefined && sit.r.hours + swHours < day) {
    constraints.push({ lo: 'less_than_sedentary', hi: 'less_than_sedentary', items: [sit.f, ...swItems] });
    res.notes.push(`sitting ${sit.r.hours} h plus standing/walking ${swHours} h is less than an ${day}-hour workday: not work on a regular and continuing basis (SSR 96-8p)`);
  }
  for (const f of usable.filter((x) => x.activity === 'work_hours')) {
    const r = readDayTotal(f.summary, f.limit, f.unit);
    if (r && 'hours' in r && r.hours < day) {
      constraints.push({ lo: 'less_than_sedentary', hi: 'less_than_sedentary', items: [f] });
      res.notes.push(`work limited to ${r.hours} h a day: less than the ${day}-hour day of a regular and continuing basis (SSR 96-8p)`);
    }
  }

  if (!constraints.length) return res;
  const lo = constraints.map((c) => c.lo).reduce((a, b) => (rank(b) < rank(a) ? b : a));
  const hi = constraints.map((c) => c.hi).reduce((a, b) => (rank(b) < rank(a) ? b : a));
  res.level = lo;
  if (hi !== lo) res.between = [lo, hi];
  if (!occ && constraints.length) res.notes.push(`no lifting amount: ${LEVEL_WORDS[hi]} is the most the other limits allow`);
  const seen = new Set<FloorItem>();
  for (const c of constraints) {
    if (c.lo !== lo && c.hi !== hi) continue;
    for (const f of c.items) if (!seen.has(f)) { seen.add(f); res.deciding.push({ activity: f.activity, summary: f.summary, evidence: f.evidence }); }
  }
  return res;
}

// ---------------------------------------------------------------------------------------------------------------
// Grid rules

export interface GridInput {
  ageCategory?: AgeCategory | 'unknown';
  education?: Education | 'unknown';
  work?: Work | 'unknown';
  level?: ExertionalLevel;
  /** The RFC lies between these two levels (from `exertionalLevel`). */
  between?: readonly [ExertionalLevel, ExertionalLevel];
  /** Non-exertional limits (postural, manipulative, environmental, mental) narrow the occupational base. */
  nonExertional?: boolean;
  /** From `ageCategory`: the next category is within the borderline window. */
  borderline?: { nextCategory: AgeCategory; daysToNext: number };
}

export type GridDecision = 'disabled' | 'not_disabled';
export interface GridResult {
  /** The rule met, or the rule used as a framework. */
  rule?: string;
  table?: 1 | 2 | 3;
  result: GridDecision | 'framework_only' | 'no_rule';
  /** For a framework: the decision the rules point to, when they point one way. */
  indicates?: GridDecision;
  /** The findings and rules that produced the result. */
  deciding: string[];
  /** A single finding that would give the other decision, and the rule that would direct it. */
  wouldChange: string[];
  notes: string[];
}

const TABLE_OF: Partial<Record<Rated, 1 | 2 | 3>> = { sedentary: 1, light: 2, medium: 3 };
const decisionWords = (d: GridDecision) => (d === 'disabled' ? 'disabled' : 'not disabled');
const AGE_RANK: Record<GridAge, number> = { younger_18_44: 0, younger_45_49: 1, closely_approaching_advanced_50_54: 2, advanced_55_plus: 3, closely_approaching_retirement_60_plus: 4 };
/** How adverse each factor is to adjusting to other work; skills that do not transfer count as unskilled (20 CFR 404.1565; POMS DI 25025.025B). */
const EDU_RANK: Record<EducationLevel, number> = { illiterate: 4, marginal: 3, limited: 2, high_school_or_more_no_direct_entry: 1, high_school_or_more_direct_entry: 0 };
const WORK_RANK: Record<WorkLevel, number> = { none: 3, unskilled: 2, skilled_or_semiskilled_not_transferable: 2, skilled_or_semiskilled_transferable: 0 };

interface Lookup {
  kind: 'direct' | 'framework' | 'split' | 'heavy';
  rule?: GridRuleRow;
  decision?: GridDecision;
  notes: string[];
  /** For 'split': the candidate fine categories and what each gives. */
  split?: string[];
}

/** One fine combination: the rule that covers it, POMS DI 25025.025's reading, or what the neighbouring rules indicate. */
function lookupFine(table: 1 | 2 | 3, age: GridAge, e: EducationLevel, w: WorkLevel): Lookup {
  const hits = rulesCovering(table, age, e, w);
  if (hits.length) return { kind: 'direct', rule: hits[0], decision: hits[0].result, notes: [] };
  if (e === 'illiterate' && w === 'skilled_or_semiskilled_not_transferable') {
    const sub = rulesCovering(table, age, e, 'unskilled')[0];
    if (sub) return { kind: 'framework', rule: sub, decision: sub.result, notes: [`no rule covers an illiterate claimant with skilled or semiskilled work and no transferable skills; SSA treats the claimant as unskilled, so rule ${sub.id} is the framework (POMS DI 25025.025B)`] };
  }
  // A gap in the table: a rule for a profile at least as adverse in every factor that directs "not disabled", or one at most as adverse that directs "disabled", shows the way.
  const covered = GRID.rules.filter((r) => r.table === table).flatMap((r) => r.age.flatMap((a) => [...RULE_EDU.get(r.id)!].flatMap((ee) => [...RULE_WORK.get(r.id)!].map((ww) => ({ r, a, ee, ww })))));
  const worse = covered.find((c) => c.r.result === 'not_disabled' && AGE_RANK[c.a] >= AGE_RANK[age] && EDU_RANK[c.ee] >= EDU_RANK[e] && WORK_RANK[c.ww] >= WORK_RANK[w]);
  const better = covered.find((c) => c.r.result === 'disabled' && AGE_RANK[c.a] <= AGE_RANK[age] && EDU_RANK[c.ee] <= EDU_RANK[e] && WORK_RANK[c.ww] <= WORK_RANK[w]);
  const gap = table === 1 && age === 'younger_45_49' && e.startsWith('high_school') && (w === 'unskilled' || w === 'none')
    ? 'Table No. 1 has no rule for ages 45-49 with a high school education and unskilled work (POMS DI 25025.025B)'
    : `Table No. ${table} has no rule for this combination`;
  if (worse && !better) return { kind: 'framework', rule: worse.r, decision: 'not_disabled', notes: [`${gap}; rule ${worse.r.id}, for a profile at least as adverse, directs not disabled (Plateau's reading of the table)`] };
  if (better && !worse) return { kind: 'framework', rule: better.r, decision: 'disabled', notes: [`${gap}; rule ${better.r.id}, for a profile no more adverse, directs disabled (Plateau's reading of the table)`] };
  return { kind: 'framework', notes: [`${gap}; the neighbouring rules do not point one way`] };
}

/** The rule for a table level and (possibly grouped) education/work: one rule, or the split that needs a finer finding. */
function lookup(level: Rated, age: GridAge, edu: Education, work: Work): Lookup | undefined {
  if (level === 'heavy' || level === 'very_heavy') return { kind: 'heavy', decision: 'not_disabled', notes: ['204.00: a capacity for heavy or very heavy work generally supports a finding of not disabled, even with adverse age, education and work experience'] };
  const table = TABLE_OF[level];
  if (!table) return undefined;
  const parts = expandEducation(edu).flatMap((e) => expandWork(work).map((w) => ({ e, w, l: lookupFine(table, age, e, w) })));
  const first = parts[0].l;
  const same = parts.every((p) => p.l.kind === first.kind && p.l.decision === first.decision && p.l.rule?.id === first.rule?.id);
  if (same) return first;
  if (first.decision && parts.every((p) => p.l.decision === first.decision)) {
    const direct = parts.every((p) => p.l.kind === 'direct');
    const ids = [...new Set(parts.map((p) => p.l.rule?.id).filter(Boolean))].join(', ');
    return { kind: direct ? 'direct' : 'framework', rule: first.rule, decision: first.decision, notes: [...new Set(parts.flatMap((p) => p.l.notes)), `the finer categories meet different rules (${ids}), all ${direct ? 'directing' : 'pointing to'} ${decisionWords(first.decision)}`] };
  }
  return {
    kind: 'split', notes: [],
    split: parts.map((p) => `${label('education', p.e)} / ${label('work', p.w)}: ${p.l.rule ? `rule ${p.l.rule.id} ${p.l.kind === 'direct' ? 'directs' : 'indicates'} ${p.l.decision ? decisionWords(p.l.decision) : 'no decision'}` : 'no rule'}`),
  };
}

const LEVEL_HINT: Partial<Record<Rated, string>> = {
  less_than_sedentary: 'an RFC for less than the full range of sedentary work',
  sedentary: 'an RFC for sedentary work (standing/walking about 2 hours of 8, or lifting no more than 10 lb)',
  light: 'an RFC for light work (lifting 20 lb occasionally and 10 lb frequently, standing/walking about 6 hours)',
  medium: 'an RFC for medium work (lifting 50 lb occasionally and 25 lb frequently)',
  heavy: 'an RFC for heavy work',
  very_heavy: 'an RFC for very heavy work',
};

function ruleLine(l: Lookup): string {
  if (l.kind === 'heavy') return `rule 204.00 ${l.decision ? `indicates ${decisionWords(l.decision)}` : ''}`.trim();
  return l.rule ? `rule ${l.rule.id} ${l.kind === 'direct' ? 'directs' : 'indicates'} ${decisionWords(l.decision!)}` : 'no rule applies';
}

/**
 * The grid rule the vocational findings meet (20 CFR Part 404 Subpart P Appendix 2, Tables No. 1-3), or why none
 * directs a decision: 'framework_only' when the RFC lies between two levels, is less than sedentary or heavy, when
 * there are non-exertional limits (SSR 83-12, 83-14, 96-9p; 204.00), or when the table has no row for the profile;
 * 'no_rule' when a finding is unknown. `wouldChange` names single findings that would give the other decision.
 */
export function gridRule(input: GridInput): GridResult {
  const out: GridResult = { result: 'no_rule', deciding: [], wouldChange: [], notes: [] };
  const { ageCategory: age, education: edu, work } = input;
  const level: ExertionalLevel = input.level ?? 'undetermined';
  const unknown: string[] = [];
  if (!age || age === 'unknown') unknown.push('age category');
  if (!edu || edu === 'unknown') unknown.push('education');
  if (!work || work === 'unknown') unknown.push('previous work experience (and whether skills transfer)');
  if (level === 'undetermined') unknown.push('RFC exertional level');
  if (age === 'under_18') {
    out.deciding.push('age under 18: the medical-vocational guidelines apply to adults (20 CFR 404.1563)');
    return out;
  }
  if (unknown.length) {
    out.deciding.push(`unknown: ${unknown.join(', ')}`);
    // With one finding missing, say what each possible value would give.
    if (unknown.length === 1 && level !== 'undetermined' && !input.between) {
      const a = age as GridAge, e = edu as Education, w = work as Work;
      if (!age || age === 'unknown') for (const x of GRID_AGES) { const l = lookup(level, x, e, w); if (l?.decision && l.kind !== 'split') out.wouldChange.push(`${agePhrase(x)} → ${ruleLine(l)}`); }
      if (!edu || edu === 'unknown') for (const x of ['illiterate', 'limited_or_less', 'high_school_or_more_no_direct_entry', 'high_school_or_more_direct_entry'] as Education[]) { const l = lookup(level, a, x, w); if (l?.decision && l.kind !== 'split') out.wouldChange.push(`education ${label('education', x)} → ${ruleLine(l)}`); }
      if (!work || work === 'unknown') for (const x of ['unskilled_or_none', 'skilled_or_semiskilled_not_transferable', 'skilled_or_semiskilled_transferable'] as Work[]) { const l = lookup(level, a, e, x); if (l?.decision && l.kind !== 'split') out.wouldChange.push(`previous work ${label('work', x)} → ${ruleLine(l)}`); }
    }
    return out;
  }
  const a = age as GridAge, e = edu as Education, w = work as Work, lv = level as Rated;
  out.deciding.push(`age: ${label('age', a)}`, `education: ${label('education', e)}`, `previous work: ${label('work', w)}`);
  const between = input.between && input.between[0] !== input.between[1] ? (input.between as readonly [Rated, Rated]) : undefined;

  /** The outcome for one set of findings at the RFC given: a decision (directed or indicated) and the rule line, or none. */
  const outcome = (x: GridAge, ee: Education, ww: Work, at: Rated = lv): { decision: GridDecision; line: string } | undefined => {
    if (between && at === lv) {
      const lo = lookup(between[0], x, ee, ww), hi = lookup(between[1], x, ee, ww);
      if (!lo?.decision || !hi?.decision || lo.kind === 'split' || hi.kind === 'split' || lo.decision !== hi.decision) return undefined;
      return { decision: lo.decision, line: `${ruleLine(lo)} and ${ruleLine(hi)}` };
    }
    if (at === 'less_than_sedentary') {
      const sed = lookup('sedentary', x, ee, ww);
      return sed?.decision === 'disabled' && sed.kind !== 'split' ? { decision: 'disabled', line: `${ruleLine(sed)} at full sedentary` } : undefined;
    }
    const l = lookup(at, x, ee, ww);
    return l?.decision && l.kind !== 'split' ? { decision: l.decision, line: ruleLine(l) } : undefined;
  };
  const tableNote = (l?: Lookup) => { if (l?.rule?.table === 3) out.notes.push(GRID.tables.find((t) => t.table === 3)!.checked); };
  /** The decision alternatives are compared with: the outcome, or for a framework the exertional rule's decision. */
  let compareWith: GridDecision | undefined;

  if (between) {
    const [lower, higher] = between;
    const lo = lookup(lower, a, e, w), hi = lookup(higher, a, e, w);
    out.result = 'framework_only';
    out.deciding.push(`RFC between ${LEVEL_WORDS[lower]} and ${LEVEL_WORDS[higher]}: no table rule directs a decision (SSR 83-12)`);
    out.deciding.push(`at ${LEVEL_WORDS[lower]}: ${lo ? ruleLine(lo) : 'no table rule'}`, `at ${LEVEL_WORDS[higher]}: ${hi ? ruleLine(hi) : 'no table rule'}`);
    for (const l of [lo, hi]) { if (l) out.notes.push(...l.notes); tableNote(l); }
    if (lo?.decision && hi?.decision && lo.decision === hi.decision && lo.kind !== 'split' && hi.kind !== 'split') {
      out.indicates = lo.decision; compareWith = lo.decision;
      if (lo.rule) { out.rule = lo.rule.id; out.table = lo.rule.table; }
    } else {
      out.notes.push('the two rules differ: a capacity only slightly below the higher level points to the higher rule, one significantly below it to the lower, one in the middle needs vocational evidence (SSR 83-12)');
      if (lo?.decision) out.wouldChange.push(`${LEVEL_HINT[lower]} → ${ruleLine(lo)}`);
      if (hi?.decision) out.wouldChange.push(`${LEVEL_HINT[higher]} → ${ruleLine(hi)}`);
    }
    if (input.nonExertional) out.notes.push('non-exertional limits narrow the base further (SSR 83-14)');
  } else if (lv === 'less_than_sedentary') {
    out.result = 'framework_only';
    out.deciding.push('RFC for less than the full range of sedentary work: no table rule directs a decision (SSR 96-9p)');
    const sed = lookup('sedentary', a, e, w);
    if (sed?.decision === 'disabled' && sed.kind !== 'split') {
      out.indicates = 'disabled'; compareWith = 'disabled'; out.rule = sed.rule?.id; out.table = 1;
      out.deciding.push(`at full sedentary: ${ruleLine(sed)}; a narrower capacity does not make adjustment easier`);
    } else out.notes.push('under age 50, a less-than-sedentary RFC does not by itself mean disabled; the erosion of the sedentary base is weighed (201.00(h); SSR 96-9p)');
  } else {
    const l = lookup(lv, a, e, w)!;
    out.deciding.push(`RFC: ${LEVEL_WORDS[lv]}${TABLE_OF[lv] ? ` (Table No. ${TABLE_OF[lv]})` : ''}`);
    out.notes.push(...l.notes);
    tableNote(l);
    if (l.kind === 'split') {
      out.deciding.push('the finding is too coarse for this table: state which', ...l.split!);
      return out;
    }
    if (l.kind === 'heavy') {
      out.result = 'framework_only'; out.rule = '204.00'; out.indicates = 'not_disabled'; compareWith = 'not_disabled';
      out.deciding.push('rule 204.00: heavy or very heavy work');
    } else if (l.kind === 'framework') {
      out.result = 'framework_only';
      if (l.rule) { out.rule = l.rule.id; out.table = l.rule.table; }
      if (l.decision) { out.indicates = l.decision; compareWith = l.decision; }
      out.deciding.push(l.rule ? `framework: ${ruleLine(l)}` : 'no rule for this profile');
    } else {
      const rule = l.rule!, decision = l.decision!;
      out.rule = rule.id; out.table = rule.table; compareWith = decision;
      out.deciding.push(`rule ${rule.id}: ${rule.text.age} / ${rule.text.education} / ${rule.text.work} → ${decisionWords(decision)}`);
      if (rule.note) out.notes.push(`${rule.id}: ${rule.note}`);
      if (input.nonExertional) {
        out.result = 'framework_only';
        if (decision === 'disabled') {
          out.indicates = 'disabled';
          out.deciding.push('non-exertional limits too, but the exertional limits alone already meet a "disabled" rule (200.00(e)(2))');
        } else out.deciding.push('non-exertional limits too: the rule is a framework only; how far they narrow the occupational base decides (SSR 83-14; 200.00(e)(2))');
      } else out.result = decision;
    }
  }
  if (!compareWith) return out;

  // One finding at a time: the nearest change that gives the other decision.
  const other = (o: ReturnType<typeof outcome>) => (o && o.decision !== compareWith ? o : undefined);
  const ages = [...GRID_AGES];
  const ai = ages.indexOf(a);
  const older = ages.slice(ai + 1).map((x) => ({ x, o: other(outcome(x, e, w)) })).find((c) => c.o);
  const younger = ages.slice(0, ai).reverse().map((x) => ({ x, o: other(outcome(x, e, w)) })).find((c) => c.o);
  if (older) {
    const b = input.borderline;
    const near = b && b.nextCategory === older.x && compareWith === 'not_disabled'
      ? `reaching ${agePhrase(older.x)} in ${b.daysToNext} days: within the ${BORDERLINE_MONTHS}-month borderline window the older category may be used (POMS DI 25015.006)`
      : `${agePhrase(older.x)} on the date assessed (for SSDI, the date last insured)`;
    out.wouldChange.push(`${near} → ${older.o!.line}`);
  }
  if (younger) out.wouldChange.push(`${agePhrase(younger.x)} on the date assessed (for SSDI, the date last insured) → ${younger.o!.line}`);
  if (!between) {
    const levels: Rated[] = ['less_than_sedentary', 'sedentary', 'light', 'medium', 'heavy', 'very_heavy'];
    const li = levels.indexOf(lv);
    const lower = levels.slice(1, Math.max(li, 1)).reverse().map((x) => ({ x, o: other(outcome(a, e, w, x)) })).find((c) => c.o);
    const higher = levels.slice(li + 1).map((x) => ({ x, o: other(outcome(a, e, w, x)) })).find((c) => c.o);
    if (lower) out.wouldChange.push(`${LEVEL_HINT[lower.x]} → ${lower.o!.line}`);
    if (higher) out.wouldChange.push(`${LEVEL_HINT[higher.x]} → ${higher.o!.line}`);
  }
  const medium = lv === 'medium' && !between;
  const eduOptions: Education[] = medium ? [...EDUCATION_LEVELS] : ['illiterate', 'limited_or_less', 'high_school_or_more_no_direct_entry', 'high_school_or_more_direct_entry'];
  for (const x of eduOptions) {
    if (expandEducation(x).every((y) => expandEducation(e).includes(y))) continue;
    const o = other(outcome(a, x, w));
    if (o) out.wouldChange.push(`education ${label('education', x)} → ${o.line}`);
  }
  const workOptions: Work[] = medium ? [...WORK_LEVELS] : ['unskilled_or_none', 'skilled_or_semiskilled_not_transferable', 'skilled_or_semiskilled_transferable'];
  for (const x of workOptions) {
    if (expandWork(x).every((y) => expandWork(w).includes(y))) continue;
    const o = other(outcome(a, e, x));
    if (o) out.wouldChange.push(`previous work ${label('work', x)} → ${o.line}`);
  }
  return out;
}
