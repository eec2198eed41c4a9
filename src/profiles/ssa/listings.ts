/**
 * SSA musculoskeletal Listings 1.15 (skeletal spine disorder compromising a nerve root) and 1.16 (lumbar spinal
 * stenosis compromising the cauda equina) as a criteria checklist over the claimant's facts.
 *
 * The criteria, the fact patterns that document each one and the wording of what is missing are data:
 * lexicon/profiles/listings-musculoskeletal.json. This module only matches facts against those patterns, combines
 * the elements by the listing's logic ("1, 2, and either 3 or 4"), and applies the time rule of 1.00C7 (all the
 * relevant criteria within one consecutive 4-month period; the 12-month duration of paragraph D is separate).
 *
 * Only facts asserted about the claimant count: not negated, affirmed, current and the patient's own. "No
 * radiculopathy" never documents a criterion, and neither does past device use or a hedged recommendation.
 */
import { z } from 'zod';
import type { Evidence, Fact } from '../../model/index.js';
import { readLexiconFile } from '../../knowledge/lexicon.js';
import { modalityWords } from '../../model/modalities.js';

export type ListingId = '1.15' | '1.16';

export interface ListingCriterion {
  /** The listing's own letter/number ("A", "B2", "D-duration", "B3-or-B4" for "either 3 or 4"). */
  id: string;
  /** The criterion paraphrased closely from the listing, with its paragraph ("(1.15B2)"). */
  text: string;
  status: 'documented' | 'missing';
  /** Quotes of the facts that document it (for a group, of its documented elements), in record order. */
  evidence: Evidence[];
}

export interface ListingResult {
  listing: ListingId;
  title: string;
  /** Every criterion and element, parents before their elements. */
  criteria: ListingCriterion[];
  /**
   * 1.00C7: whether the criteria appear within one consecutive 4-month period, and the dates of the first such
   * window's findings. Present once every criterion is documented somewhere in the record.
   */
  withinFourMonths?: { met: boolean; window?: [string, string] };
  /** Every criterion documented, within the time rule. */
  met: boolean;
  /** What is missing, worded as a request to the treating physician. Empty when met. */
  missing: string[];
}

// ---------------------------------------------------------------------------------------------------------------
// The data file

const FACT_TYPES = ['treatment', 'outcome_measure', 'benefit', 'objective_finding', 'limitation', 'work_status', 'prognosis',
  'plan_signal', 'mmi_statement', 'impairment_rating', 'diagnosis'] as const;

const PatternSchema = z.object({
  type: z.enum([...FACT_TYPES, 'record_span']),
  label: z.string().optional(),
  findings: z.array(z.string()).optional(),
  categories: z.array(z.enum(['imaging', 'electrodiagnostic', 'exam'])).optional(),
  modality: z.string().optional(),
  subtypes: z.array(z.string()).optional(),
  statuses: z.array(z.string()).optional(),
  sides: z.array(z.enum(['left', 'right', 'bilateral'])).optional(),
  activities: z.array(z.string()).optional(),
  sources: z.array(z.enum(['provider', 'patient'])).optional(),
  instruments: z.array(z.string()).optional(),
  belowMax: z.boolean().optional(),
  outlooks: z.array(z.string()).optional(),
  kinds: z.array(z.string()).optional(),
  phrases: z.array(z.string()).optional(),
  requires: z.array(z.string()).optional(),
  excludes: z.array(z.string()).optional(),
  levelExcludes: z.string().optional(),
  /** Hints only: match what the record denies (negated facts) or reports as past (historical facts). */
  negated: z.boolean().optional(),
  temporality: z.enum(['historical']).optional(),
  /** record_span: facts of these elements dated at least `months` apart. */
  months: z.number().optional(),
  of: z.array(z.string()).optional(),
}).strict();
export type ListingPattern = z.infer<typeof PatternSchema>;

const HintSchema = z.object({ when: z.array(PatternSchema).min(1), say: z.string() }).strict();

export interface CriterionNode {
  id: string;
  text: string;
  reference: string;
  logic?: 'all' | 'any';
  elements?: CriterionNode[];
  documentedBy?: ListingPattern[];
  missing?: string;
  hints?: z.infer<typeof HintSchema>[];
  /** False for the 12-month duration, which is not a finding placed in the 4-month window. */
  timed?: boolean;
  note?: string;
  unverified?: string;
}

