/**
 * Workers' compensation: the MMI certification and whose certification governs in the claim's state, the end of
 * temporary disability it implies, statutory MMI where the state has one, each impairment rating as a structured
 * value with what it lacks, and the disputes between treating and examining opinions.
 */
import type { CaseAnalysis, Evidence, FactOf, ImpairmentRatingValue, SupportItem, Supports } from '../../model/index.js';
import type { CaseContext } from '../case-context.js';
import { addDays } from '../dates.js';
import { SOURCE_ROLE_LABEL, sourceRole } from '../mmi-sources.js';
import { wcStateRule } from '../../profiles/wc-states.js';

const STATUS_WORDS: Record<CaseAnalysis['mmi']['status'], string> = {
  explicit: 'certified', implied: 'implied by the pattern of care but not certified', not_reached: 'not reached', insufficient_evidence: 'not decidable on this record',
};

/** A stated restriction rather than an exam measurement read as a limit ("full motion", "0 % impairment"). */
const RESTRICTION = /\b(?:no|avoid\w*|restrict\w*|limit\w*|not to exceed|max(?:imum)?|up to|may not|should not|only|occasional\w*|frequent\w*|sedentary|light duty|modified duty)\b/i;

function first(list: { evidence: Evidence[] }[], n = 2): Evidence[] {
  return list.flatMap((x) => x.evidence.slice(0, 1)).slice(0, n);
}

/** The rater's report: the rating, and the restrictions, future care and work status written at that visit. */
function ratingValue(ctx: CaseContext, r: FactOf<'impairment_rating'>, apportionmentRequired: boolean): ImpairmentRatingValue {
  const enc = ctx.encounterOf(r);
  const same = ctx.asserted.filter((f) => f.encounterId === r.encounterId);
  const restrictions = same.filter((f): f is FactOf<'limitation'> => f.type === 'limitation' && f.attributes.source !== 'patient' && RESTRICTION.test(f.evidence[0].quote))
    .map((f) => ({ text: f.evidence[0].quote.replace(/\s+/g, ' ').slice(0, 160), evidence: f.evidence.slice(0, 1) }));
  const futureCare = same.filter((f): f is FactOf<'treatment'> => f.type === 'treatment' && ['recommended', 'planned'].includes(f.attributes.status))
    .map((f) => ({ text: f.evidence[0].quote.replace(/\s+/g, ' ').slice(0, 160), evidence: f.evidence.slice(0, 1) }));
  const work = same.find((f): f is FactOf<'work_status'> => f.type === 'work_status');
  const a = r.attributes;
  const wholePerson = a.basis === 'whole_person' ? a.percent : undefined;
  const apportionment = same.find((f) => /\bapportion/i.test(f.evidence[0].quote))?.evidence[0].quote;
  const missing = [
    ...(ctx.dateOf(r) ? [] : ['the date of the rating']),
    ...(wholePerson === undefined ? ['the whole-person percent'] : []),
    ...(a.guidesEdition ? [] : ['the AMA Guides edition and the tables used']),
    ...(a.bodyRegion ? [] : ['the body part rated']),
    ...(restrictions.length ? [] : ['permanent work restrictions']),
    ...(futureCare.length ? [] : ['future medical care']),
    ...(work ? [] : ['return-to-work status']),
    ...(apportionmentRequired && !apportionment ? ['apportionment (required in this state)'] : []),
  ];
  return {
    date: ctx.dateOf(r), source: ctx.providerOf(r), role: SOURCE_ROLE_LABEL[sourceRole(enc)], bodyPart: a.bodyRegion,
    wholePersonPercent: wholePerson, regionalPercent: wholePerson === undefined ? { percent: a.percent, basis: a.basis.replace(/_/g, ' ') } : undefined,
    guidesEdition: a.guidesEdition, apportionment, permanentRestrictions: restrictions, futureCare,
    returnToWork: work ? work.attributes.status.replace(/_/g, ' ') : undefined, evidence: r.evidence.slice(0, 1), missing,
  };
}

