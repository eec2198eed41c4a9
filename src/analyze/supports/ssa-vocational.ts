/**
 * SSA's vocational reading of the record: the age category at the date last insured (SSDI) and today, the
 * exertional level the functional floor supports, the grid rule and its result with the deciding facts, and the
 * musculoskeletal listings checklist. Education and past work come from the case details, read into the grid's
 * categories; unknown inputs are said to be missing, never guessed.
 */
import type { CaseAnalysis, SupportItem } from '../../model/index.js';
import type { CaseContext } from '../case-context.js';
import { ageCategory, exertionalLevel, gridRule, type Education, type Work } from '../../profiles/ssa/vocational.js';
import { listingChecklist } from '../../profiles/ssa/listings.js';

/** Education as the case details word it ("GED", "11th grade", "BA") → the grid's category. */
export function educationCategory(text: string | undefined): Education | 'unknown' {
  if (!text?.trim()) return 'unknown';
  const t = text.toLowerCase();
  if (/\billiterate\b|cannot read|unable to read/.test(t)) return 'illiterate';
  if (/\b(?:college|university|associate|bachelor|ba|bs|master|degree|ged|high school|12th|diploma)\b/.test(t)) return 'high_school_or_more_no_direct_entry';
  const grade = /\b(\d{1,2})(?:st|nd|rd|th)?\s*grade\b|\bgrade\s*(\d{1,2})\b/.exec(t);
  if (grade) {
    const g = Number(grade[1] ?? grade[2]);
    return g >= 12 ? 'high_school_or_more_no_direct_entry' : g >= 7 ? 'limited' : 'marginal';
  }
  if (/\blimited\b/.test(t)) return 'limited';
  if (/\bmarginal\b/.test(t)) return 'marginal';
  return 'unknown';
}

/** Past work as the case details describe it → the grid's category ("unskilled", "semi-skilled, not transferable"). */
export function workCategory(text: string | undefined): Work | 'unknown' {
  if (!text?.trim()) return 'unknown';
  const t = text.toLowerCase();
  if (/\bno (?:past )?(?:relevant )?work\b|never worked/.test(t)) return 'none';
  if (/\bunskilled\b/.test(t)) return 'unskilled';
  if (/\b(?:semi-?skilled|skilled)\b/.test(t)) return /\bnot transferable|non-?transferable|no transferable\b/.test(t) ? 'skilled_or_semiskilled_not_transferable' : /\btransferable\b/.test(t) ? 'skilled_or_semiskilled_transferable' : 'unknown';
  return 'unknown';
}

const WORDS = (s: string) => s.replace(/_/g, ' ').replace(/ (\d+) (\d+)$/, ' ($1-$2)').replace(/ (\d+) plus$/, ' ($1+)');

