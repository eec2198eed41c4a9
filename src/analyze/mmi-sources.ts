/**
 * Whose MMI opinion carries weight. Every opinion is tagged with its source's role; the verdict follows the
 * treating physician unless the claim's jurisdiction gives another source presumptive weight.
 */
import type { Encounter } from '../model/index.js';
import { wcStateRule } from '../profiles/wc-states.js';
import { specialtiesIn } from '../model/specialties.js';

export type SourceRole = 'treating_physician' | 'other_treating' | 'examining' | 'designated_doctor' | 'non_examining';

export const SOURCE_ROLE_LABEL: Record<SourceRole, string> = {
  treating_physician: 'treating physician',
  other_treating: 'other treating provider',
  examining: 'examining physician (IME/QME/CE)',
  designated_doctor: 'state-appointed examiner',
  non_examining: 'non-examining reviewer (records or peer review)',
};

/** Disciplines whose MMI opinion is a treating provider's but not a physician's. */
const OTHER_TREATING = specialtiesIn('therapist');
const EXAMINING = specialtiesIn('examiner');
const MID_LEVEL = /\b(?:NP|FNP|APRN|PA|PA-C|RN)\b/;
/** A physician's degree among a provider's credentials. */
const PHYSICIAN = /\b(?:MD|DO)\b|\b(?:M\.D|D\.O)\./;
/** A review of the file by someone who never saw the claimant: a peer review, records review, or state agency consultant. */
const NON_EXAMINING = /\b(?:peer review|(?:medical )?records? review|file review|paper review)\b(?![^\n]{0,40}\band (?:an? )?(?:physical )?exam)|\b(?:no examination|not examined|did not examine|without (?:an )?examination|non-?examining|disability determination explanation|state agency (?:medical )?consultant)\b/i;

/** The head says the examiner saw the claimant ("Date of Examination: …", "face-to-face time with the applicant"). */
const EXAMINED_IN_PERSON = /\b(?:date of (?:examination|exam)\b|face-to-face\b|in-person (?:exam|examination|evaluation)\b|(?:was|were) (?:seen|examined) (?:in|at) (?:my|our)\b)/i;

/**
 * An examiner the state appoints to settle MMI: Texas's designated doctor, Colorado's Division IME (DIME), Kentucky's
 * university evaluator, Massachusetts's s. 11A impartial medical examiner, Pennsylvania's Bureau-designated IRE physician,
 * the federal (FECA) referee.
 */
const STATE_EXAMINER = /\bdesignated doctor\b|\bdivision independent medical exam\w*|\buniversity evaluat(?:ion|or)\b|\bKRS 342\.315\b|\b(?:section|sec\.?|§)\s*11A\b|\bimpartial (?:medical )?(?:examiner|physician|examination)\b|\b(?:designated )?IRE physician\b|\bBureau[- ]designated\b|\breferee (?:medical )?exam\w*|\bimpartial medical specialist\b/i;

/** A party's own examiner, whatever the head says of the state's ("an RME doctor only after a designated doctor examination"). */
const PARTY_EXAMINER = /\brequired medical exam\w*|\bRME\b|\bcarrier'?s? (?:IME|independent medical exam\w*|medical exam\w*)|\bdefense medical exam\w*/i;

/**
 * A referee the adjudicator appoints to resolve a conflict between the treating physician and its own examiner: the
 * federal (FECA) impartial medical specialist under 5 U.S.C. 8123(a), whose well-reasoned opinion carries special
 * weight whatever the claimant's state.
 */
const CONFLICT_REFEREE = /\breferee (?:medical )?(?:exam\w*|physician|specialist|evaluation)\b|\bimpartial medical specialist\b|\b5 U\.?S\.?C\.?\s*(?:§\s*)?8123\b/i;
export function isConflictReferee(enc: Encounter | undefined): boolean {
  return !!enc && sourceRole(enc) === 'designated_doctor' && CONFLICT_REFEREE.test(`${enc.documentTitle ?? ''} ${enc.file}`);
}
/** The weight of a conflict referee's opinion: that of a jurisdiction's presumptive source. */
export const REFEREE_WEIGHT = 4;

/** A source who treats the claimant: the treating physician or another treating provider. */
export function isTreatingRole(role: SourceRole): boolean {
  return role === 'treating_physician' || role === 'other_treating';
}

export function sourceRole(enc: Encounter | undefined): SourceRole {
  if (!enc) return 'other_treating';
  if (enc.documentRole === 'examining' || EXAMINING.has(enc.specialty) || enc.kind === 'ime') {
    const head = enc.documentTitle ?? '';
    // (Whichever the head names first: an RME's report mentions the designated doctor, and a designated doctor's the RME.)
    const state = head.search(STATE_EXAMINER);
    const party = head.search(PARTY_EXAMINER);
    return state >= 0 && (party < 0 || state < party) ? 'designated_doctor' : NON_EXAMINING.test(head) && !EXAMINED_IN_PERSON.test(head) ? 'non_examining' : 'examining';
  }
  // (A physician whose note was read as a therapy discipline's, "J. P. Arceneaux, DDS, MD" sending the claimant to PT, is still a physician.)
  if (OTHER_TREATING.has(enc.specialty) && !PHYSICIAN.test(enc.provider.credential ?? '')) return 'other_treating';
  if (MID_LEVEL.test(enc.provider.credential ?? '') && !PHYSICIAN.test(enc.provider.credential ?? '')) return 'other_treating';
  return 'treating_physician';
}

/**
 * A non-treating source whose MMI opinion has presumptive weight in the claim's state (the state table's
 * `governing`; Texas: the designated doctor, unless the preponderance of the other evidence is to the contrary).
 */
export function presumptiveSource(state: string | undefined): { role: SourceRole; authority: string } | undefined {
  const { rule, known } = wcStateRule(state);
  return known && rule.governing !== 'treating_physician' ? { role: rule.governing, authority: rule.governingAuthority ?? rule.source } : undefined;
}

/** Rank for choosing whose opinion decides: the presumptive source, then treating physicians, then the rest. */
export function weightOf(role: SourceRole, state: string | undefined): number {
  if (role === presumptiveSource(state)?.role) return 4;
  return { treating_physician: 3, designated_doctor: 2, examining: 1, other_treating: 1, non_examining: 0 }[role];
}