const NodeSchema: z.ZodType<CriterionNode> = z.lazy(() => z.object({
  id: z.string(),
  text: z.string(),
  reference: z.string(),
  logic: z.enum(['all', 'any']).optional(),
  elements: z.array(NodeSchema).optional(),
  documentedBy: z.array(PatternSchema).optional(),
  missing: z.string().optional(),
  hints: z.array(HintSchema).optional(),
  timed: z.boolean().optional(),
  note: z.string().optional(),
  unverified: z.string().optional(),
}).strict());

const ListingSchema = z.object({
  id: z.enum(['1.15', '1.16']),
  title: z.string(),
  text: z.string(),
  reference: z.string(),
  url: z.string().url(),
  textSource: z.string(),
  criteria: z.array(NodeSchema).min(1),
});

export const ListingsFileSchema = z.object({
  $comment: z.string().optional(),
  sources: z.array(z.object({ id: z.string(), title: z.string(), url: z.string().url(), checked: z.string() })),
  timeRule: z.object({
    id: z.string(), windowMonths: z.number().int().positive(), text: z.string(), reference: z.string(), url: z.string().url(),
    notes: z.array(z.string()),
  }),
  phraseSets: z.record(z.string(), z.array(z.string())),
  proposedFindings: z.record(z.string(), z.unknown()),
  listings: z.array(ListingSchema),
});
export type ListingsFile = z.infer<typeof ListingsFileSchema>;

export const LISTINGS_FILE = 'profiles/listings-musculoskeletal.json';

let cached: ListingsFile | undefined;
/** The parsed and validated data file (lexicon/profiles/listings-musculoskeletal.json). */
export function musculoskeletalListings(): ListingsFile {
  cached ??= readLexiconFile(LISTINGS_FILE, ListingsFileSchema);
  return cached;
}

// ---------------------------------------------------------------------------------------------------------------
// Facts

/** The claimant's own, current, affirmed and not negated: the only facts that may document a criterion. */
function asserted(f: Fact): boolean {
  return !f.negated && f.certainty === 'affirmed' && f.temporality === 'current' && f.experiencer === 'patient' && !deniedInWords(f);
}

/**
 * A diagnosis item whose own words deny it ("No evidence of radiculopathy", "Lumbar strain without radiculopathy").
 * The diagnosis-list extractor reads such an item as an affirmed diagnosis named "radiculopathy": the negation
 * sits inside the item's span, so the context engine does not apply it. Checked here so it never documents 1.15A.
 */
const DENIAL = /\b(?:no|not|without|negative for|denies|denied|absence of|free of|ruled out|rules out|r\/o)\s+(?:(?:evidence|signs?|findings?|history|symptoms?)\s+(?:of|for)\s+)?(?:[a-z-]+\s+){0,3}?$/i;
function deniedInWords(f: Fact): boolean {
  if (f.type !== 'diagnosis') return false;
  const words = f.attributes.name.toLowerCase().split(/[^a-z]+/).filter((w) => w.length >= 5);
  return f.evidence.some((e) => {
    const q = e.quote.toLowerCase();
    return words.some((w) => { const at = q.indexOf(w); return at >= 0 && DENIAL.test(q.slice(0, at)); });
  });
}

/** The words a pattern's text conditions are matched on: the quotes plus the name or text the fact carries. */
function wordsOf(f: Fact): string {
  const extra = f.type === 'diagnosis' ? f.attributes.name
    : f.type === 'limitation' ? f.attributes.text
      : f.type === 'prognosis' ? f.attributes.text : '';
  return [...f.evidence.map((e) => e.quote), extra].join(' \n ');
}

function labelOf(f: Fact): string {
  switch (f.type) {
    case 'objective_finding': return f.attributes.label;
    case 'diagnosis': return f.attributes.name;
    case 'treatment': return f.attributes.subtype ?? modalityWords(f.attributes.modality);
    case 'limitation': return f.attributes.activity.replace(/_/g, ' ');
    default: return f.type.replace(/_/g, ' ');
  }
}