export function vocationalItems(ctx: CaseContext, a: Pick<CaseAnalysis, 'functionalFloor' | 'facts'>): { items: SupportItem[]; data: Record<string, unknown> } {
  const items: SupportItem[] = [];
  const today = ctx.lastDate ?? new Date().toISOString().slice(0, 10);
  const at = ctx.claim.type === 'ssdi' && ctx.claim.dli ? ctx.claim.dli : today;
  const age = ctx.claim.dob ? ageCategory(ctx.claim.dob, at) : undefined;
  const ageNow = ctx.claim.dob && at !== today ? ageCategory(ctx.claim.dob, today) : undefined;
  items.push({
    id: 'age', label: 'Age category',
    status: age ? 'info' : 'missing',
    text: age
      ? `${age.years} (${WORDS(age.category)}) at ${at === ctx.claim.dli ? `the date last insured ${at}` : at}${ageNow ? `; ${ageNow.years} (${WORDS(ageNow.category)}) at the end of the record` : ''}.${age.borderline ? ` Borderline: ${WORDS(age.borderline.nextCategory)} is reached on ${age.borderline.reachesOn}, ${age.borderline.daysToNext} days later (POMS DI 25015.006).` : ''}`
      : 'The date of birth is not given (case details): the age category cannot be set.',
    evidence: [],
    ...(age ? {} : { missing: ["the claimant's date of birth"] }),
  });

  const rfc = exertionalLevel(a.functionalFloor, { asOf: ctx.lastDate });
  items.push({
    id: 'rfc', label: 'Exertional level (RFC)',
    status: rfc.level === 'undetermined' ? 'missing' : rfc.deciding.length && !rfc.missing.length ? 'supported' : 'partly',
    text: rfc.level === 'undetermined'
      ? 'The record does not place the residual functional capacity: no current, provider-stated lifting or standing/walking limit.'
      : `${rfc.between ? `Between ${WORDS(rfc.between[0])} and ${WORDS(rfc.between[1])}` : WORDS(rfc.level)}, from ${rfc.deciding.map((d) => d.summary.replace(/[.\s]+$/, '')).join('; ')}.${rfc.nonExertional.length ? ` Non-exertional limits: ${rfc.nonExertional.map(WORDS).join(', ')}.` : ''}${rfc.unsupported.length ? ` Not relied on: ${rfc.unsupported.slice(0, 3).join('; ')}.` : ''}`,
    evidence: rfc.deciding.flatMap((d) => d.evidence.slice(0, 1)).slice(0, 3),
    ...(rfc.missing.length ? { missing: rfc.missing } : {}),
  });

  const education = educationCategory(ctx.claim.education);
  const work = workCategory(ctx.claim.pastWork);
  const grid = gridRule({
    ageCategory: age?.category ?? 'unknown', education, work, level: rfc.level, between: rfc.between,
    nonExertional: rfc.nonExertional.length > 0, borderline: age?.borderline,
  });
  const gridMissing = [
    ...(age ? [] : ['date of birth']),
    ...(education === 'unknown' ? ['education (years of school, literacy)'] : []),
    ...(work === 'unknown' ? ['past relevant work: skill level and whether skills transfer'] : []),
  ];
  items.push({
    id: 'grid', label: 'Grid rule (Appendix 2)',
    status: grid.result === 'disabled' ? 'supported' : grid.result === 'no_rule' ? 'missing' : 'info',
    text: grid.result === 'no_rule'
      ? `No grid rule can be applied: ${grid.deciding.join('; ') || 'inputs missing'}.`
      : `${grid.rule ? `Rule ${grid.rule}${grid.table ? ` (Table ${grid.table})` : ''}` : 'No single rule'}: ${grid.result === 'framework_only' ? `a framework only${grid.indicates ? `, pointing to ${WORDS(grid.indicates)}` : ''}` : `directs ${WORDS(grid.result)}`}. Deciding: ${grid.deciding.join('; ')}.${grid.wouldChange.length ? ` Would change: ${grid.wouldChange.join('; ')}.` : ''}`,
    evidence: rfc.deciding.flatMap((d) => d.evidence.slice(0, 1)).slice(0, 2),
    ...(gridMissing.length ? { missing: gridMissing.map((m) => `${m} (case details)`) } : {}),
  });

  const listings = listingChecklist(ctx.asserted);
  for (const l of listings) {
    const documented = l.criteria.filter((c) => c.status === 'documented');
    items.push({
      id: `listing-${l.listing}`, label: `Listing ${l.listing}`,
      status: l.met ? 'supported' : documented.length ? 'partly' : 'missing',
      text: `${l.title}: ${documented.length} of ${l.criteria.length} criteria documented${documented.length ? ` (${documented.map((c) => c.id).join(', ')})` : ''}${l.withinFourMonths ? `; ${l.withinFourMonths.met ? 'all within 4 consecutive months' : 'not within 4 consecutive months'}` : ''}. ${l.met ? 'Meets the listing as documented.' : 'Not met on this record.'}`,
      evidence: documented.flatMap((c) => c.evidence.slice(0, 1)).slice(0, 4),
      ...(l.missing.length ? { missing: l.missing } : {}),
    });
  }

  return { items, data: { age, ageNow, rfc: { level: rfc.level, between: rfc.between, lifting: rfc.lifting, standWalkHours: rfc.standWalkHours, nonExertional: rfc.nonExertional }, education, work, grid, listings: listings.map((l) => ({ listing: l.listing, met: l.met, criteria: l.criteria.map((c) => ({ id: c.id, status: c.status })) })) } };
}
