import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Fact, FactType } from '../model/index.js';
import { isAssertedFact } from '../model/index.js';
import { readCase } from '../ingest/index.js';
import { processDocument } from '../pipeline.js';

/**
 * Scores the extractor against hand-annotated real notes (MTSamples). Gold files live in
 * test/fixtures/mtsamples-gold/*.json; each names a note under ../shared/data/mtsamples-dev/
 * and lists the facts a careful reviewer extracts, each pinned to an exact anchor quote.
 *
 * A prediction matches a gold fact when it is asserted (not negated, affirmed, non-hypothetical,
 * the patient's), has the same type and key attribute, and its evidence overlaps the anchor.
 * `optional` gold facts are credited when found but never counted as misses (ambiguous calls);
 * `ignore` anchors mark text outside the annotated scope (anaesthetic agents, HEENT) where an
 * unmatched prediction is not counted as a false positive. `mustNot` lists distractors.
 */

export const GOLD_TYPES = [
  'treatment', 'outcome_measure', 'objective_finding', 'limitation', 'work_status', 'prognosis',
  'plan_signal', 'mmi_statement', 'impairment_rating', 'diagnosis', 'benefit',
] as const satisfies readonly FactType[];
export type GoldType = (typeof GOLD_TYPES)[number];

export interface GoldFact {
  type: GoldType;
  anchor: string;
  /** 1-based occurrence of the anchor when it is not unique (default 1). */
  occurrence?: number;
  optional?: boolean;
  /** Past-tense fact (treatment history): a 'historical' temporality is right, not required. */
  historical?: boolean;
  modality?: string[];
  /** Treatment: one status (compared by group); work_status: accepted statuses. */
  status?: string | string[];
  instrument?: string[];
  value?: number | number[];
  keywords?: string[];
  category?: 'imaging' | 'electrodiagnostic' | 'exam';
  abnormal?: boolean;
  activity?: string[];
  signal?: string[];
  outlook?: string[];
  kind?: string[];
  percent?: number;
}
export interface Distractor extends GoldFact {
  why: 'negated' | 'hypothetical' | 'historical' | 'family' | 'possible' | 'goal';
}
export interface GoldNote {
  note: string;
  facts: GoldFact[];
  mustNot: Distractor[];
  ignore: string[];
}

export interface Span { start: number; end: number }
export interface Located<T> { item: T; span: Span }

export function loadGold(dir: string): GoldNote[] {
  return readdirSync(dir).filter((n) => n.endsWith('.json')).sort()
    .map((n) => JSON.parse(readFileSync(path.join(dir, n), 'utf8')) as GoldNote);
}

/** The span of the n-th occurrence of `anchor` in `text`; throws so a stale gold file fails loudly. */
export function locate(text: string, anchor: string, occurrence = 1): Span {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(anchor, at + 1);
    if (at < 0) throw new Error(`anchor not found (occurrence ${occurrence}): ${JSON.stringify(anchor)}`);
  }
  return { start: at, end: at + anchor.length };
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
const factOverlaps = (f: Fact, s: Span): boolean => f.evidence.some((e) => overlaps(e, s));

/** Treatment statuses that mean the same thing for a reader of the timeline. */
function statusGroup(s: string): string {
  if (s === 'declined') return 'declined';
  if (s === 'planned' || s === 'recommended' || s === 'denied') return 'proposed';
  return 'done';
}

const norm = (s: string): string => s.toLowerCase().replace(/_/g, ' ');
const hasKeyword = (text: string, keywords: string[] | undefined): boolean =>
  !keywords || keywords.some((k) => norm(text).includes(norm(k)));
const inList = (v: string | undefined, list: string[] | undefined): boolean => !list || (v !== undefined && list.includes(v));

