/**
 * The medical opinions on function in the record, one per source (SSA weighs one source's opinions together,
 * 20 CFR 404.1520c(b)(1)): every limit a provider states — a medical source statement, restrictions in treatment
 * notes, a consultative examiner's or state-agency consultant's assessment, an FCE — with the source's role, what the
 * opinion is written in, and which records are the source's own (same author, or the same practice's file).
 */
import type { Encounter, Fact, FactOf, OpinionReview } from '../../model/index.js';
import { specialtyIs } from '../../model/specialties.js';
import type { CaseContext, Visit } from '../case-context.js';
import { isTreatingRole, sourceRole, type SourceRole } from '../mmi-sources.js';
import { pushTo } from '../../util/group.js';

export type OpinionKind = OpinionReview['kinds'][number];

export interface OpinionSource {
  source: string;
  role: SourceRole;
  kinds: OpinionKind[];
  /** Provider-stated limits, date-sorted. */
  limits: FactOf<'limitation'>[];
  /** Encounters that are the source's own records: supportability looks only here. */
  own: Set<string>;
  /** Encounters where the source stated limits. */
  statedAt: Set<string>;
  visits: Visit[];
  /** The source's encounters (for the role, credential and specialty). */
  encounters: Encounter[];
}

const KIND_ORDER: OpinionKind[] = ['medical_source_statement', 'functional_capacity_evaluation', 'consultative_examination', 'state_agency_review',
  'impairment_rating', 'examination_report', 'records_review', 'treatment_note_restrictions'];

const CONSULTATIVE = /\bconsultative (?:exam\w*|evaluation)|(?<![A-Za-z])CE(?![A-Za-z])|\bDDS\b|disability determination services/i;
const STATE_AGENCY = /\bdisability determination explanation|\bstate agency\b|\bprior administrative\b|\bDDS\b|\bmedical consultant\b|\bRFC assessment\b/i;

/** Who wrote it decides first: a consultative examiner's or state-agency consultant's form is their assessment. */
function kindOf(enc: Encounter, role: SourceRole): OpinionKind {
  if (enc.kind === 'fce' || enc.specialty === 'fce') return 'functional_capacity_evaluation';
  const head = `${enc.documentTitle ?? ''} ${enc.title ?? ''} ${enc.file}`;
  if (role === 'non_examining') return STATE_AGENCY.test(head) ? 'state_agency_review' : 'records_review';
  const examining = role === 'examining' || role === 'designated_doctor';
  if (examining && CONSULTATIVE.test(head)) return 'consultative_examination';
  if (enc.kind === 'medical_source_statement') return 'medical_source_statement';
  if (enc.kind === 'impairment_rating') return 'impairment_rating';
  return examining ? 'examination_report' : 'treatment_note_restrictions';
}

/** The source's role in SSA's words. */
export function roleLabel(role: SourceRole, kinds: OpinionKind[], acceptable: boolean | undefined): string {
  switch (role) {
    case 'treating_physician': case 'other_treating':
      return acceptable === false ? 'treating provider, not an acceptable medical source' : 'treating source';
    case 'examining': return kinds.includes('functional_capacity_evaluation') ? 'FCE evaluator' : kinds.includes('consultative_examination') ? 'consultative examiner' : 'examining source';
    case 'non_examining': return kinds.includes('state_agency_review') ? 'state-agency medical consultant' : 'non-examining reviewer';
    case 'designated_doctor': return 'designated doctor';
  }
}

/** "Anita Okafor, MD (primary care)" → "Anita Okafor, MD": inside a sentence that already has parentheses. */
export function shortName(label: string): string {
  return label.replace(/\s*\([^)]*\)\s*$/, '') || label;
}

/** Unnamed authors share a generic label ("the examining provider"): each such paper is its own source. */
const isGeneric = (label: string) => /^the\s/i.test(label);

export function opinionSources(ctx: CaseContext): OpinionSource[] {
  const label = (enc: Encounter) => ctx.providerOf({ encounterId: enc.id } as Fact);
  const keyOf = (f: Fact) => {
    const l = ctx.providerOf(f);
    return isGeneric(l) ? `${l}|${ctx.encounterOf(f)?.documentId ?? f.encounterId}` : l;
  };
  const bySource = new Map<string, FactOf<'limitation'>[]>();
  for (const f of ctx.of('limitation')) if (f.attributes.source === 'provider' && ctx.encounterOf(f)) pushTo(bySource, keyOf(f), f);

  const all = [...ctx.encounters.values()];
  return [...bySource.values()].map((limits) => {
    const author = ctx.providerOf(limits[0]);
    const statedAt = new Set(limits.map((f) => f.encounterId));
    const stating = [...statedAt].map((id) => ctx.encounters.get(id)!);
    const roles = stating.map(sourceRole);
    // The role the source writes in most often; a tie goes to the latest paper.
    const role = [...new Set(roles)].sort((a, b) => roles.filter((r) => r === b).length - roles.filter((r) => r === a).length
      || roles.lastIndexOf(b) - roles.lastIndexOf(a))[0];
    const kinds = KIND_ORDER.filter((k) => stating.some((e) => kindOf(e, sourceRole(e)) === k));
    const docs = new Set(stating.map((e) => e.documentId));
    const specialties = new Set(stating.map((e) => e.specialty));
    const treating = isTreatingRole(role);
    // A named author's records anywhere in the file; for a treating source also the practice's unsigned notes and a
    // same-discipline colleague's in the same exhibit. An examiner's or reviewer's own record is their report alone.
    const ownEncounters = all.filter((e) => isGeneric(author)
      ? statedAt.has(e.id) || (docs.has(e.documentId) && label(e) === author)
      : label(e) === author || (treating && docs.has(e.documentId) && (isGeneric(label(e)) || specialties.has(e.specialty)) && !specialtyIs(e.specialty, 'examiner')));
    const own = new Set(ownEncounters.map((e) => e.id));
    const visits = ctx.visits.filter((v) => v.encounters.some((e) => own.has(e.id) && (isGeneric(author) || label(e) === author)));
    // An unnamed examiner or reviewer is named by role ("the state-agency medical consultant"), not "the examining provider".
    const source = isGeneric(author) && !treating ? `the ${roleLabel(role, kinds, undefined)}` : author;
    return { source, role, kinds, limits, own, statedAt, visits, encounters: ownEncounters };
  });
}
