/**
 * An adjudicator's finding of MMI and the physician's report it rests on: a hearing officer's order, a judge's award,
 * a board's decision ("finds that the allowed conditions have reached maximum medical improvement … This order is based
 * upon the 02/24/2023 report of Lowell F. Kasprzak, M.D."). The decision carries no clinical fact; it settles which
 * opinion governs. Knowledge: lexicon/documents/roles.json (adjudicatedMmi).
 */
import { z } from 'zod';
import type { DocumentStatus, SourceDocument } from '../model/index.js';
import { phrasesSource, readLexiconFile } from '../knowledge/lexicon.js';
import { evidenceAt, trimSpan } from '../knowledge/evidence.js';

const Phrases = z.array(z.string().min(1)).min(1);
const data = readLexiconFile('documents/roles.json', z.looseObject({
  adjudicatedMmi: z.looseObject({ finding: Phrases, adjudicatorVerb: Phrases, notFound: Phrases, basis: Phrases }),
})).adjudicatedMmi;
const FINDING = new RegExp(phrasesSource(data.finding), 'i');
const VERB = new RegExp(phrasesSource(data.adjudicatorVerb), 'i');
const NOT_FOUND = new RegExp(phrasesSource(data.notFound), 'i');
/** The basis: "based upon the 02/24/2023 report of", "as found by". */
const BASIS = new RegExp(phrasesSource(data.basis), 'gi');
/**
 * The physician the basis names, in the words after it: "Dr. Marchetti", "Industrial Commission specialist Helen V.
 * Marchetti, M.D.", "Lowell F. Kasprzak, M.D.".
 */
const PHYSICIAN = /\bDr\.?\s+(?:[A-Z][\w'-]*\.?\s+){0,2}([A-Z][\w'-]+)|\b(?:[A-Z][\w'-]*\.?\s+){0,2}([A-Z][\w'-]+),?\s+(?:M\.\s?D\.|MD|D\.\s?O\.|DO)(?![A-Za-z])/;
/** How far after the basis words the physician's name may come. */
const NAME_REACH = 120;
/** How far after the finding its basis may be told (the order's next sentences). */
const BASIS_REACH = 800;
/** A sentence: up to its full stop (not "Dr." or "M.D.") or a blank line. */
const SENTENCE = /[^.\n]*(?:(?:\b(?:Dr|M\.D|D\.O|Mr|Ms|Mrs|St|No|[A-Z]))\.[^.\n]*|\n(?!\s*\n)[^.\n]*)*(?:\.|$)/g;

/** The surname of the physician an adjudicator adopted as to MMI, with the finding and its basis cited. */
export function adjudicatedMmi(doc: SourceDocument): DocumentStatus['adjudicatedMmi'] {
  for (const m of doc.text.matchAll(SENTENCE)) {
    const s = m[0];
    if (!FINDING.test(s) || !VERB.test(s) || NOT_FOUND.test(s)) continue;
    const from = m.index;
    const window = doc.text.slice(from, from + s.length + BASIS_REACH);
    for (const b of window.matchAll(BASIS)) {
      const after = window.slice(b.index + b[0].length, b.index + b[0].length + NAME_REACH);
      const named = PHYSICIAN.exec(after);
      if (!named) continue;
      const surname = (named[1] ?? named[2]).replace(/'s$/, '');
      const [fs, fe] = trimSpan(doc.text, from, from + s.length);
      const [bs, be] = trimSpan(doc.text, from + b.index, from + b.index + b[0].length + named.index + named[0].length);
      return { physician: surname, evidence: [evidenceAt(doc, fs, fe), evidenceAt(doc, bs, be)] };
    }
  }
  return undefined;
}