/** Same type and key attributes (span not considered). */
export function attributesMatch(g: GoldFact, f: Fact): boolean {
  if (f.type !== g.type) return false;
  switch (f.type) {
    case 'treatment':
      return inList(f.attributes.modality, g.modality)
        && (!g.status || [g.status].flat().some((s) => statusGroup(s) === statusGroup(f.attributes.status)));
    case 'outcome_measure': {
      // A 0–10 VAS and an NRS are the same reading for scoring.
      const ins = f.attributes.instrument === 'VAS' && (f.attributes.max ?? 10) <= 10 ? 'NRS' : f.attributes.instrument;
      const values = g.value === undefined ? undefined : Array.isArray(g.value) ? g.value : [g.value];
      return (inList(ins, g.instrument) || inList(f.attributes.instrument, g.instrument))
        && (!values || values.includes(f.attributes.value));
    }
    case 'objective_finding':
      return (!g.category || g.category === f.attributes.category)
        && (g.abnormal === undefined || g.abnormal === f.attributes.abnormal)
        && hasKeyword(`${f.attributes.finding} ${f.attributes.label}`, g.keywords);
    case 'limitation': return inList(f.attributes.activity, g.activity);
    case 'work_status': return !g.status || [g.status].flat().includes(f.attributes.status);
    case 'prognosis': return inList(f.attributes.outlook, g.outlook);
    case 'plan_signal': return inList(f.attributes.signal, g.signal);
    case 'mmi_statement': return inList(f.attributes.kind, g.kind);
    case 'impairment_rating': return g.percent === undefined || g.percent === f.attributes.percent;
    case 'diagnosis': return hasKeyword(`${f.attributes.name} ${f.attributes.code ?? ''}`, g.keywords);
    case 'benefit': return true;
  }
}

/** A distractor is violated by an asserted prediction; for historical ones only when it is called current. */
function violates(d: Distractor, f: Fact, span: Span): boolean {
  if (!isAssertedFact(f) || !factOverlaps(f, span) || !attributesMatch(d, f)) return false;
  return d.why !== 'historical' || f.temporality === 'current';
}

export interface Counts { tp: number; fp: number; fn: number }
export interface Miss { note: string; type: string; anchor: string; want: string }
export interface FalsePositive { note: string; type: string; quote: string; got: string; reason: 'wrong_attribute' | 'unannotated' }
export interface Violation { note: string; type: string; anchor: string; why: string; got: string }
export interface NoteResult {
  note: string;
  counts: Record<string, Counts>;
  misses: Miss[];
  falsePositives: FalsePositive[];
  violations: Violation[];
  optionalFound: number;
}
export interface RealNotesScore {
  notes: NoteResult[];
  byType: Record<string, Counts & { precision: number; recall: number; f1: number }>;
  overall: Counts & { precision: number; recall: number; f1: number };
  distractors: { total: number; violated: number };
}

/** A compact description of a fact's key attributes, for reports. */
export function describe(f: Fact): string {
  const a = f.attributes as Record<string, unknown>;
  const keys = ['modality', 'status', 'instrument', 'value', 'category', 'finding', 'abnormal', 'activity', 'source', 'signal', 'outlook', 'kind', 'percent', 'name', 'percentRelief'];
  return keys.filter((k) => a[k] !== undefined).map((k) => `${k}=${String(a[k])}`).join(' ');
}

