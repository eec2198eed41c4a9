/**
 * A reviewer's corrections, applied to what the records yielded. Corrections are anchored to the quoted words
 * (file, quote, fact type and what the fact is about), not to ids or offsets alone, so they survive re-analysis
 * and new uploads; one whose words are gone is kept and reported as unmatched.
 */
import { z } from 'zod';
import { analyzeCase, type AnalysisInput } from '../analyze/index.js';
import { FactSchema, type CaseAnalysis, type CorrectionNote, type Evidence, type Fact } from '../model/index.js';
import type { StoredCorrection } from '../store/corrections.js';

const MMI_STATUS = z.enum(['explicit', 'implied', 'not_reached', 'insufficient_evidence']);
const ISO_DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const FACT_TYPES = ['treatment', 'outcome_measure', 'objective_finding', 'limitation', 'plan_signal', 'mmi_statement', 'work_status', 'prognosis'] as const;

/** A fact's anchor: where it was read and what it is about. */
export const FactAnchorSchema = z.object({ file: z.string(), quote: z.string(), type: z.string(), key: z.string() });
export type FactAnchor = z.infer<typeof FactAnchorSchema>;

export const NewCorrectionSchema = z.union([
  z.object({
    target: z.literal('fact'),
    action: z.enum(['accept', 'reject', 'edit']),
    anchor: z.object({ factId: z.string() }),
    payload: z.object({ date: ISO_DATE.optional(), attributes: z.record(z.string(), z.unknown()).optional() }).optional(),
    reason: z.string().max(2000).optional(),
  }),
  z.object({
    target: z.literal('fact'),
    action: z.literal('add'),
    anchor: z.object({ file: z.string(), start: z.number().int().min(0), end: z.number().int().min(1) }),
    payload: z.object({ type: z.enum(FACT_TYPES), attributes: z.record(z.string(), z.unknown()), date: ISO_DATE.optional() }),
    reason: z.string().max(2000).optional(),
  }),
  z.object({
    target: z.literal('gap'),
    action: z.enum(['dismiss', 'requested', 'received']),
    anchor: z.object({ ruleId: z.string(), title: z.string(), to: z.string() }),
    reason: z.string().max(2000).optional(),
  }),
  z.object({
    target: z.literal('verdict'),
    action: z.literal('verdict'),
    payload: z.object({ status: MMI_STATUS, date: ISO_DATE.optional() }),
    reason: z.string().min(3).max(2000),
  }),
]);
export type NewCorrection = z.infer<typeof NewCorrectionSchema>;


/** What a fact is about, in one word: the modality, activity, instrument, finding or signal. */
function aboutOf(f: Fact): string {
  const a = f.attributes as Record<string, unknown>;
  return String(a.modality ?? a.activity ?? a.instrument ?? a.finding ?? a.signal ?? a.kind ?? a.status ?? '');
}

export function factAnchor(f: Fact): FactAnchor {
  const e = f.evidence[0];
  return { file: e.file, quote: e.quote, type: f.type, key: aboutOf(f) };
}

function matches(f: Fact, a: FactAnchor): boolean {
  const e = f.evidence[0];
  return e.file === a.file && e.quote === a.quote && f.type === a.type && aboutOf(f) === a.key;
}

export class CorrectionError extends Error {}

/** The page that holds `offset`, from a document's page offsets. */
function pageAt(pages: { n: number; start: number; end: number }[], offset: number): number {
  return (pages.find((p) => offset >= p.start && offset < p.end) ?? pages[pages.length - 1])?.n ?? 1;
}

/**
 * Resolve a new correction against the current analysis input and the document texts: a fact id becomes its
 * anchor (and an edit is checked against the fact schema now, not at the next recomputation); selected text
 * becomes evidence with its quote and page.
 */
