/**
 * Personal injury: the condition before the incident (prior complaints of the same kind), permanency statements,
 * future care recommended, and the medical specials (billed, paid, adjusted, by provider) from the ledger.
 */
import type { CaseAnalysis, Fact, SupportItem, Supports } from '../../model/index.js';
import type { CaseContext } from '../case-context.js';
import { isForOtherCondition } from '../../knowledge/relevance.js';
import { usd } from '../../util/money.js';

const FUTURE = /\b(?:future (?:medical )?care|will (?:likely |probably )?(?:need|require)|lifetime|periodic|as needed for flares?|replacement|revision)\b/i;
const quote = (f: Fact) => f.evidence[0].quote.replace(/\s+/g, ' ').slice(0, 140);

export function personalInjurySupports(ctx: CaseContext, a: Pick<CaseAnalysis, 'mmi' | 'billing' | 'trajectory'>): Supports {
  const items: SupportItem[] = [];
  const onset = ctx.claim.onset;

  const prior = onset ? ctx.asserted.filter((f) => (ctx.dateOf(f) ?? '9999') < onset && !isForOtherCondition(f)
    && (f.type === 'treatment' || f.type === 'limitation' || f.type === 'objective_finding')) : [];
  items.push({
    id: 'pre-incident', label: 'Before the incident',
    status: !onset ? 'missing' : prior.length ? 'info' : 'missing',
    text: !onset ? 'The incident date is not given, so care before it cannot be told apart.'
      : prior.length ? `${prior.length} finding${prior.length > 1 ? 's' : ''} dated before ${onset} (prior care or complaints), e.g. “${quote(prior[0])}” — compare body part and severity with the claimed injury.`
        : `No record before ${onset} in the file: the condition before the incident (the baseline for causation) is not shown.`,
    evidence: prior.slice(0, 3).flatMap((f) => f.evidence.slice(0, 1)),
    ...(prior.length ? {} : { missing: ['the primary care and any treating records for the 3-5 years before the incident'] }),
  });

  const permanent = [
    ...ctx.of('mmi_statement').filter((f) => f.attributes.kind !== 'not_at_mmi'),
    ...ctx.of('prognosis').filter((f) => f.attributes.outlook === 'permanent' || f.attributes.outlook === 'poor'),
    ...ctx.of('impairment_rating'),
  ];
  items.push({
    id: 'permanency', label: 'Permanency',
    status: permanent.length ? 'supported' : a.mmi.status === 'implied' ? 'partly' : 'missing',
    text: permanent.length ? `Stated: “${quote(permanent[permanent.length - 1])}” (${ctx.providerOf(permanent[permanent.length - 1])}, ${ctx.dateOf(permanent[permanent.length - 1]) ?? 'undated'}).`
      : a.mmi.status === 'implied' ? 'Implied by the pattern of care, not stated by a physician.' : 'No physician states the injury is permanent.',
    evidence: permanent.slice(-2).flatMap((f) => f.evidence.slice(0, 1)),
    ...(permanent.length ? {} : { missing: ['a treating physician\'s opinion, to a reasonable degree of medical probability, that the injury is permanent, with the findings it rests on'] }),
  });

  // Care recommended after the healing period, and the future-care allowances a physician lists ("Future medical care:
  // b. Gabapentin … $624 per year").
  const future = [...ctx.of('treatment').filter((f) => ['recommended', 'planned'].includes(f.attributes.status) && !isForOtherCondition(f)
    && ((a.mmi.date && (ctx.dateOf(f) ?? '') >= a.mmi.date) || FUTURE.test(f.evidence[0].quote))), ...ctx.allowedLater.filter((f) => !isForOtherCondition(f))];
  items.push({
    id: 'future-care', label: 'Future care',
    status: future.length ? 'supported' : 'missing',
    text: future.length ? `${future.length} recommendation${future.length > 1 ? 's' : ''} for care after the healing period, e.g. “${quote(future[0])}”.` : 'No future medical care is recommended in the record.',
    evidence: future.slice(0, 3).flatMap((f) => f.evidence.slice(0, 1)),
    ...(future.length ? {} : { missing: ['a life-care or future-care statement from the treating physician: what care, how often, for how long, at what cost'] }),
  });

  const b = a.billing;
  items.push({
    id: 'medical-specials', label: 'Medical specials',
    status: b ? 'supported' : 'missing',
    text: b ? `Billed ${usd(b.totals.grand.charges)}, paid ${usd(b.totals.grand.paid)}, adjusted ${usd(b.totals.grand.adjustments)}, balance ${usd(b.totals.grand.balance)} over ${b.lines} ledger lines; largest: ${b.totals.byProvider.slice(0, 3).map((t) => `${t.key} ${usd(t.charges)}`).join('; ')}. ${b.billedWithoutRecord.length} billed visit(s) have no note in the file.`
      : 'No billing ledger in the file: the medical specials cannot be totalled.',
    evidence: b ? b.totals.grand.evidence.slice(0, 2) : [],
    ...(b ? {} : { missing: ['itemised bills (UB-04 / CMS-1500) or a ledger from every provider, with payments and adjustments'] }),
  });

  return { profile: 'personal_injury', title: 'Personal injury', basis: 'What an injury claim turns on: causation (baseline), permanency, future care, specials.', items };
}