function describeGold(g: GoldFact): string {
  const skip = new Set(['type', 'anchor', 'occurrence', 'optional', 'why']);
  return Object.entries(g).filter(([k]) => !skip.has(k)).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('|') : String(v)}`).join(' ');
}

/** Scores one note's predicted facts against its gold. Pure: text and facts in, counts out. */
export function scoreNote(gold: GoldNote, text: string, facts: Fact[]): NoteResult {
  const counts: Record<string, Counts> = Object.fromEntries(GOLD_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  const goldSpans = gold.facts.map((g) => ({ item: g, span: locate(text, g.anchor, g.occurrence) }));
  const distractorSpans = gold.mustNot.map((d) => ({ item: d, span: locate(text, d.anchor, d.occurrence) }));
  const ignoreSpans = gold.ignore.map((a) => locate(text, a));
  const asserted = facts.filter((f) => isAssertedFact(f) && (GOLD_TYPES as readonly string[]).includes(f.type));
  const matches = (g: Located<GoldFact>, f: Fact): boolean =>
    factOverlaps(f, g.span) && attributesMatch(g.item, f);

  const res: NoteResult = { note: gold.note, counts, misses: [], falsePositives: [], violations: [], optionalFound: 0 };
  for (const g of goldSpans) {
    const found = asserted.some((f) => matches(g, f));
    if (found && g.item.optional) res.optionalFound++;
    else if (found) counts[g.item.type].tp++;
    else if (!g.item.optional) {
      counts[g.item.type].fn++;
      res.misses.push({ note: gold.note, type: g.item.type, anchor: g.item.anchor, want: describeGold(g.item) });
    }
  }
  for (const d of distractorSpans) {
    for (const f of facts) {
      if (violates(d.item, f, d.span)) res.violations.push({ note: gold.note, type: f.type, anchor: d.item.anchor, why: d.item.why, got: describe(f) });
    }
  }
  for (const f of asserted) {
    if (goldSpans.some((g) => matches(g, f))) continue;
    const quote = f.evidence[0]?.quote ?? '';
    const violated = distractorSpans.some((d) => violates(d.item, f, d.span));
    if (!violated && ignoreSpans.some((s) => factOverlaps(f, s))) continue;
    counts[f.type].fp++;
    const nearGold = goldSpans.some((g) => g.item.type === f.type && factOverlaps(f, g.span));
    res.falsePositives.push({ note: gold.note, type: f.type, quote, got: describe(f), reason: nearGold ? 'wrong_attribute' : 'unannotated' });
  }
  return res;
}

const ratio = (n: number, d: number): number => (d === 0 ? 0 : n / d);
function withRates(c: Counts): Counts & { precision: number; recall: number; f1: number } {
  const precision = ratio(c.tp, c.tp + c.fp);
  const recall = ratio(c.tp, c.tp + c.fn);
  return { ...c, precision, recall, f1: ratio(2 * precision * recall, precision + recall) };
}

export function aggregate(notes: NoteResult[], distractorTotal: number): RealNotesScore {
  const sum: Record<string, Counts> = Object.fromEntries(GOLD_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  for (const n of notes) for (const t of GOLD_TYPES) {
    sum[t].tp += n.counts[t].tp; sum[t].fp += n.counts[t].fp; sum[t].fn += n.counts[t].fn;
  }
  const all = Object.values(sum).reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  const violated = new Set(notes.flatMap((n) => n.violations.map((v) => `${n.note}|${v.anchor}|${v.type}`))).size;
  return {
    notes,
    byType: Object.fromEntries(Object.entries(sum).map(([t, c]) => [t, withRates(c)])),
    overall: withRates(all),
    distractors: { total: distractorTotal, violated },
  };
}

/** Reads each gold note through the real ingest + per-document pipeline path and scores it. */
export async function evaluateRealNotes(goldDir: string, notesDir: string): Promise<RealNotesScore> {
  const golds = loadGold(goldDir);
  const results: NoteResult[] = [];
  for (const gold of golds) {
    const { documents, failures } = await readCase([path.join(notesDir, gold.note)]);
    if (failures.length > 0 || documents.length !== 1) throw new Error(`${gold.note}: could not read (${failures.map((f) => f.error).join('; ')})`);
    const doc = documents[0];
    results.push(scoreNote(gold, doc.text, processDocument(doc).facts));
  }
  return aggregate(results, golds.reduce((n, g) => n + g.mustNot.length, 0));
}

/** The table and the lists the lead acts on. */
export function formatRealNotes(s: RealNotesScore): string {
  const pct = (x: number): string => (x * 100).toFixed(1).padStart(6);
  const lines = [`Real-notes benchmark: ${s.notes.length} hand-annotated MTSamples notes`, '',
    'type               gold  tp   fp   fn   precision  recall   F1'];
  for (const [t, c] of Object.entries(s.byType)) {
    if (c.tp + c.fp + c.fn === 0) continue;
    lines.push(`${t.padEnd(18)} ${String(c.tp + c.fn).padStart(4)} ${String(c.tp).padStart(3)}  ${String(c.fp).padStart(3)}  ${String(c.fn).padStart(3)}   ${pct(c.precision)}    ${pct(c.recall)}  ${pct(c.f1)}`);
  }
  const o = s.overall;
  lines.push(`${'ALL'.padEnd(18)} ${String(o.tp + o.fn).padStart(4)} ${String(o.tp).padStart(3)}  ${String(o.fp).padStart(3)}  ${String(o.fn).padStart(3)}   ${pct(o.precision)}    ${pct(o.recall)}  ${pct(o.f1)}`);
  lines.push('', `Distractors violated: ${s.distractors.violated} / ${s.distractors.total}`,
    `Optional gold facts found: ${s.notes.reduce((n, r) => n + r.optionalFound, 0)}`);
  lines.push('', '## Distractor violations');
  for (const n of s.notes) for (const v of n.violations) lines.push(`- [${v.why}] ${n.note}: ${v.type} ${v.got} at "${v.anchor}"`);
  lines.push('', '## Misses (gold not found)');
  for (const n of s.notes) for (const m of n.misses) lines.push(`- ${m.type} ${n.note}: want ${m.want} at "${m.anchor}"`);
  lines.push('', '## False positives');
  for (const n of s.notes) for (const f of n.falsePositives) lines.push(`- ${f.type} (${f.reason}) ${n.note}: ${f.got} at "${f.quote.slice(0, 120)}"`);
  return lines.join('\n');
}
