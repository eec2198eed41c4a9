/**
 * The NegEx/ConText test-kit format: a TSV with a header row holding a `Condition` (or `concept`)
 * column and a `sentence` column. Shared by `plateau context` and the evaluation script.
 */
import { findSections } from '../segment/sections.js';
import { assessContext, assessSentence } from '../context/engine.js';
import type { ContextResult } from '../context/types.js';

export interface TsvTable { header: string[]; rows: string[][] }

export function parseTsv(text: string): TsvTable {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  const [head = '', ...rest] = lines;
  return { header: head.split('\t'), rows: rest.map((l) => l.split('\t')) };
}

/** Index of the first column whose name starts with one of `names` (case-insensitive), else -1. */
export function findColumn(header: string[], names: string[]): number {
  const lower = header.map((h) => h.trim().toLowerCase());
  for (const n of names) {
    const i = lower.findIndex((h) => h === n || h.startsWith(`${n} `) || h.startsWith(`${n}(`));
    if (i >= 0) return i;
  }
  return -1;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Where `concept` occurs in `sentence`: case-insensitive, any run of whitespace matching any other.
 * The kit writes the annotated mention in capitals; when the concept occurs more than once, an
 * occurrence in capitals (in a sentence that is not all capitals) is preferred.
 */
export function locateConcept(sentence: string, concept: string): { start: number; end: number } | undefined {
  const words = concept.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  const re = new RegExp(words.map(escapeRegExp).join('\\s+'), 'gi');
  const hits: { start: number; end: number }[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(sentence))) {
    hits.push({ start: m.index, end: m.index + m[0].length });
    if (m[0].length === 0) re.lastIndex++;
  }
  if (hits.length === 0) return straddling(sentence, words);
  if (hits.length === 1) return hits[0];
  const mixedCase = /[a-z]/.test(sentence);
  const isHeading = (h: { end: number }) => /^\s*:/.test(sentence.slice(h.end, h.end + 3));
  const upper = hits.filter((h) => mixedCase && sentence.slice(h.start, h.end) === sentence.slice(h.start, h.end).toUpperCase() && /[A-Z]/.test(sentence.slice(h.start, h.end)));
  return upper.find((h) => !isHeading(h)) ?? upper[0] ?? hits.find((h) => !isHeading(h)) ?? hits[0];
}

/**
 * A concept the kit's sentence splitter cut in two ("NECK:  Supple.  No lymphadenopathy" against
 * the sentence "NECK:  Supple."): the longest run of its leading words that ends the sentence, or
 * of its trailing words that starts it, is the part of the mention in this sentence.
 */
function straddling(sentence: string, words: string[]): { start: number; end: number } | undefined {
  let best: { start: number; end: number } | undefined;
  for (let k = words.length - 1; k >= 1 && !best; k--) {
    const head = new RegExp(`${words.slice(0, k).map(escapeRegExp).join('\\s+')}\\s*$`, 'i').exec(sentence);
    const tail = new RegExp(`^\\s*(${words.slice(words.length - k).map(escapeRegExp).join('\\s+')})`, 'i').exec(sentence);
    if (head) best = { start: head.index, end: head.index + head[0].trimEnd().length };
    else if (tail) best = { start: tail.index + tail[0].length - tail[1].length, end: tail.index + tail[0].length };
  }
  return best;
}

/**
 * Judge one concept in one sentence. Kit sentences often carry headings ("SOCIAL HISTORY:  Denies
 * any tobacco"); as the pipeline does, the heading gives the section, and only the text of that
 * section is read, so a trigger under an earlier heading cannot reach the concept.
 */
export function judgeConcept(sentence: string, concept: string): ContextResult {
  const at = locateConcept(sentence, concept);
  const pos = at?.start ?? sentence.length;
  const sections = findSections(sentence);
  const here = [...sections].reverse().find((s) => s.start <= pos) ?? { title: '', kind: 'other' as const, start: 0, end: sentence.length };
  const known = here.kind !== 'other' ? here : [...sections].reverse().find((s) => s.start <= pos && s.kind !== 'other');
  const options = known ? { section: known.kind, sectionHeading: { title: known.title, start: known.start, end: known.start + known.title.length } } : {};
  const text = sentence.slice(here.start, Math.max(here.end, at?.end ?? 0));
  return at
    ? assessContext(text, at.start - here.start, at.end - here.start, { ...options, offset: here.start })
    : assessSentence(sentence, options);
}

export type NegationLabel = 'Affirmed' | 'Negated' | 'Possible';
export type TemporalityLabel = 'Recent' | 'Historical' | 'Hypothetical';
export type ExperiencerLabel = 'Patient' | 'Other';

export function labels(r: ContextResult): { negation: NegationLabel; temporality: TemporalityLabel; experiencer: ExperiencerLabel } {
  return {
    negation: r.negated ? 'Negated' : r.certainty === 'possible' ? 'Possible' : 'Affirmed',
    temporality: r.temporality === 'historical' ? 'Historical' : r.temporality === 'hypothetical' ? 'Hypothetical' : 'Recent',
    experiencer: r.experiencer === 'other' ? 'Other' : 'Patient',
  };
}

export interface LabelledRow { row: string[]; negation: NegationLabel; temporality: TemporalityLabel; experiencer: ExperiencerLabel; result: ContextResult }

/** Judge every row of a kit table. Throws when the required columns are missing. */
export function judgeTable(table: TsvTable): LabelledRow[] {
  const ci = findColumn(table.header, ['condition', 'concept']);
  const si = findColumn(table.header, ['sentence']);
  if (ci < 0 || si < 0) throw new Error('the header needs a "Condition" (or "concept") column and a "sentence" column');
  return table.rows.map((row) => {
    const result = judgeConcept(row[si] ?? '', row[ci] ?? '');
    return { row, result, ...labels(result) };
  });
}
