import type { ContextCue, Encounter, Fact, Section, SourceDocument } from '../model/index.js';
import { assessContext } from '../context/engine.js';
import { findDates, type DateMention } from '../knowledge/dates.js';
import { evidenceAt } from '../knowledge/evidence.js';

/** One sentence of one encounter, with its section and (lazily) its dates. */
export interface SentenceCtx {
  doc: SourceDocument;
  encounter: Encounter;
  start: number;
  end: number;
  text: string;
  section?: Section;
  /** Dates in the sentence (offsets relative to `text`), computed on first use. */
  dates(): DateMention[];
  /** The date of the visit-log row the sentence lies in ("10  03/15/2023  4/10 … Referred to PCP."), if any. */
  rowDate?: string;
}

/**
 * A faxed page read by OCR writes "stab1e", "Fo1low", "c0ntrast": a 1 or 0 between letters of a word is an l or an o.
 * The same length, so every offset (and every quote, taken from the document) is unchanged. Codes and levels ("S1",
 * "L5-S1", "q1h") keep their digits: the digit must sit inside a lower-case run of at least two letters.
 */
export function ocrLetters(text: string): string {
  return text.replace(/(?<=[A-Za-z][a-z])1(?=[a-z])|(?<=[a-z]{2})1(?=\b)/g, 'l').replace(/(?<=[A-Za-z][a-z])0(?=[a-z])|(?<=[a-z])0(?=[a-z]{2})/g, 'o')
    // And the reverse inside a date: "11/O6/2O23" is 11/06/2023, "O3/l4/2023" is 03/14/2023.
    .replace(OCR_DATE, (d) => (/\d.*\d.*\d/.test(d) ? d.replace(/[Oo]/g, '0').replace(/[lI]/g, '1') : d));
}
/** A slash date with a letter O, o, l or I where a digit belongs. */
const OCR_DATE = /(?<![\w/])(?=[\dOolI/]*[OolI])[\dOolI]{1,2}\/[\dOolI]{1,2}\/(?:[\dOolI]{4}|[\dOolI]{2})(?![\w/])/g;

export function makeSentence(doc: SourceDocument, encounter: Encounter, start: number, end: number, section?: Section): SentenceCtx {
  let cache: DateMention[] | undefined;
  const text = ocrLetters(doc.text.slice(start, end));
  // A row of a visit log is that day's note: its sentences are dated by the row, and "since injection 05/30" in it
  // is read against the row's date, not the log's.
  const rowDate = encounter.visitRows?.find((r) => start >= r.evidence.start && start < r.evidence.end)?.date;
  return {
    doc, encounter, start, end, text, section, ...(rowDate ? { rowDate } : {}),
    dates: () => (cache ??= /\d|\b(?:ago|yesterday|today|last|next|week|month|year)/i.test(text) ? findDates(text, rowDate ?? encounter.date) : []),
  };
}

type Base = Omit<Fact, 'type' | 'attributes'>;

export interface MentionOptions {
  /** 'nearest' ties the fact to the sentence date nearest the mention; 'encounter' always uses the visit date. */
  dating?: 'nearest' | 'encounter';
  /** Context triggers inside the matched phrase ("not a surgical candidate") are part of its meaning. */
  ignoreCuesInside?: boolean;
  /** Negation triggers that belong to the fact's meaning here ("no lifting" is a restriction, not an absent lift). */
  meaningfulNegation?: RegExp;
}

/** Context flags, date, evidence and deterministic id for a mention at sentence-relative [s, e). */
export function mentionBase(sent: SentenceCtx, type: Fact['type'], s: number, e: number, opts: MentionOptions = {}): Base {
  const ctx = assessContext(sent.text, s, e, { section: sent.section?.kind, offset: sent.start });
  let cues: ContextCue[] = ctx.cues;
  let negated = ctx.negated;
  if (opts.ignoreCuesInside !== false) {
    const absS = sent.start + s; const absE = sent.start + e;
    const inside = (c: ContextCue) => c.start >= absS && c.end <= absE;
    const negCues = cues.filter((c) => c.category === 'negated');
    if (negated && negCues.length > 0 && negCues.every(inside)) negated = false;
    cues = cues.filter((c) => !inside(c));
  }
  if (opts.meaningfulNegation && negated) {
    const own = (c: ContextCue) => c.category === 'negated' && opts.meaningfulNegation!.test(c.trigger);
    if (cues.filter((c) => c.category === 'negated').every(own)) negated = false;
    cues = cues.filter((c) => !own(c));
  }
  const base: Base = {
    id: `${sent.encounter.id}:${type}:${sent.start + s}`,
    encounterId: sent.encounter.id,
    dateSource: 'none',
    negated,
    certainty: ctx.certainty,
    temporality: ctx.temporality,
    experiencer: ctx.experiencer,
    context: cues,
    evidence: [evidenceAt(sent.doc, sent.start, sent.end)],
  };
  const d = opts.dating === 'encounter' ? undefined : nearestDate(sent.dates(), s, e);
  if (d) { base.date = d.date; base.dateSource = d.relative ? 'relative' : 'sentence'; }
  else if (sent.rowDate) { base.date = sent.rowDate; base.dateSource = 'sentence'; }
  else if (sent.encounter.date) { base.date = sent.encounter.date; base.dateSource = 'encounter'; }
  return base;
}

