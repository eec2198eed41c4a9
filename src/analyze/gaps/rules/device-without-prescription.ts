import type { FactOf } from '../../../model/index.js';
import { daysBetween } from '../../dates.js';
import { isAcceptableMedicalSource } from '../../providers.js';
import { datesOf, isExaminingEncounter, list, makeGap, opinionAddressee, shortQuote } from '../helpers.js';
import type { GapRule } from '../types.js';
import { pushTo } from '../../../util/group.js';

const DEVICE_WORDS: [RegExp, string][] = [
  [/\bcanes?\b/i, 'cane'], [/\bwalkers?\b|\brollator\b/i, 'walker'], [/\bwheel ?chair\b|\bscooter\b/i, 'wheelchair'],
  [/\bcrutch\w*\b/i, 'crutches'], [/\bbrace\b|\borthosis\b|\bsplint\w*\b|\bcollar\b/i, 'brace'],
];
/**
 * Words that document a prescription or medical need for the device; a treating source's "hemiparetic gait requiring
 * quad cane" or a form's "Must use a cane … [X] Yes" is the documentation of need SSR 96-9p asks for.
 */
const PRESCRIBED = /\b(?:prescri\w*|Rx\b|DME (?:order|rx)|order(?:ed)?\b|medically (?:necessary|required)|medical necessity|letter of medical necessity|LMN\b|issued|dispensed|fitted|renew(?:ed|al)|requir(?:es|ing|ed)|must use)\b/i;
/** Words that make the mention a suggestion or a refusal, not use. */
const NOT_USED = /\b(?:recommend\w*|consider\w*|discuss\w*|may (?:advance|wean|use)|wants to try|does not want|declin\w*|without (?:a |the )?(?:cane|walker|brace)|no (?:cane|walker|assistive device)|if)\b/i;
/** A physician's plan directing the device's use and when ("continue cane for community distances"). */
const DIRECTED = /\b(?:continue|use)\s+(?:the\s+|a\s+|single-point\s+|rolling\s+)?(?:cane|walker|brace|wheel ?chair|crutches)\b|\b(?:cane|walker|brace|wheel ?chair|crutches)\s+(?:for|when needed|at all times)\b/i;
/** The record says outright that nobody prescribed it. */
const NOT_PRESCRIBED = /\bnot (?:been )?(?:prescribed|ordered|medically (?:required|necessary))|\bno (?:doctor|physician|one) (?:prescribed|ordered)|\bwithout (?:a )?prescription|\bno prescription|\bOTC\b|over the counter|\bbought\b/i;
const TENTATIVE = /\b(?:may|consider\w*|discuss\w*|asks? (?:if|whether|about)|wants to|if)\b/i;
/** Use documented over this long is ongoing reliance, not a few post-operative days. */
const MIN_USE_DAYS = 30;

export const rule: GapRule = {
  meta: {
    id: 'device-without-prescription',
    title: 'Assistive device (cane, walker, brace) used without a prescription or statement of medical necessity',
    severity: 'medium',
    rationale: 'A hand-held assistive device counts toward the residual capacity only when medical documentation establishes the need for it and describes the circumstances (all the time, distances, terrain). (Compensation and injury carriers settle a device with the bill and prescription; a reviewer does not ask for it there.)',
    authority: { cite: 'SSR 96-9p (medically required hand-held assistive device); 20 CFR 404.1529', url: 'https://www.ssa.gov/OP_Home/rulings/di/01/SSR96-09-di-01.html' },
    profiles: ['ssdi', 'ssi', 'general'],
    request: { to: 'the treating physician', ask: 'Please state whether the device is medically required, since when and in what circumstances, and send the prescription.' },
  },
  check(ctx) {
    const mentions = ctx.of('treatment', true).filter((f): f is FactOf<'treatment'> => ['assistive_device', 'brace'].includes(f.attributes.modality));
    const byDevice = new Map<string, FactOf<'treatment'>[]>();
    for (const f of mentions) {
      const q = f.evidence.map((e) => e.quote).join(' ');
      const name = DEVICE_WORDS.find(([re]) => re.test(q))?.[1] ?? (f.attributes.modality === 'brace' ? 'brace' : f.attributes.subtype);
      if (name) pushTo(byDevice, name, f);
    }
    const gaps = [];
    for (const [device, facts] of byDevice) {
      const word = DEVICE_WORDS.find(([, n]) => n === device)?.[0];
      // A prescription, a statement of need, or a physician's plan directing its use ("Cane for community ambulation").
      const endorsed = facts.some((f) => isAcceptableMedicalSource(ctx.encounterOf(f)) === true && !isExaminingEncounter(ctx.encounterOf(f))
        && !f.evidence.some((e) => TENTATIVE.test(e.quote))
        && (['recommended', 'planned'].includes(f.attributes.status) || f.evidence.some((e) => DIRECTED.test(e.quote))));
      const says = (q: string) => PRESCRIBED.test(q) && !NOT_PRESCRIBED.test(q);
      const prescribed = endorsed || facts.some((f) => f.evidence.some((e) => says(e.quote)))
        || ctx.asserted.some((f) => f.evidence.some((e) => says(e.quote) && (!word || word.test(e.quote))));
      if (prescribed) continue;
      const used = facts.filter((f) => ['ongoing', 'performed'].includes(f.attributes.status) && f.temporality === 'current'
        && !f.evidence.some((e) => NOT_USED.test(e.quote)));
      const dates = datesOf(ctx, used);
      if (dates.length < 2 || daysBetween(dates[0], dates[dates.length - 1]) < MIN_USE_DAYS) continue;
      const latest = used[used.length - 1];
      const who = opinionAddressee(ctx, ctx.providerOf(latest));
      gaps.push(makeGap(rule.meta, {
        why: `The claimant uses a ${device} (${list([dates[0], dates[dates.length - 1]])}; latest: "${shortQuote(latest, 100)}"), but no prescription or statement of medical necessity for it is in the record.`,
        to: who,
        ask: `The notes record use of a ${device} from ${dates[0]} to ${dates[dates.length - 1]}. Please state whether the ${device} is medically necessary, since when, when it is needed (at all times, for distances, on uneven terrain, for balance) and the findings that show the need; if you prescribe it, please send the prescription (DME order).`,
        evidence: [used[0], latest].filter((f, i, a) => a.indexOf(f) === i).flatMap((f) => f.evidence.slice(0, 1)),
      }));
    }
    return gaps;
  },
};
