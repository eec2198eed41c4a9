/**
 * SSA (SSDI / SSI): duration and the date last insured, whether an acceptable medical source establishes the
 * impairment with objective findings, statements on issues reserved to the Commissioner, the SSR 16-3p symptom
 * factors, the medical opinions' supportability and consistency, and the vocational reading (age, exertional level,
 * grid rule) and listings 1.15 / 1.16.
 */
import type { CaseAnalysis, Evidence, Fact, SupportItem, Supports } from '../../model/index.js';
import type { CaseContext } from '../case-context.js';
import { isForOtherCondition } from '../../knowledge/relevance.js';
import { vocationalItems } from './ssa-vocational.js';
import { opinionsItem } from './ssa-opinions.js';
import { reviewOpinions } from '../opinions/index.js';
import { filedBeforeRevision, isAcceptableSourceFor } from '../opinions/weighing-rule.js';
/** Statements on issues reserved to the Commissioner (20 CFR 404.1520b(c)(3)): neither valuable nor persuasive. */
const RESERVED = /\b(?:(?:is|remains|totally|permanently)\s+disabled|unable to (?:work|perform any (?:gainful )?(?:work|employment)|sustain (?:any )?employment)|cannot work|unemployable|not able to work)\b/i;

const ev = (fs: Fact[], n = 3): Evidence[] => fs.slice(0, n).flatMap((f) => f.evidence.slice(0, 1));

function symptomFactors(ctx: CaseContext): SupportItem {
  const facts = ctx.asserted.filter((f) => !isForOtherCondition(f));
  const q = (f: Fact) => f.evidence.map((e) => e.quote).join(' ');
  const factors: [string, Fact[]][] = [
    ['daily activities', facts.filter((f) => f.type === 'limitation' && f.attributes.source === 'patient' || /\b(?:daily activities|ADLs?|household|chores|shopping|cooking|dress(?:ing)?|bath(?:e|ing))\b/i.test(q(f)))],
    ['location, duration, frequency and intensity of pain', facts.filter((f) => f.type === 'outcome_measure' && /pain|nrs|vas/i.test(f.attributes.instrument))],
    ['precipitating and aggravating factors', facts.filter((f) => /\b(?:worse (?:with|after|when)|aggravat\w+|exacerbat\w+ by|brought on by)\b/i.test(q(f)))],
    ['medication: type, dose, effectiveness, side effects', facts.filter((f) => f.type === 'treatment' && f.attributes.modality === 'medication' && (!!f.attributes.dose || /side effect|drows|sedat|nause|dizz|fog/i.test(q(f))))],
    ['other treatment', facts.filter((f) => f.type === 'treatment' && f.attributes.modality !== 'medication')],
    ['other measures (lying down, changing position, heat/ice)', facts.filter((f) => /\b(?:lie|lying|lays?) down|recline|change(?:s)? positions?|alternat\w+ (?:sitting|standing)|heat|ice\b|TENS\b/i.test(q(f)))],
    ['functional limitations and restrictions', facts.filter((f) => f.type === 'limitation')],
  ];
  const documented = factors.filter(([, fs]) => fs.length);
  const missing = factors.filter(([, fs]) => !fs.length).map(([name]) => name);
  return {
    id: 'symptoms-16-3p', label: 'Symptom factors (SSR 16-3p)',
    status: missing.length === 0 ? 'supported' : documented.length >= 4 ? 'partly' : 'missing',
    text: `${documented.length} of 7 factors documented${documented.length ? `: ${documented.map(([n]) => n).join('; ')}` : ''}.`,
    evidence: documented.flatMap(([, fs]) => ev(fs, 1)).slice(0, 4),
    ...(missing.length ? { missing: missing.map((m) => `the treating notes on ${m}`) } : {}),
  };
}

