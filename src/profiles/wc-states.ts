/** The workers' compensation state table (lexicon/profiles/wc-states.json), validated when it loads. */
import { z } from 'zod';
import { readLexiconFile } from '../knowledge/lexicon.js';

const StateRule = z.object({
  name: z.string(),
  term: z.string(),
  certifier: z.string(),
  /** Whose MMI opinion decides when sources disagree. */
  governing: z.enum(['treating_physician', 'designated_doctor']),
  governingAuthority: z.string().optional(),
  /**
   * The governing examiner settles the dispute put to them: a treating physician's MMI stated after further curative
   * care, later than the examiner's report, stands until it is disputed again (Colorado: a follow-up DIME).
   */
  examinerSettlesDisputeOnly: z.boolean().optional(),
  forms: z.array(z.string()),
  /** Temporary disability benefits end at MMI. */
  temporaryEndsAtMmi: z.boolean(),
  statutoryMmiWeeks: z.number().int().positive().optional(),
  statutoryMmiAuthority: z.string().optional(),
  rating: z.string(),
  /** The rating must apportion the impairment between the injury and other causes. */
  apportionment: z.boolean(),
  source: z.string(),
  /** The primary or official text the entry was checked against; absent means reference only. */
  checked: z.string().optional(),
});
export type StateRule = z.infer<typeof StateRule>;

const File = z.object({ default: StateRule, states: z.record(z.string().regex(/^[A-Z]{2}$/), StateRule) });
const data = readLexiconFile('profiles/wc-states.json', File);

/** The state's rules, or the general ones when the state is not given or not in the table (and whether it was). */
export function wcStateRule(state: string | undefined): { rule: StateRule; known: boolean; state?: string } {
  const s = state?.toUpperCase();
  const rule = s ? data.states[s] : undefined;
  return rule ? { rule, known: true, state: s } : { rule: data.default, known: false, state: s };
}

export function wcStates(): string[] {
  return Object.keys(data.states);
}