/** Where a fact's own words begin in the document (its id records the mention's offset; evidence quotes the sentence). */
export function mentionStart(f: Pick<Fact, 'id' | 'evidence'>): number {
  const at = Number(/:(\d+)(?:\.\d+)?$/.exec(f.id)?.[1]);
  return Number.isFinite(at) ? at : f.evidence[0].start;
}

/** The sentence date closest to the mention (by character distance), preferring written dates over relative ones. */
export function nearestDate(dates: DateMention[], s: number, e: number): DateMention | undefined {
  let best: DateMention | undefined; let bestDist = Infinity;
  // "for 3 weeks" resolves to a date too; a written date in the sentence is the better anchor.
  const absolute = dates.filter((d) => !d.relative);
  for (const d of absolute.length > 0 ? absolute : dates) {
    const dist = d.end <= s ? s - d.end : d.start >= e ? d.start - e : 0;
    if (dist < bestDist) { best = d; bestDist = dist; }
  }
  return best;
}

/** How far a clause reaches either side of its mention (a long clause is still whole within it). */
const CLAUSE_REACH = 320;
const wordStart = (text: string, i: number) => { const sp = text.indexOf(' ', i); return sp < 0 ? i : sp + 1; };
const wordEnd = (text: string, i: number) => { const sp = text.lastIndexOf(' ', i); return sp < 0 ? i : sp; };

/** Clause around [s, e): sentence text cut at ';', ' but ', ' however ', so cues from a neighbouring clause do not leak in. */
export function clauseAround(text: string, s: number, e: number): { start: number; end: number; text: string } {
  // A title's, a middle initial's or an abbreviation's full stop ("Mr. Ferreira-Matos", "Dr. Marjorie L. Whitfield",
  // "Est. MMI: ~09/2024") ends no clause; another capital's may ("… Timberline O&P. Short PT episode").
  // A row of a dated log or tracking table ("07/19/22   Behavioral health intake   …   COMPLETED") is its own clause.
  // ", and I expect her function to change": the author's forecast after a statement is a clause of its own.
  // ("hydroxychloroquine 200 mg | mycophenolate 500 mg BID | naproxen - DISCONTINUED 3/2023": each cell of a piped list is its own.)
  const boundary = /;|\s\|\s|\s(?:but|however|although|whereas|though)\s|,\s+and\s+(?=(?:I|we)\s+(?:expect|anticipate|would expect|plan|will)\b)|(?<!\b(?:Mr|Ms|Mrs|Dr|St|Jr|Sr|vs|Est|Approx)|\b(?:Mr|Ms|Mrs|Dr)\.? [A-Z][a-z]+ [A-Z])\.\s|\n(?=[ \t]{0,3}\d{1,2}\/\d{1,2}\/\d{2,4}[ \t]{2,})/gi;
  let cs = 0; let ce = text.length;
  for (const m of text.matchAll(boundary)) {
    const bEnd = m.index + m[0].length;
    if (bEnd <= s) cs = bEnd;
    else if (m.index >= e) { ce = m.index; break; }
  }
  // A run-on line with no clause marks is read only near the mention: cues further off are not about it, and every
  // mention reading the whole line would make the line's cost grow with the square of its mentions.
  if (s - cs > CLAUSE_REACH) cs = Math.min(s, wordStart(text, s - CLAUSE_REACH));
  if (ce - e > CLAUSE_REACH) ce = Math.max(e, wordEnd(text, e + CLAUSE_REACH));
  return { start: cs, end: ce, text: text.slice(cs, ce) };
}

export const SIDE = /\b(left|right|bilateral(?:ly)?|both)\b/i;
export function sideOf(text: string): 'left' | 'right' | 'bilateral' | undefined {
  const m = SIDE.exec(text);
  if (!m) return undefined;
  const w = m[1].toLowerCase();
  return w.startsWith('left') ? 'left' : w.startsWith('right') ? 'right' : 'bilateral';
}

export const LEVEL = /\b([CTLS]\d{1,2})(?:\s*[-–/]\s*([CTLS]?\d{1,2}))?(?![\d/])/;
export function levelOf(text: string): string | undefined {
  const m = LEVEL.exec(text);
  if (!m) return undefined;
  if (!/^[CTL]/.test(m[1]) && !m[2]) return m[1] === 'S1' ? 'S1' : undefined;
  return m[2] ? `${m[1]}-${m[2]}` : m[1];
}

const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, several: 3, few: 3, couple: 2, half: 0.5 };
export function parseNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/^(?:a |an )/, '');
  if (/^\d+(?:\.\d+)?$/.test(w)) return Number(w);
  if (w.startsWith('half')) return 0.5;
  return NUMBER_WORDS[w];
}

/** "Tylenol as needed", "ibuprofen 600 mg prn": a standing prescription taken when needed is a current medication, not a hypothetical one. */
const AS_NEEDED = /^(?:as needed|as[- ]required|prn|p\.r\.n\.?)$/i;
export function asNeededIsCurrent(base: ReturnType<typeof mentionBase>): boolean {
  if (base.temporality !== 'hypothetical') return false;
  const hypo = base.context.filter((c) => c.category === 'hypothetical');
  if (hypo.length === 0 || !hypo.every((c) => AS_NEEDED.test(c.trigger.trim()))) return false;
  base.temporality = 'current';
  base.context = base.context.filter((c) => c.category !== 'hypothetical');
  return true;
}
