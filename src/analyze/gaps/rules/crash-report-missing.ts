import { hasPaperNamed, makeGap, shortQuote } from '../helpers.js';
import type { GapRule } from '../types.js';

/** The injury's mechanism as the notes give it: a motor-vehicle collision. */
const COLLISION = /\b(?:MVC|MVA|motor[- ]vehicle (?:collision|accident|crash)|rear[- ]end(?:ed)?|car (?:accident|crash|wreck)|auto(?:mobile)? (?:accident|collision)|(?:vehicle|traffic) (?:collision|crash|accident)|T-?boned|struck by (?:a |another |an )?(?:vehicle|car|truck|SUV))\b/i;
/** A police, crash or collision report among the papers (its file name or title). */
const CRASH_REPORT = /\b(?:police|crash|collision|accident|traffic|incident)[\s_-]*report\b|\bpolice\b|\bcrash[\s_-]*(?:reconstruction|data)\b/i;

export const rule: GapRule = {
  meta: {
    id: 'crash-report-missing',
    title: 'No police or crash report for the collision the claim arises from',
    severity: 'medium',
    rationale: 'Liability and the mechanism of injury rest on the investigating officer\'s report: who was cited, the point and speed of impact, restraint use, airbag deployment, witnesses, and whether anyone was transported. In soft-tissue claims the defense argues from the severity of the impact first, so the report and the vehicle damage estimate or photographs are among the first papers an adjuster or mediator reads.',
    authority: { cite: 'Fed. R. Evid. 803(8) (public records, admissible as a hearsay exception); state motor-vehicle crash-report statutes', url: 'https://www.law.cornell.edu/rules/fre/rule_803' },
    profiles: ['personal_injury'],
    request: { to: 'the investigating police agency (records unit), through counsel', ask: 'Please obtain the police/crash report for the collision, with any diagrams, citations, witness statements and photographs, and the vehicle property-damage estimate or photographs.' },
  },
  check(ctx) {
    if (hasPaperNamed(ctx, CRASH_REPORT)) return [];
    // The collision as a treating record tells it (the emergency note's "rear-ended at a light"), not a lawyer's letter.
    // (The sentence that says it soonest: "MVC, rear-ended at 35 mph" before a diagnosis list that ends on an external-cause code.)
    const told = ctx.asserted.filter((f) => f.evidence.some((e) => COLLISION.test(e.quote)))
      .sort((a, b) => a.evidence[0].quote.search(COLLISION) - b.evidence[0].quote.search(COLLISION))[0];
    if (!told) return [];
    const on = ctx.claim.onset ? ` of ${ctx.claim.onset}` : '';
    return [makeGap(rule.meta, {
      why: `The claim arises from a motor-vehicle collision${on} ("${shortQuote(told, 110)}"), but no police or crash report is in the file: liability, the mechanism and the force of the impact rest on the treating history alone.`,
      ask: `Please obtain the police/crash report for the collision${on}, with any diagrams, citations, witness statements and photographs, and the vehicle property-damage estimate or photographs.`,
      evidence: told.evidence.filter((e) => COLLISION.test(e.quote)).slice(0, 1),
    })];
  },
};