export function resolveCorrection(c: NewCorrection, input: AnalysisInput | undefined, texts: Map<string, { text: string; pages: { n: number; start: number; end: number }[] }>): { anchor: Record<string, unknown>; payload: Record<string, unknown> } {
  if (c.target === 'fact' && c.action !== 'add') {
    const fact = input?.facts.find((f) => f.id === c.anchor.factId);
    if (!fact) throw new CorrectionError(`no fact ${c.anchor.factId} in the current analysis`);
    if (c.action === 'edit') {
      if (!c.payload?.date && !c.payload?.attributes) throw new CorrectionError('an edit needs a date or attributes');
      const edited = editFact(fact, c.payload);
      if (!edited.success) throw new CorrectionError(`the edited fact is not valid: ${edited.error.issues[0]?.path.join('.')} ${edited.error.issues[0]?.message}`);
    }
    return { anchor: factAnchor(fact), payload: c.payload ?? {} };
  }
  if (c.target === 'fact') {
    const doc = texts.get(c.anchor.file);
    if (!doc) throw new CorrectionError(`no document ${c.anchor.file} in this case`);
    const { start, end } = c.anchor;
    if (end <= start || end > doc.text.length || end - start > 2000) throw new CorrectionError('the selection must be 1 to 2,000 characters of the document');
    const evidence: Evidence = { file: c.anchor.file, page: pageAt(doc.pages, start), start, end, quote: doc.text.slice(start, end) };
    const probe = addedFact(0, evidence, c.payload, input);
    if (!probe.success) throw new CorrectionError(`the added fact is not valid: ${probe.error.issues[0]?.path.join('.')} ${probe.error.issues[0]?.message}`);
    return { anchor: { file: evidence.file, quote: evidence.quote }, payload: { ...c.payload, evidence } };
  }
  if (c.target === 'gap') {
    if (c.action === 'dismiss' && !c.reason?.trim()) throw new CorrectionError('dismissing a gap needs a reason');
    return { anchor: c.anchor, payload: {} };
  }
  return { anchor: {}, payload: c.payload };
}

function editFact(f: Fact, payload: { date?: string; attributes?: Record<string, unknown> }) {
  return FactSchema.safeParse({
    ...f,
    ...(payload.date ? { date: payload.date, dateSource: 'sentence' } : {}),
    attributes: { ...f.attributes, ...payload.attributes },
    review: 'edited',
  });
}

function addedFact(id: number, evidence: Evidence, payload: { type: string; attributes: Record<string, unknown>; date?: string }, input: AnalysisInput | undefined) {
  const enc = input?.encounters.filter((e) => e.file === evidence.file && e.start <= evidence.start).at(-1)
    ?? input?.encounters.find((e) => e.file === evidence.file);
  return FactSchema.safeParse({
    id: `review-${id}`, encounterId: enc?.id ?? 'review', type: payload.type, attributes: payload.attributes,
    date: payload.date ?? enc?.date, dateSource: payload.date ? 'sentence' : enc?.date ? 'encounter' : 'none',
    negated: false, certainty: 'affirmed', temporality: 'current', experiencer: 'patient', context: [], evidence: [evidence], review: 'added',
  });
}

export function correctionSummary(c: StoredCorrection): string {
  const a = c.anchor as Record<string, string>;
  const quote = a.quote ? `“${a.quote.length > 80 ? `${a.quote.slice(0, 79)}…` : a.quote}” (${a.file})` : '';
  switch (c.target) {
    case 'fact': {
      const what = a.type ? `${a.type.replace(/_/g, ' ')}${a.key ? ` (${a.key.replace(/_/g, ' ')})` : ''}` : `${String(c.payload.type ?? 'fact').replace(/_/g, ' ')}`;
      const verb = { accept: 'Confirmed', reject: 'Rejected', edit: 'Edited', add: 'Added' }[c.action] ?? c.action;
      const edit = c.action === 'edit' ? `: ${[c.payload.date ? `date ${String(c.payload.date)}` : '', c.payload.attributes ? JSON.stringify(c.payload.attributes) : ''].filter(Boolean).join(', ')}` : '';
      return `${verb} ${what} ${quote}${edit}`.trim();
    }
    case 'gap':
      return `${{ dismiss: 'Dismissed', requested: 'Requested', received: 'Received' }[c.action] ?? c.action} gap: ${a.title} (to ${a.to})`;
    default:
      return `Verdict changed to ${String(c.payload.status).replace(/_/g, ' ')}${c.payload.date ? ` (${String(c.payload.date)})` : ''}`;
  }
}