export function workersCompSupports(ctx: CaseContext, a: Pick<CaseAnalysis, 'mmi'>): Supports {
  const { rule, known, state } = wcStateRule(ctx.claim.state);
  const where = known ? rule.name : state ? `${state} (not in the state table: general rules)` : 'the state (not given)';
  const items: SupportItem[] = [];
  const m = a.mmi;

  items.push({
    id: 'mmi-certification', label: `MMI (${rule.term})`,
    status: m.status === 'explicit' ? 'supported' : m.status === 'implied' ? 'partly' : 'missing',
    text: `MMI ${STATUS_WORDS[m.status]}${m.date ? ` (${m.date})` : ''}${m.statedBy && m.status === 'explicit' ? ` by ${m.statedBy}` : ''}. In ${where}, ${rule.certifier}.`,
    evidence: m.evidence.slice(0, 2),
    ...(m.status === 'explicit' ? {} : { missing: [`a certification of MMI from ${rule.governing === 'designated_doctor' ? 'the designated doctor or treating doctor' : 'the treating physician'}${rule.forms.length ? ` (${rule.forms[0]})` : ''}, with its date`] }),
  });

  if (m.date && (m.status === 'explicit' || m.status === 'implied')) {
    items.push({
      id: 'temporary-disability-end', label: 'Temporary disability',
      status: 'info',
      text: rule.temporaryEndsAtMmi
        ? `Temporary disability benefits end at MMI: ${m.date}${m.status === 'implied' ? ' if a physician certifies the date the pattern implies' : ''}; an impairment rating follows.`
        : `In ${where} temporary total disability does not end at MMI itself (${rule.rating}).`,
      evidence: m.evidence.slice(0, 1),
    });
  }

  if (rule.statutoryMmiWeeks && ctx.claim.onset) {
    // Income benefits begin to accrue on the 8th day of disability; without the disability dates, the injury date is used.
    const statutory = addDays(ctx.claim.onset, 7 + rule.statutoryMmiWeeks * 7);
    const earlier = m.date && m.date < statutory ? 'the clinical MMI comes first' : m.date ? 'statutory MMI comes first' : 'no clinical MMI yet';
    items.push({
      id: 'statutory-mmi', label: 'Statutory MMI',
      status: 'info',
      text: `About ${statutory} (${rule.statutoryMmiWeeks} weeks after income benefits began to accrue, counted from the injury date ${ctx.claim.onset} plus the 7-day waiting week; ${rule.statutoryMmiAuthority ?? rule.source}); ${earlier}. Check the dates disability actually began and any extension.`,
      evidence: [],
    });
  }

  const ratings = ctx.of('impairment_rating').map((r) => ratingValue(ctx, r, rule.apportionment));
  const last = ratings[ratings.length - 1];
  items.push({
    id: 'impairment-rating', label: 'Impairment rating',
    status: !last ? 'missing' : last.missing.length ? 'partly' : 'supported',
    text: last
      ? `${last.wholePersonPercent !== undefined ? `${last.wholePersonPercent} % whole person` : `${last.regionalPercent!.percent} % ${last.regionalPercent!.basis}`}${last.bodyPart ? `, ${last.bodyPart}` : ''}${last.guidesEdition ? `, ${last.guidesEdition}` : ''}, by ${last.source} (${last.role})${last.date ? ` on ${last.date}` : ''}. Rating system in ${where}: ${rule.rating}.${ratings.length > 1 ? ` ${ratings.length} ratings in the record.` : ''}`
      : `No impairment rating in the record. Rating system in ${where}: ${rule.rating}.`,
    evidence: last ? last.evidence : [],
    missing: last ? last.missing : [`an impairment rating after MMI (${rule.rating})${rule.apportionment ? ', with apportionment' : ''}, with permanent restrictions and future medical care`],
  });

  const disputes = m.conflicts;
  items.push({
    id: 'disputes', label: 'Disputed opinions',
    status: 'info',
    text: disputes.length
      ? `${disputes.length} opinion${disputes.length > 1 ? 's' : ''} disagree${disputes.length > 1 ? '' : 's'} with the verdict (${rule.governing === 'designated_doctor' ? 'the designated doctor\'s certification governs unless the other evidence outweighs it' : 'the treating physician\'s opinion governs; an examiner\'s disagreement goes to the dispute process'}).`
      : 'No opinion in the record disagrees with the verdict.',
    evidence: first(disputes),
  });

  return {
    profile: 'workers_comp', title: `Workers' compensation — ${where}`,
    basis: `${rule.source}${rule.checked ? ` (checked against ${rule.checked})` : ' (reference only: not checked against the primary text)'}`,
    items, impairmentRatings: ratings,
  };
}