/**
 * The date a fact counts from. An imaging finding written after the study's line ("MRI lumbar spine 02/20/2024:
 * L4-5 disc herniation…") is dated by the extractor to the note; it counts from the study date when the study
 * fact ends right before it in the same note.
 */
function effectiveDates(facts: Fact[]): Map<Fact, string | undefined> {
  const out = new Map<Fact, string | undefined>();
  const studies = facts.filter((f) => f.type === 'treatment' && f.attributes.modality === 'imaging_study' && f.dateSource === 'sentence' && f.date);
  for (const f of facts) {
    let date = f.date;
    if (f.type === 'objective_finding' && f.attributes.category === 'imaging' && f.dateSource !== 'sentence') {
      const ev = f.evidence[0];
      const study = studies.find((s) => {
        const se = s.evidence[0];
        return s.encounterId === f.encounterId && se.file === ev.file && se.end <= ev.start && ev.start - se.end <= 3;
      });
      if (study) date = study.date;
    }
    out.set(f, date);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Patterns

class Matcher {
  private cache = new Map<string, RegExp>();
  constructor(private phraseSets: Record<string, string[]>) {}

  regex(phrase: string): RegExp {
    let re = this.cache.get(phrase);
    if (!re) {
      const alts = phrase.startsWith('@') ? this.phraseSets[phrase.slice(1)] : [phrase];
      if (!alts) throw new Error(`${LISTINGS_FILE}: unknown phrase set ${phrase}`);
      re = new RegExp(`(?<![A-Za-z0-9])(?:${alts.join('|')})(?![A-Za-z0-9])`, 'i');
      this.cache.set(phrase, re);
    }
    return re;
  }

  /** Whether one fact fits a pattern's type, attributes and text conditions (its context is checked by the caller). */
  fits(p: ListingPattern, f: Fact): boolean {
    if (p.type !== f.type) return false;
    switch (f.type) {
      case 'objective_finding': {
        const a = f.attributes;
        if (p.findings && !p.findings.includes(a.finding)) return false;
        if (p.categories && !p.categories.includes(a.category)) return false;
        if (p.levelExcludes && a.level && new RegExp(p.levelExcludes, 'i').test(a.level)) return false;
        break;
      }
      case 'treatment': {
        const a = f.attributes;
        if (p.modality && a.modality !== p.modality) return false;
        if (p.subtypes && !p.subtypes.includes(a.subtype ?? '')) return false;
        if (p.statuses && !p.statuses.includes(a.status)) return false;
        if (p.sides && !p.sides.includes(a.side as 'left')) return false;
        break;
      }
      case 'limitation': {
        const a = f.attributes;
        if (p.activities && !p.activities.includes(a.activity)) return false;
        if (p.sources && !p.sources.includes(a.source)) return false;
        break;
      }
      case 'outcome_measure': {
        const a = f.attributes;
        if (p.instruments && !p.instruments.includes(a.instrument)) return false;
        if (p.belowMax && !(a.value < (a.max ?? 5))) return false;
        break;
      }
      case 'prognosis':
        if (p.outlooks && !p.outlooks.includes(f.attributes.outlook)) return false;
        break;
      case 'mmi_statement':
        if (p.kinds && !p.kinds.includes(f.attributes.kind)) return false;
        break;
      default:
        break;
    }
    const words = wordsOf(f);
    if (p.phrases && !p.phrases.some((ph) => this.regex(ph).test(words))) return false;
    if (p.requires && !p.requires.every((ph) => this.regex(ph).test(words))) return false;
    if (p.excludes && p.excludes.some((ph) => this.regex(ph).test(words))) return false;
    return true;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Evaluation

interface Evaluated { documented: boolean; facts: Fact[]; timedFacts: Fact[] }
type DateFilter = (f: Fact) => boolean;

function walk(nodes: CriterionNode[], visit: (n: CriterionNode) => void): void {
  for (const n of nodes) { visit(n); if (n.elements) walk(n.elements, visit); }
}

function unique<T>(xs: T[]): T[] { return [...new Set(xs)]; }

function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate();
  t.setUTCDate(Math.min(d, last));
  return t.toISOString().slice(0, 10);
}

class ListingEvaluation {
  /** Facts documenting each leaf, before any time window. */
  private leafFacts = new Map<string, Fact[]>();
  private assertedSet: Set<Fact>;

  constructor(
    private listing: z.infer<typeof ListingSchema>,
    private matcher: Matcher,
    private facts: Fact[],
    private assertedFacts: Fact[],
    private dates: Map<Fact, string | undefined>,
  ) {
    this.assertedSet = new Set(assertedFacts);
    const spans: CriterionNode[] = [];
    walk(listing.criteria, (n) => {
      if (!n.documentedBy) return;
      if (n.documentedBy.some((p) => p.type === 'record_span')) spans.push(n);
      this.leafFacts.set(n.id, this.assertedFacts.filter((f) => n.documentedBy!.some((p) => p.type !== 'record_span' && this.matcher.fits(p, f))));
    });
    for (const n of spans) {
      const found = [...this.leafFacts.get(n.id)!];
      for (const p of n.documentedBy!.filter((q) => q.type === 'record_span')) found.push(...this.span(p));
      this.leafFacts.set(n.id, unique(found));
    }
  }

  /** record_span: the earliest and latest dated facts of the named elements, when at least `months` apart. */
  private span(p: ListingPattern): Fact[] {
    const dated = unique((p.of ?? []).flatMap((id) => this.leafFacts.get(id) ?? []))
      .filter((f) => this.dates.get(f))
      .sort((a, b) => this.dates.get(a)!.localeCompare(this.dates.get(b)!));
    if (dated.length < 2) return [];
    const first = dated[0], last = dated[dated.length - 1];
    return addMonths(this.dates.get(first)!, p.months ?? 12) <= this.dates.get(last)! ? [first, last] : [];
  }

  evaluate(node: CriterionNode, inWindow?: DateFilter): Evaluated {
    if (node.documentedBy) {
      const timed = node.timed !== false;
      const facts = (this.leafFacts.get(node.id) ?? []).filter((f) => !inWindow || !timed || inWindow(f));
      return { documented: facts.length > 0, facts, timedFacts: timed ? facts : [] };
    }
    const parts = (node.elements ?? []).map((e) => this.evaluate(e, inWindow));
    const documented = node.logic === 'any' ? parts.some((p) => p.documented) : parts.length > 0 && parts.every((p) => p.documented);
    const counted = node.logic === 'any' ? parts.filter((p) => p.documented) : parts;
    return { documented, facts: unique(counted.flatMap((p) => p.facts)), timedFacts: unique(counted.flatMap((p) => p.timedFacts)) };
  }

  /** The first consecutive window of `months` in which every top-level criterion is documented. */
  window(months: number): [string, string] | undefined {
    const starts = unique(this.listing.criteria.flatMap((c) => this.evaluate(c).timedFacts)
      .map((f) => this.dates.get(f)).filter((d): d is string => d !== undefined)).sort();
    for (const start of starts) {
      const end = addMonths(start, months);
      const inWindow: DateFilter = (f) => { const d = this.dates.get(f); return d !== undefined && d >= start && d < end; };
      const parts = this.listing.criteria.map((c) => this.evaluate(c, inWindow));
      if (!parts.every((p) => p.documented)) continue;
      const used = parts.flatMap((p) => p.timedFacts).map((f) => this.dates.get(f)!).sort();
      return [used[0], used[used.length - 1]];
    }
    return undefined;
  }

  datesOf(facts: Fact[]): string[] {
    return unique(facts.map((f) => this.dates.get(f)).filter((d): d is string => d !== undefined)).sort();
  }

  /** Hint sentences whose patterns match what the record does say about a missing criterion. */
  hints(node: CriterionNode, deep: boolean): string[] {
    const out: string[] = [];
    const visit = (n: CriterionNode): void => {
      for (const h of n.hints ?? []) {
        const f = this.facts.find((x) => h.when.some((p) => this.hintContext(p, x) && this.matcher.fits(p, x)));
        if (f) out.push(this.render(h.say, f));
      }
      if (deep) for (const e of n.elements ?? []) visit(e);
    };
    visit(node);
    return unique(out);
  }

  private hintContext(p: ListingPattern, f: Fact): boolean {
    if (p.negated) return (f.negated || deniedInWords(f)) && f.experiencer === 'patient';
    if (p.temporality) return !f.negated && f.temporality === p.temporality && f.experiencer === 'patient';
    return this.assertedSet.has(f);
  }

  private render(say: string, f: Fact): string {
    const quote = f.evidence[0].quote.replace(/\s+/g, ' ').trim();
    return say
      .replace(/\{date\}/g, this.dates.get(f) ?? 'an undated record')
      .replace(/\{label\}/g, labelOf(f))
      .replace(/\{quote\}/g, `"${quote.length > 90 ? `${quote.slice(0, 87)}...` : quote}"`);
  }
}

function evidenceOf(facts: Fact[]): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const f of facts) for (const e of f.evidence) {
    const key = `${e.file}\u0000${e.page}\u0000${e.start}\u0000${e.end}`;
    if (!seen.has(key)) { seen.add(key); out.push(e); }
  }
  return out;
}

/** What to ask for, for each criterion that is not documented: the request plus what the record does say. */
function missingOf(ev: ListingEvaluation, listing: ListingId, node: CriterionNode): string[] {
  if (ev.evaluate(node).documented) return [];
  const line = (n: CriterionNode, deep: boolean): string => [`${listing}${n.id}: ${n.missing ?? n.text}`, ...ev.hints(n, deep)].join(' ');
  if (node.documentedBy || node.logic === 'any') return [line(node, node.logic === 'any')];
  return (node.elements ?? []).flatMap((e) => missingOf(ev, listing, e));
}

function flatten(ev: ListingEvaluation, nodes: CriterionNode[], out: ListingCriterion[]): ListingCriterion[] {
  for (const n of nodes) {
    const r = ev.evaluate(n);
    out.push({ id: n.id, text: `${n.text} (${n.reference})`, status: r.documented ? 'documented' : 'missing', evidence: evidenceOf(r.facts) });
    if (n.elements) flatten(ev, n.elements, out);
  }
  return out;
}

/**
 * Listings 1.15 and 1.16, criterion by criterion: which are documented by the claimant's asserted facts (with the
 * quotes), which are missing (worded as a request to the treating physician), and whether all of them fall within
 * one consecutive 4-month period (1.00C7). `met` only when every criterion is documented within that period.
 */
export function listingChecklist(facts: Fact[]): ListingResult[] {
  const data = musculoskeletalListings();
  const matcher = new Matcher(data.phraseSets);
  const dates = effectiveDates(facts);
  const assertedFacts = facts.filter(asserted);
  const months = data.timeRule.windowMonths;
  return data.listings.map((listing): ListingResult => {
    const ev = new ListingEvaluation(listing, matcher, facts, assertedFacts, dates);
    const criteria = flatten(ev, listing.criteria, []);
    const top = listing.criteria.map((c) => ({ node: c, result: ev.evaluate(c) }));
    const missing = listing.criteria.flatMap((c) => missingOf(ev, listing.id, c));
    let withinFourMonths: ListingResult['withinFourMonths'];
    if (top.every((t) => t.result.documented)) {
      const window = ev.window(months);
      withinFourMonths = window ? { met: true, window } : { met: false };
      if (!window) missing.push(timeRuleMissing(ev, listing.id, top, months));
    }
    return { listing: listing.id, title: listing.title, criteria, withinFourMonths, met: missing.length === 0 && withinFourMonths?.met === true, missing };
  });
}

function timeRuleMissing(ev: ListingEvaluation, listing: ListingId, top: { node: CriterionNode; result: Evaluated }[], months: number): string {
  const parts = top.map(({ node, result }) => {
    const dates = ev.datesOf(result.timedFacts);
    if (result.timedFacts.length > 0 && dates.length === 0) return `${node.id}: undated`;
    return `${node.id}: ${dates.length > 3 ? `${dates[0]} to ${dates[dates.length - 1]}` : dates.join(', ')}`;
  });
  const ids = top.map((t) => t.node.id);
  const named = `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
  return `${listing} (1.00C7): ${named} are each documented, but not within one consecutive ${months}-month period (${parts.join('; ')}). `
    + `Please ask the treating physician for an examination that records the findings of ${named} together, within ${months} months of the imaging (or with current imaging), and that dates each finding.`;
}
