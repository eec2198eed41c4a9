/**
 * Which chronic medical conditions belong to the claim. Extraction marks inhalers and the like as care for
 * another condition; where the profile weighs every impairment (SSA) and the record diagnoses the condition on
 * two or more dates, that care is care for the claim, and a change of inhaler is a change in treatment.
 */
import type { Fact } from '../model/index.js';
import type { Profile } from '../profiles/types.js';
import { bodyRegionIn, CLAIMABLE_CONDITIONS, type ClaimableCondition } from '../knowledge/relevance.js';
import { isAssertedFact } from '../model/index.js';

/** Dates on which a condition is diagnosed is enough to call it an impairment of the claim, not a passing mention. */
const MIN_DIAGNOSIS_DATES = 2;

/** The claimable conditions the record diagnoses on enough dates, when the profile weighs every impairment. */
export function claimedConditions(profile: Profile, facts: readonly Fact[]): ClaimableCondition[] {
  if (!profile.params.everyImpairmentWeighed) return [];
  return CLAIMABLE_CONDITIONS.filter((c) => {
    const names = new Set(c.diagnoses);
    const dates = new Set(facts.filter((f) => f.type === 'diagnosis' && isAssertedFact(f) && f.temporality === 'current' && f.date
      && names.has(f.attributes.name)).map((f) => f.date));
    return dates.size >= MIN_DIAGNOSIS_DATES;
  });
}

/**
 * The facts with the claimed conditions' drugs ruled care for the claim (`otherCondition: false`), and each claimable
 * condition's operations (an ICD implant, a coronary stent) ruled care for the claim or for another condition by
 * whether that condition is claimed.
 */
export function withClaimedConditionCare(profile: Profile, facts: Fact[]): Fact[] {
  const claimed = claimedConditions(profile, facts);
  const classes = new Set(claimed.flatMap((c) => c.classes.map((k) => k.toLowerCase())));
  const operationOf = new Map(CLAIMABLE_CONDITIONS.flatMap((c) => (c.operations ?? []).map((o) => [o, c.id] as const)));
  const claimedIds = new Set(claimed.map((c) => c.id));
  if (!classes.size && !operationOf.size) return facts;
  return facts.map((f) => {
    if (f.type !== 'treatment') return f;
    if (f.attributes.modality === 'medication' && classes.has((f.attributes.drugClass ?? '').toLowerCase())) return { ...f, attributes: { ...f.attributes, otherCondition: false } };
    const condition = f.attributes.modality === 'surgery' ? operationOf.get(f.attributes.subtype ?? '') : undefined;
    return condition ? { ...f, attributes: { ...f.attributes, otherCondition: !claimedIds.has(condition) } } : f;
  });
}

/** Diagnoses a region needs before it can be called the claim's main one. */
const MIN_MAIN_REGION_DIAGNOSES = 3;

/** The body region the record's current diagnoses name most often (the claim's main condition), if clear. */
export function mainRegion(facts: readonly Fact[]): string | undefined {
  const counts = new Map<string, number>();
  for (const region of diagnosisRegions(facts)) if (region) counts.set(region, (counts.get(region) ?? 0) + 1);
  const [best, next] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] >= MIN_MAIN_REGION_DIAGNOSES && (!next || next[1] < best[1]) ? best[0] : undefined;
}

/**
 * A claim whose diagnoses mostly name no body region (a stroke, heart failure, depression): a joint or a spine level
 * treated once is a side condition's, whatever region it is.
 */
export function regionlessClaim(facts: readonly Fact[]): boolean {
  const regions = [...diagnosisRegions(facts)];
  const regionless = regions.filter((r) => !r).length;
  return regionless >= MIN_REGIONLESS_DIAGNOSES && regionless >= 2 * (regions.length - regionless);
}

/**
 * A systemic claim: no main region, and diagnoses that mostly name none (multiple sclerosis, Crohn's disease, heart
 * failure). Its severity is measured by the disease's own markers and the treating source's opinion, not by films of
 * a joint or a lifting test.
 */
export function systemicClaim(facts: readonly Fact[]): boolean {
  return !mainRegion(facts) && regionlessClaim(facts);
}

/** The body region each current, asserted diagnosis names (undefined where it names none). */
function* diagnosisRegions(facts: readonly Fact[]): Generator<string | undefined> {
  for (const f of facts) {
    if (f.type === 'diagnosis' && isAssertedFact(f) && f.temporality === 'current') yield f.attributes.bodyRegion ?? bodyRegionIn(`${f.attributes.name} ${f.evidence[0]?.quote ?? ''}`);
  }
}
/** Diagnoses without a region it takes to call the claim regionless. */
const MIN_REGIONLESS_DIAGNOSES = 3;
