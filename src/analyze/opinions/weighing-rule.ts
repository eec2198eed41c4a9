/**
 * Which rule weighs medical opinions, from the claim's filing date: 20 CFR 404.1520c / 416.920c for claims filed on or
 * after 27 March 2017 (persuasiveness; supportability and consistency most important; no deference to any source),
 * 404.1527 / 416.927 before (a treating source's opinion gets controlling weight when well supported and not
 * inconsistent with the other substantial evidence). The checks below carry their ids, rationale and paragraphs.
 */
import type { Claim, Encounter, OpinionRegulation } from '../../model/index.js';
import { isAcceptableMedicalSource } from '../providers.js';

/** The revised medical-evidence rules (82 FR 5844) apply to claims filed on or after this date. */
export const REVISED_RULES_DATE = '2017-03-27';

/** Nurse practitioners and physician assistants: acceptable medical sources only for claims filed since the revision. */
const MID_LEVEL = /\b(?:PA(?:-C)?|NP|APRN|FNP(?:-C)?|DNP|CRNP)\b/;

const CHECKED = 'Checked against copies of the regulation text: 404.1520c introduction, (a) and (b)(1) (govregs.com, casetext mirror); '
  + '404.1527 introduction and (a)(2) (federal.elaws.us); 404.1527(c)(2) controlling weight as quoted in SSR 96-2p (ssa.gov) and in '
  + 'practitioners\' summaries; the wording of 404.1520c(c)(1)-(2) from secondary summaries, not the eCFR page itself.';

export function filedBeforeRevision(claim: Claim): boolean {
  return !!claim.filingDate && claim.filingDate < REVISED_RULES_DATE;
}

/** Whether the encounter's author counts as an acceptable medical source for this claim (20 CFR 404.1502(a)). */
export function isAcceptableSourceFor(enc: Encounter | undefined, claim: Claim): boolean {
  if (isAcceptableMedicalSource(enc) !== true) return false;
  return !(filedBeforeRevision(claim) && MID_LEVEL.test(enc?.provider.credential ?? ''));
}

/** Title II cites Part 404, SSI its twin in Part 416. */
function section(claim: Claim, part404: string): string {
  return claim.type === 'ssi' ? part404.replace(/^404\.15/, '416.9') : part404;
}
const ecfr = (sec: string) => `https://www.ecfr.gov/current/title-20/section-${sec}`;

export function opinionRegulation(claim: Claim): OpinionRegulation {
  const filing = claim.filingDate;
  if (filing && filing < REVISED_RULES_DATE) {
    const sec = section(claim, '404.1527');
    return {
      rule: 'treating_source_rule', cite: `20 CFR ${sec}`, url: ecfr(sec), filingDate: filing, certain: true, checked: CHECKED,
      text: `Filed ${filing}, before 27 March 2017: ${sec} applies. A treating source's opinion gets controlling weight when it is well supported by medically acceptable clinical and laboratory diagnostic techniques and not inconsistent with the other substantial evidence (${sec}(c)(2)); otherwise every opinion is weighed by the length, frequency, nature and extent of the treatment relationship, supportability, consistency, specialization and other factors.`,
    };
  }
  const sec = section(claim, '404.1520c');
  return {
    rule: 'persuasiveness', cite: `20 CFR ${sec}`, url: ecfr(sec), certain: !!filing, checked: CHECKED,
    ...(filing ? { filingDate: filing } : {}),
    text: `${filing ? `Filed ${filing}, on or after 27 March 2017` : 'The filing date is not given (case details), so the rule is uncertain; the current rule is assumed'}: ${sec} applies. No opinion gets deference or controlling weight, the treating source's included; supportability (${sec}(c)(1)) and consistency (${sec}(c)(2)) are the most important factors, and one source's opinions are weighed together.`,
  };
}

export interface OpinionCheckMeta { id: string; rationale: string; authority: (claim: Claim) => string }

/** The checks made on each opinion, ESLint style: an id, why it matters, and the paragraph it rests on. */
export const OPINION_CHECKS = {
  supportability: {
    id: 'opinion-supportability',
    rationale: 'An opinion is more persuasive the more relevant objective medical evidence its own source presents for it: findings in the same source\'s records are what an adjudicator looks for first.',
    authority: (claim: Claim) => filedBeforeRevision(claim) ? `20 CFR ${section(claim, '404.1527')}(c)(3)` : `20 CFR ${section(claim, '404.1520c')}(c)(1)`,
  },
  consistency: {
    id: 'opinion-consistency',
    rationale: 'An opinion is more persuasive the more consistent it is with the evidence from other medical and nonmedical sources; an activity another source limits differently is where the adjudicator will choose.',
    authority: (claim: Claim) => filedBeforeRevision(claim) ? `20 CFR ${section(claim, '404.1527')}(c)(4)` : `20 CFR ${section(claim, '404.1520c')}(c)(2)`,
  },
  controllingWeight: {
    id: 'opinion-controlling-weight',
    rationale: 'For claims filed before 27 March 2017, a treating source\'s opinion that is well supported and not inconsistent with the other substantial evidence must be adopted; otherwise it is weighed by the listed factors.',
    authority: (claim: Claim) => `20 CFR ${section(claim, '404.1527')}(c)(2); SSR 96-2p (rescinded for claims filed from 27 March 2017)`,
  },
} satisfies Record<string, OpinionCheckMeta>;