export function ssaSupports(ctx: CaseContext, a: Pick<CaseAnalysis, 'mmi' | 'duration' | 'functionalFloor' | 'facts'>): Supports {
  const items: SupportItem[] = [];
  const d = a.duration;
  const ssdi = ctx.claim.type === 'ssdi';

  items.push({
    id: 'duration', label: '12-month duration',
    status: d.meetsTwelveMonths === 'yes' ? 'supported' : d.meetsTwelveMonths === 'expected' ? 'partly' : 'missing',
    text: `${d.months !== undefined ? `${d.months} months documented` : 'Length not documented'}${d.onset ? ` from ${d.onset}` : ''}${d.through ? ` to ${d.through}` : ''}: ${{ yes: 'the 12-month requirement is met', expected: 'expected to last 12 months', no: 'shorter than 12 months', unknown: 'cannot be told' }[d.meetsTwelveMonths]}.`,
    evidence: d.reasons.flatMap((r) => r.evidence.slice(0, 1)).slice(0, 2),
    ...(d.meetsTwelveMonths === 'yes' ? {} : { missing: ['a treating physician\'s statement that the impairment has lasted or is expected to last at least 12 months, from what date'] }),
  });

  if (ssdi) {
    items.push({
      id: 'dli', label: 'Evidence before the date last insured',
      status: !ctx.claim.dli ? 'missing' : (d.evidenceBeforeDli ?? 0) >= 3 ? 'supported' : (d.evidenceBeforeDli ?? 0) > 0 ? 'partly' : 'missing',
      text: ctx.claim.dli ? `${d.evidenceBeforeDli ?? 0} dated visits on or before the date last insured (${ctx.claim.dli}).` : 'The date last insured is not given (case details).',
      evidence: [],
      ...((d.evidenceBeforeDli ?? 0) >= 3 ? {} : { missing: [ctx.claim.dli ? `treating records from onset to ${ctx.claim.dli}` : 'the date last insured from the earnings record (always a quarter\'s end)'] }),
    });
  }

  // Objective findings from an acceptable medical source establish the impairment; PT and chiropractic notes cannot alone
  // (APRNs and PAs count for claims filed from 27 March 2017, 20 CFR 404.1502(a)(7)-(8)).
  const filedBefore = filedBeforeRevision(ctx.claim);
  const isAms = (f: Fact) => isAcceptableSourceFor(ctx.encounterOf(f), ctx.claim);
  const objective = ctx.of('objective_finding').filter((f) => f.attributes.abnormal);
  const byAms = objective.filter(isAms);
  items.push({
    id: 'acceptable-source', label: 'Established by an acceptable medical source',
    status: byAms.length ? 'supported' : objective.length ? 'partly' : 'missing',
    text: byAms.length
      ? `${byAms.length} abnormal objective finding${byAms.length > 1 ? 's' : ''} (imaging, electrodiagnostic, exam signs) from acceptable medical sources, e.g. ${byAms[0].attributes.label} (${ctx.providerOf(byAms[0])}).${filedBefore ? ' Filed before 27 March 2017: nurse practitioners and physician assistants do not count, and the treating-source rule applies.' : ''}`
      : objective.length ? 'Abnormal findings are recorded only by sources that cannot establish an impairment alone (therapists, chiropractors).' : 'No abnormal objective finding in the record.',
    evidence: ev(byAms.length ? byAms : objective, 2),
    ...(byAms.length ? {} : { missing: ['an examination or imaging by a physician (or, for claims filed since 27 March 2017, an APRN or PA) documenting the abnormal findings'] }),
  });

  const reserved = ctx.asserted.filter((f) => (f.type === 'work_status' && f.attributes.status === 'unable_any_work') || f.evidence.some((e) => RESERVED.test(e.quote)));
  if (reserved.length) {
    items.push({
      id: 'reserved-statements', label: 'Statements on issues reserved to the Commissioner',
      status: 'info',
      text: `${reserved.length} statement${reserved.length > 1 ? 's' : ''} that the claimant is disabled or cannot work (e.g. “${reserved[0].evidence[0].quote.replace(/\s+/g, ' ').slice(0, 100)}”) carry no weight by themselves (20 CFR 404.1520b(c)(3)); what counts is the function-by-function limits behind them.`,
      evidence: ev(reserved, 2),
      missing: ['the same physician\'s function-by-function limits (lift, sit, stand, walk, postural, manipulative, off-task, absences) with the findings that support them'],
    });
  }

  items.push(symptomFactors(ctx));
  const opinions = reviewOpinions(ctx);
  items.push(opinionsItem(opinions));
  const vocational = vocationalItems(ctx, a);
  items.push(...vocational.items);

  const missingInputs = [!ctx.claim.dob && 'date of birth', !ctx.claim.education && 'education', !ctx.claim.pastWork && 'past work (skill level, transferable skills)', !ctx.claim.filingDate && 'filing date'].filter((x): x is string => !!x);
  if (missingInputs.length) {
    items.push({
      id: 'case-details', label: 'Case details the record cannot give',
      status: 'missing', text: `Not given: ${missingInputs.join(', ')}. The age category, the grid rule, the rules on acceptable sources and the rule that weighs medical opinions depend on them.`,
      evidence: [], missing: missingInputs.map((m) => `the claimant's ${m} (case details)`),
    });
  }

  return {
    profile: 'ssa', title: ssdi ? 'Social Security Disability Insurance (SSDI)' : 'Supplemental Security Income (SSI)',
    basis: `20 CFR 404.1509 (duration), 404.1502 and 404.1521 (acceptable medical sources, objective evidence), 404.1520b(c) (reserved issues), SSR 16-3p (symptoms), ${opinions.regulation.cite.replace('20 CFR ', '')} (medical opinions), 404.1567 and Part 404 Subpart P Appendix 1 (1.15, 1.16) and Appendix 2 (grid rules)`,
    items, vocational: vocational.data, opinions,
  };
}
