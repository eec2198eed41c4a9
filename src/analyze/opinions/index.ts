/**
 * SSA's review of every medical opinion on function: supportability, consistency and, for claims filed before
 * 27 March 2017, the treating-source rule; with one plain line per opinion a representative can read.
 */
import type { Evidence, OpinionReview, Opinions } from '../../model/index.js';
import { isAcceptableMedicalSource } from '../providers.js';
import type { CaseContext } from '../case-context.js';
import { isTreatingRole } from '../mmi-sources.js';
import { opinionSources, roleLabel, shortName, type OpinionKind } from './opinion-sources.js';
import { assessSupportability } from './supportability.js';
import { assessConsistency, latestLimits } from './consistency.js';
import { assessControllingWeight } from './controlling-weight.js';
import { activityWords, wordsOf } from './limit-comparison.js';
import { monthSpan } from './opinion-findings.js';
import { filedBeforeRevision, isAcceptableSourceFor, opinionRegulation } from './weighing-rule.js';

const KIND_WORDS: Record<OpinionKind, string> = {
  medical_source_statement: 'medical source statement', functional_capacity_evaluation: 'functional capacity evaluation',
  consultative_examination: 'consultative examination', state_agency_review: 'assessment', impairment_rating: 'impairment rating',
  examination_report: 'examination report', records_review: 'records review', treatment_note_restrictions: 'restrictions in treatment notes',
};

const list = (xs: string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);

function summaryLine(r: Omit<OpinionReview, 'summary' | 'evidence' | 'id'>): string {
  const period = monthSpan(r.firstDate, r.lastDate);
  const s = r.supportability;
  const support = {
    supported: `supported by own findings (${s.findings.slice(0, 3).map((f) => f.label).join(', ')})`,
    normal_only: `own examinations record only normal findings (${s.normal.map((f) => f.label).join(', ')})`,
    unsupported: 'no supporting findings found in own records',
    not_assessed: 'support not assessed (a mental opinion)',
  }[s.status];
  // Per other source: the activities it agrees on and those it differs on.
  const bySource = new Map<string, { agree: string[]; differ: string[] }>();
  for (const a of r.consistency.activities) for (const c of a.comparisons) {
    const e = bySource.get(c.source) ?? { agree: [], differ: [] };
    (c.relation === 'disagrees' ? e.differ : e.agree).push(a.activity);
    bySource.set(c.source, e);
  }
  const parts = [...bySource].flatMap(([who, e]) => [
    ...(e.agree.length ? [`consistent with ${shortName(who)} on ${list(e.agree)}`] : []),
    ...(e.differ.length ? [`inconsistent with ${shortName(who)} on ${list(e.differ)}`] : []),
  ]);
  const alone = r.consistency.activities.filter((a) => a.status === 'no_other_opinion').map((a) => a.activity);
  if (alone.length && parts.length) parts.push(`no other opinion on ${list(alone)}`);
  if (!parts.length) parts.push('no other source gives a limit on the same activities');
  if (r.consistency.findings.status === 'disagree') parts.push('other sources record only normal findings');
  const cw = r.controllingWeight ? `; ${{ qualifies: 'would qualify for controlling weight', does_not_qualify: 'does not qualify for controlling weight', not_a_treating_source: 'not a treating source' }[r.controllingWeight.status]}` : '';
  // An unnamed source is already named by its role ("the state-agency medical consultant").
  const role = r.source.includes(r.roleLabel) ? '' : `${r.roleLabel}, `;
  return `${shortName(r.source)}'s ${KIND_WORDS[r.kinds[0]]} (${role}${period}): ${support}; ${parts.join('; ')}${cw}.`;
}

function dedupe(evidence: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence.filter((e) => {
    const key = `${e.file}|${e.start}|${e.end}`;
    return !seen.has(key) && !!seen.add(key);
  });
}

/**
 * A treating acceptable medical source whose limits have no abnormal finding behind them: its author can be asked for
 * them. An examiner's or reviewer's opinion is weighed as it stands; a therapist's limits go to the physician instead
 * (gap rule opinion-from-non-acceptable-source-only).
 */
export function canBeAskedForSupport(r: OpinionReview): boolean {
  return (r.supportability.status === 'unsupported' || r.supportability.status === 'normal_only') && isTreatingRole(r.role) && r.acceptableSource !== false;
}

export function reviewOpinions(ctx: CaseContext): Opinions {
  const claim = ctx.claim;
  const sources = opinionSources(ctx);
  const ids = new Map<string, number>();
  const idOf = (source: string) => {
    const base = `opinion-${source.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
    const n = (ids.get(base) ?? 0) + 1;
    ids.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  };
  const reviews = sources.map((src): OpinionReview => {
    const stating = src.encounters.filter((e) => src.statedAt.has(e.id));
    const acceptable = stating.some((e) => isAcceptableSourceFor(e, claim)) ? true : stating.every((e) => isAcceptableMedicalSource(e) !== undefined) ? false : undefined;
    const dates = src.limits.map(ctx.dateOf).filter((d): d is string => !!d).sort();
    const limits = [...latestLimits(ctx, src)].map(([key, fs]) => ({
      activity: activityWords(key), text: wordsOf(fs), ...(ctx.dateOf(fs[0]) ? { date: ctx.dateOf(fs[0]) } : {}), evidence: fs[0].evidence.slice(0, 1),
    }));
    const specialty = /\(([^)]+)\)$/.exec(src.source)?.[1];
    const relationship = {
      visits: src.visits.length, ...(src.visits.length ? { firstVisit: src.visits[0].date, lastVisit: src.visits.at(-1)!.date } : {}),
      examined: src.role !== 'non_examining', ...(specialty ? { specialty } : {}),
    };
    const supportability = assessSupportability(ctx, src, claim);
    const consistency = assessConsistency(ctx, src, sources.filter((o) => o !== src), claim);
    const controllingWeight = filedBeforeRevision(claim) ? assessControllingWeight(src, claim, { supportability, consistency, relationship, acceptableSource: acceptable }) : undefined;
    const body = {
      source: src.source, role: src.role, roleLabel: roleLabel(src.role, src.kinds, acceptable), kinds: src.kinds,
      ...(acceptable !== undefined ? { acceptableSource: acceptable } : {}),
      ...(dates.length ? { firstDate: dates[0], lastDate: dates.at(-1) } : {}),
      relationship, limits, supportability, consistency, ...(controllingWeight ? { controllingWeight } : {}),
    };
    return {
      id: idOf(src.source),
      ...body, summary: summaryLine(body),
      evidence: dedupe([
        ...limits.flatMap((l) => l.evidence), ...supportability.findings.flatMap((f) => f.evidence), ...supportability.normal.flatMap((f) => f.evidence),
        ...consistency.activities.flatMap((a) => a.comparisons.flatMap((c) => c.evidence)), ...consistency.findings.findings.flatMap((f) => f.evidence),
      ]),
    };
  });
  return { regulation: opinionRegulation(claim), reviews };
}
