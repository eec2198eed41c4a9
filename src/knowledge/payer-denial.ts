/**
 * A request the payer turned down ("ESI non-certified by UR", "TMS denied", "insurer denied surgery"): the treatment was
 * not given. Knowledge: lexicon/extract/treatment-status.json (`payerDenied`).
 */
import { z } from 'zod';
import { phrasesSource, readLexiconFile } from './lexicon.js';

const Phrases = z.array(z.string().min(1)).min(1);
const list = readLexiconFile('extract/treatment-status.json', z.looseObject({
  payerDenied: z.looseObject({ byPayer: Phrases, afterMention: Phrases, reversed: Phrases }),
})).payerDenied;
const compile = (phrases: string[]) => new RegExp(phrasesSource(phrases), 'i');
const BY_PAYER = compile(list.byPayer);
const AFTER_MENTION = compile(list.afterMention);
const REVERSED = compile(list.reversed);

/** Whether a text says the payer turned a request down, and no later words in it overturn that. (Wrapped lines read as one.) */
export function deniedByPayer(text: string): boolean {
  const flat = text.replace(/\s+/g, ' ');
  return (BY_PAYER.test(flat) || AFTER_MENTION.test(flat)) && !REVERSED.test(flat);
}

/**
 * Whether the treatment named in `clause`, ending at `end`, was turned down by the payer: the payer named as acting
 * anywhere in the clause, or a bare verdict after the mention ("TMS denied"; before it, "denied" is a patient denying a
 * history). `rest` is the sentence after the clause, read only for a reversal ("…, approved on reconsideration 03/15").
 */
export function mentionDenied(clause: string, end: number, rest = ''): boolean {
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  if (REVERSED.test(flat(clause + ' ' + rest))) return false;
  const said = (re: RegExp, from: number) => {
    const m = re.exec(clause.slice(from));
    return !!m && !CONDITIONAL_BEFORE.test(clause.slice(0, from + m.index));
  };
  return said(BY_PAYER, 0) || said(AFTER_MENTION, end);
}
/** "If the program is not approved, …", "unless UR denies it": a denial foreseen, not one that happened. */
const CONDITIONAL_BEFORE = /\b(?:if|unless|in case|should|whether)\b[^.;]*$/i;