/**
 * The case judged again on the facts as the reviewer corrected them: facts rejected, edited or added before the
 * case is judged. The costly part of a correction, so a gap or verdict correction reuses it (`withReview`).
 * `matched`: the fact corrections whose anchor was found.
 */
export function correctFacts(input: AnalysisInput, corrections: StoredCorrection[]): { analysis: CaseAnalysis; matched: Set<number> } {
  const matched = new Set<number>();
  let facts = [...input.facts];
  const reviewOf = new Map<string, 'accepted' | 'edited' | 'added'>();
  for (const c of activeOf(corrections).filter((x) => x.target === 'fact')) {
    if (c.action === 'add') {
      const f = addedFact(c.id, c.payload.evidence as Evidence, c.payload as { type: string; attributes: Record<string, unknown>; date?: string }, input);
      if (f.success) { facts.push(f.data); matched.add(c.id); reviewOf.set(f.data.id, 'added'); }
      continue;
    }
    const anchor = FactAnchorSchema.safeParse(c.anchor);
    if (!anchor.success) continue;
    const hits = facts.filter((f) => matches(f, anchor.data));
    if (!hits.length) continue;
    matched.add(c.id);
    if (c.action === 'reject') facts = facts.filter((f) => !hits.includes(f));
    else if (c.action === 'edit') {
      facts = facts.map((f) => {
        if (!hits.includes(f)) return f;
        const e = editFact(f, c.payload as { date?: string; attributes?: Record<string, unknown> });
        return e.success ? e.data : f;
      });
      for (const h of hits) reviewOf.set(h.id, 'edited');
    } else for (const h of hits) if (!reviewOf.has(h.id)) reviewOf.set(h.id, 'accepted');
  }
  const analysis = analyzeCase({ ...input, facts });
  for (const f of analysis.facts) { const r = reviewOf.get(f.id); if (r) f.review = r; }
  return { analysis, matched };
}

const activeOf = (corrections: StoredCorrection[]) => corrections.filter((c) => !c.withdrawnAt).sort((a, b) => a.id - b.id);

/**
 * The gap and verdict corrections on top of `base` (from `correctFacts`, or the stored result when no fact is
 * corrected): gaps marked, the verdict overridden (the record's reading kept beside it), every correction listed.
 * Returns a new analysis and leaves `base` as it was, so that it can be reused.
 */
export function withReview(base: CaseAnalysis, factsMatched: Set<number>, corrections: StoredCorrection[]): CaseAnalysis {
  const active = activeOf(corrections);
  const matched = new Set(factsMatched);
  const reviews = new Map<CaseAnalysis['gaps'][number], NonNullable<CaseAnalysis['gaps'][number]['review']>>();
  for (const c of active.filter((x) => x.target === 'gap')) {
    const a = c.anchor as { ruleId: string; title: string; to: string };
    const gap = base.gaps.find((g) => g.ruleId === a.ruleId && g.request.to === a.to) ?? base.gaps.find((g) => g.ruleId === a.ruleId && g.title === a.title);
    if (!gap) continue;
    matched.add(c.id);
    reviews.set(gap, { state: c.action === 'dismiss' ? 'dismissed' : c.action as 'requested' | 'received', reason: c.reason, at: c.createdAt, correctionId: c.id });
  }
  let mmi = base.mmi;
  const verdict = active.filter((x) => x.target === 'verdict').at(-1);
  if (verdict) {
    matched.add(verdict.id);
    const p = verdict.payload as { status: CaseAnalysis['mmi']['status']; date?: string };
    mmi = { ...mmi, status: p.status, date: p.date, reviewerOverride: { status: p.status, date: p.date, reason: verdict.reason ?? '', original: { status: mmi.status, date: mmi.date } } };
  }
  return {
    ...base,
    mmi,
    gaps: base.gaps.map((g) => { const review = reviews.get(g); return review ? { ...g, review } : g; }),
    corrections: active.map((c): CorrectionNote => ({
      id: c.id, target: c.target, action: c.action, summary: correctionSummary(c), reason: c.reason, createdAt: c.createdAt, matched: matched.has(c.id),
    })),
  };
}
