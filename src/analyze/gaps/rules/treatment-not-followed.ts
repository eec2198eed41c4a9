import type { Fact } from '../../../model/index.js';
import { beforeOnset, datesOf, list, makeGap, opinionAddressee, quoteOf, shortQuote } from '../helpers.js';
import { isForOtherCondition } from '../../../knowledge/relevance.js';
import type { GapRule } from '../types.js';
import { modalityWords } from '../../../model/modalities.js';

/** The record says prescribed treatment was not followed. */
const NOT_FOLLOWED = /\b(?:non-?complian\w*|non-?adheren\w*|not taking|ran out|did not (?:fill|pick up|return|attend|schedule|start)|no-?show\w*|missed (?:appointments?|visits?|sessions?)|unable to (?:afford|attend|get to)|referral closed|closed - unable)\b/i;
/** Words that give the claimant's reason (good cause); the claimant's own words quoted after declining are one too. */
const REASON = /declin\w*[^.\n"“]{0,30}["“]|\b(?:does(?:n't| not) want|not bad enough|cost|afford\w*|copay\w*|financ\w*|insurance|uninsured|transport\w*|ride|bus|side effects?|nause\w*|drows\w*|fear|afraid|caregiver|childcare|work schedule|prefer\w*|(?:was ?n[o']t|not) worth|no benefit|did(?:n't| not) (?:help|work)|didn't work|fail\w*|exhausted|illness|ill|because|due to|since)\b/i;
/** Declining more of a treatment already tried ("declines further injections") is a judgement on its effect, not a refusal of care. */
const FURTHER = /\b(?:further|another|more|repeat|again)\b/i;
const INJECTION = /injection|block|ablation/;
/** Someone else declines it: an examiner, a carrier or a reviewer refusing care is a denial, not the claimant's refusal. */
const OTHERS_DECLINE = /\b(?:IME|examiner|carrier|insurer|adjuster|UR|reviewer|plan|payer|Dr\.?\s+[A-Z][\w'-]+)\b[^.;]{0,60}\bdeclin\w*/;
/** A row of a visit or procedure log (columns set apart by runs of spaces, or a CSV line): one missed session is attendance, not non-adherence. */
const TABLE_ROW = /(?:\S(?: {2,}|\t)){3,}|^[^,\n]*(?:,[^,\n]*){4,}$|\|[^|\n]*\|[^|\n]*\|/m;
/** "29 visits attended, 1 no-show": a course kept, with the odd missed visit. */
const MOSTLY_ATTENDED = /\b(\d+)\s+(?:of\s+\d+\s+)?(?:visits?|sessions?|appointments?|treatments?)\s+(?:attended|kept|completed)\b[^.;]{0,30}?\b(\d+)\s+(?:no-?shows?|missed|cancell?ations?|cancels?)/i;
const keptCourse = (quote: string): boolean => {
  const m = MOSTLY_ATTENDED.exec(quote);
  return !!m && Number(m[2]) * 5 <= Number(m[1]);
};
/** "Hold meloxicam/NSAIDs 7 days (not taking)": a drug paused on the prescriber's instruction is followed, not dropped. */
const ON_HOLD = /\bhold(?:ing)?\b[^.;]{0,40}\bnot taking\b/i;
/** Mental-health care and surgery have their own rules (mental-health-unaddressed, surgical-consult-without-decision-reason). */
const OWN_RULE = new Set(['psychology', 'surgery', 'surgical_consultation']);

/** A medication list holds several drugs in one sentence: the cue must stand in the drug's own clause ("lisinopril - ran out; naproxen daily"). */
function clauseOf(f: Fact, quote: string): string {
  const drug = f.type === 'treatment' ? f.attributes.drug?.toLowerCase() : undefined;
  if (!drug) return quote;
  return quote.split(/[;\n]|,(?=\s*[A-Za-z]+\s+\d)/).find((c) => c.toLowerCase().includes(drug)) ?? quote;
}

export const rule: GapRule = {
  meta: {
    id: 'treatment-not-followed',
    title: 'Failure to follow prescribed treatment without a documented good-cause reason',
    severity: 'medium',
    rationale: 'When the record shows prescribed treatment was not followed (medication not taken, referrals or therapy dropped, treatment declined), the adjudicator asks whether there was good cause: cost, lack of transportation or insurance, side effects, fear, another provider\'s advice. Good cause must be in the record; without it non-adherence is read against the claimant (and in injury claims as a failure to mitigate).',
    authority: { cite: 'SSR 18-3p (failure to follow prescribed treatment; good cause); SSR 16-3p; 20 CFR 404.1530', url: 'https://www.ssa.gov/OP_Home/rulings/di/02/SSR2018-03-di-02.html' },
    profiles: ['ssdi', 'ssi', 'general'],
    request: { to: 'the treating physician', ask: 'Please document why the prescribed treatment was not followed (good cause) and whether it would be expected to restore function.' },
  },
  check(ctx) {
    // Care for another condition (a blood-pressure drug run out) is not the claimed impairment's treatment.
    // An emergency department's offer ("sling offered for comfort - declined") is not a course of prescribed treatment.
    // Nor is care not followed before the alleged onset: SSR 18-3p asks about treatment prescribed for the disabling impairment.
    const counts = (f: Fact) => f.temporality === 'current' && !isForOtherCondition(f) && !beforeOnset(ctx, f) && ctx.encounterOf(f)?.kind !== 'emergency_visit'
      && ctx.encounterOf(f)?.specialty !== 'emergency' && ctx.encounterOf(f)?.source !== 'ledger'
      && !f.evidence.some((e) => TABLE_ROW.test(e.quote) || OTHERS_DECLINE.test(e.quote) || keptCourse(e.quote) || ON_HOLD.test(e.quote));
    const notFollowed = ctx.asserted.filter((f) => counts(f)
      && !(f.type === 'treatment' && OWN_RULE.has(f.attributes.modality)) && f.evidence.some((e) => NOT_FOLLOWED.test(clauseOf(f, e.quote))));
    // A reason given once for declining a kind of treatment explains its later refusals.
    const kind = (m: string) => (INJECTION.test(m) ? 'injection' : m);
    const explainedKinds = new Set(ctx.of('treatment').filter((f) => f.evidence.some((e) => /declin|refus/i.test(e.quote) && REASON.test(e.quote))).map((f) => kind(f.attributes.modality)));
    const declinedNoReason = ctx.of('treatment').filter((f) => f.attributes.status === 'declined' && !OWN_RULE.has(f.attributes.modality) && counts(f)
      && !f.attributes.reasonStopped && !f.evidence.some((e) => REASON.test(e.quote) || FURTHER.test(e.quote)) && !explainedKinds.has(kind(f.attributes.modality)));
    const items: Fact[] = [...notFollowed, ...declinedNoReason];
    // Every lapse explained in the note itself ("ran out … couldn't afford a refill"): good cause is on record.
    if (!items.length || items.every((f) => f.evidence.some((e) => REASON.test(e.quote)))) return [];
    const seen = new Set<string>();
    const unique = items.filter((f) => { const q = quoteOf(f); if (seen.has(q)) return false; seen.add(q); return true; });
    const withReason = unique.filter((f) => f.evidence.some((e) => REASON.test(e.quote)));
    const without = unique.filter((f) => !withReason.includes(f));
    const latest = unique[unique.length - 1];
    const who = opinionAddressee(ctx, ctx.providerOf(latest));
    const treatments = [...new Set(unique.filter((f): f is Extract<Fact, { type: 'treatment' }> => f.type === 'treatment').map((f) => f.attributes.drug ?? modalityWords(f.attributes.modality)))];
    const quotes = unique.slice(-3).map((f) => `"${shortQuote(f, 90)}"`).join('; ');
    const dates = datesOf(ctx, unique);
    return [makeGap(rule.meta, {
      why: `The record shows prescribed treatment${treatments.length ? ` (${list(treatments.slice(0, 4))})` : ''} was not followed (${quotes}; ${list(dates.slice(-3))}). ${without.length ? 'No reason is recorded for' : 'A reason is noted only in passing for'} ${without.length ? (withReason.length ? 'some of it' : 'it') : 'it, without the details that establish good cause'}.`,
      to: who,
      ask: `The notes record that treatment was not followed (${quotes}). Please document the reasons the patient gave (good cause: cost or lack of insurance, transportation, side effects, fear, other providers' advice), what was done to overcome them (free or sliding-scale care, assistance programs), and whether the treatment, if followed, would be expected to restore the ability to work.`,
      evidence: unique.slice(-4).flatMap((f) => f.evidence.slice(0, 1)),
    })];
  },
};
