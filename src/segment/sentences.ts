/**
 * Sentence splitter for dictated and templated clinical notes.
 *
 * Lines first: a blank line, a heading line, a bulleted/numbered item or a short form field
 * ("BP: 120/80") ends a sentence at the line break; a long prose line that wraps onto the next
 * continues it. Inside a paragraph: '.', '?' or '!' followed by a capital, digit or bullet ends a
 * sentence unless the word before is an abbreviation ("Dr.", "vs.") or an initial; decimals
 * ("2.5"), scores ("5/5") and vitals ("120/80.") need no special case because the full stop must be
 * followed by whitespace. Run-on headings ("HISTORY OF PRESENT ILLNESS:,  The patient") become
 * sentences of their own.
 */
import { findRunInHeadings, sectionKindOf } from './sections.js';

const ABBREVIATIONS = new Set([
  'dr', 'drs', 'mr', 'mrs', 'ms', 'prof', 'st', 'vs', 'etc', 'approx', 'jr', 'sr', 'inc', 'mt', 'dept', 'fig',
  'no', 'nos', 'e.g', 'i.e', 'a.m', 'p.m', 'b.i.d', 't.i.d', 'q.i.d', 'p.r.n', 'q.d', 'h.s', 'p.o', 'u.s', 'ca', 'cf',
  'wt', 'ht', 'hr', 'pt', 'pts', 'yr', 'yrs', 'min', 'mos', 'wk', 'wks', 'sec', 'est', 'dx', 'tx', 'hx', 'rx', 'sx', 'fx',
]);

/** Units of time, whose full stop after a number is as often the sentence's end as an abbreviation's. */
const UNITS = new Set(['yr', 'yrs', 'mos', 'wk', 'wks', 'hr', 'min', 'sec']);

const LIST_ITEM = /^[ \t]*(?:[-*•·▪◦‣]|\(?\d{1,2}[.)]|\(?[a-hA-H][.)])[ \t]+/;
const FORM_FIELD = /^[ \t]*[A-Za-z][A-Za-z0-9 /&'()\-#]{0,40}:[ \t]*\S/;
const HEADING_LINE = /^[ \t]*[A-Za-z][A-Za-z0-9 /&'()\-]{0,60}:[ \t,]*$/;
const UPPER_LINE = /^[ \t]*[A-Z][A-Z0-9 /&'()\-]{2,60}[ \t]*$/;
/** A heading inside run-on text: "PAST MEDICAL HISTORY:," or "Assessment:" after a boundary. */
// A run of spaces is tried from its start only (`(?<!\s)`): trying every position of a long run was quadratic.
const INLINE_HEADING = /(^|[.!?],?\s*|:\s+|(?<!\s)\s{2,}|\n\s*)([A-Z][A-Za-z0-9/&'\-]*(?: [A-Za-z0-9/&'()\-]+){0,6}):(?: ?,)?(?=\s|$)/g;

/** Words a sentence cannot end on. */
const CARRIES_ON = /\b(?:a|an|the|at|to|of|on|in|by|for|from|with|as|than|that|and|or|was|were|is|are|be|been|not|his|her|their)$/i;
const RULE_LINE = /^[ \t]*[=\-_*#~+|]{5,}[ \t]*$/;
/** A row of a dated log or table ("  01/21/2025  64624   RF ablation …   CANCELLED"): each row is its own sentence. */
const DATED_ROW = /^[ \t]{0,3}\d{1,2}\/\d{1,2}\/\d{2,4}[ \t]{2,}\S/;

function isUpper(s: string): boolean {
  return /[A-Z]{2}/.test(s) && !/[a-z]/.test(s);
}

/** Whether a line break after `line` ends the sentence, given the next line. */
function breaksAfter(line: string, next: string | undefined): boolean {
  if (next === undefined || !/\S/.test(next) || !/\S/.test(line)) return true;
  // A rule line ("-----", "=====") frames a table or a note: it is never part of a sentence.
  if (RULE_LINE.test(line) || RULE_LINE.test(next)) return true;
  const t = line.trimEnd();
  // "… - subacromial corticosteroid / injection today: triamcinolone": a lower-case word carrying on a long line
  // without its stop is wrapped prose, not a form's next field.
  // "… I do not agree that Mr. Hairston was at / MMI on 01/16/2024: since then …": a long line that stops on a word that
  // cannot end a sentence (an article, a preposition, an auxiliary) carries on into the next, whatever that one looks like.
  const wrapped = t.trim().length >= 40 && !/[.?!:;]$/.test(t) && (/^[ \t]*[a-z]/.test(next) || CARRIES_ON.test(t));
  if (LIST_ITEM.test(next) || HEADING_LINE.test(next) || UPPER_LINE.test(next) || (FORM_FIELD.test(next) && !wrapped) || DATED_ROW.test(next)) return true;
  if (/[.?!:]$/.test(t)) return true;
  if (HEADING_LINE.test(line) || UPPER_LINE.test(line)) return true;
  // Wrapped prose continues; a short line (a form field, a signature) stands alone.
  return t.trim().length < 40;
}

/**
 * Longest sentence kept whole. Text with no sentence punctuation (a run-on dictation, a table flattened to one
 * line) is cut at the last space before this, so a quote stays readable and work stays linear in the text.
 */
export const MAX_SENTENCE = 1000;

function pushTrimmed(text: string, s: number, e: number, out: { start: number; end: number }[]): void {
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  while (e - s > MAX_SENTENCE) {
    let cut = text.lastIndexOf(' ', s + MAX_SENTENCE);
    if (cut <= s + MAX_SENTENCE / 2) cut = s + MAX_SENTENCE;
    pushTrimmed(text, s, cut, out);
    s = cut;
    while (s < e && /\s/.test(text[s])) s++;
  }
  if (e > s) out.push({ start: s, end: e });
}

/** Split one paragraph text[s, e) at sentence punctuation and run-on headings. */
function splitParagraph(text: string, s: number, e: number, out: { start: number; end: number }[]): void {
  const para = text.slice(s, e);
  const cuts: number[] = [];
  INLINE_HEADING.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = INLINE_HEADING.exec(para))) {
    const title = m[2];
    const headStart = m.index + m[1].length;
    const headEnd = m.index + m[0].length;
    const known = sectionKindOf(title) !== undefined;
    const strong = /,$/.test(m[0]) || (isUpper(title) && (known || title.includes(' ')));
    if (strong || (known && (m[1] === '' || /[.!?\n]/.test(m[1])))) {
      cuts.push(headStart, headEnd);
    }
  }
  // A list opened by a heading keeps its first number with the heading ("IMPRESSION ,1."), as run-on lists do elsewhere.
  for (const h of findRunInHeadings(para)) if (!cuts.includes(h.start)) cuts.push(...(h.colon ? [h.start, h.end] : [h.start]));
  for (let i = 0; i < para.length; i++) {
    const c = para[i];
    if (c !== '.' && c !== '?' && c !== '!') continue;
    let j = i + 1;
    while (j < para.length && (para[j] === '.' || para[j] === '?' || para[j] === '!' || para[j] === '"' || para[j] === ')' || para[j] === "'")) j++;
    if (para[j] === ',' && /[A-Z]/.test(para[j + 1] ?? '')) j++; // MTSamples run-on: "Hydrocephalus.,POSTOP DIAGNOSIS:"
    else if (j < para.length && !/\s/.test(para[j])) continue; // 2.5, p.r.n, www.x
    let k = j;
    while (k < para.length && /\s/.test(para[k])) k++;
    if (k < para.length && !/[A-Z0-9"'(\-*•[]/.test(para[k])) continue; // next word is lower case: not an end
    if (c === '.') {
      let w = i;
      while (w > 0 && /[A-Za-z0-9.]/.test(para[w - 1])) w--;
      const word = para.slice(w, i).toLowerCase();
      // A unit after its number ending a clause ("helped ~5 wks. Ortho plans …") ends the sentence when a capital follows.
      const unitAfterNumber = UNITS.has(word) && /\d\s*$/.test(para.slice(Math.max(0, w - 6), w)) && /[A-Z]/.test(para[k] ?? '');
      if (ABBREVIATIONS.has(word) && !unitAfterNumber) continue;
      if (/^[a-z]$/i.test(word) && /[A-Z]/.test(para[w]) && w > 0) continue; // initial: "J. Smith"
      if (/^\d{1,2}$/.test(word) && /^\s*$/.test(para.slice(0, w))) continue; // list number "1."
    }
    cuts.push(j);
    i = j - 1;
  }
  cuts.sort((a, b) => a - b);
  let from = 0;
  for (const c of cuts) {
    if (c <= from) continue;
    pushTrimmed(text, s + from, s + c, out);
    from = c;
  }
  pushTrimmed(text, s + from, e, out);
}

/** Split text[start, end) into sentence spans (absolute offsets, trimmed of surrounding whitespace). */
export function splitSentences(text: string, start = 0, end = text.length): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let paraStart = start;
  let lineStart = start;
  while (lineStart < end) {
    let nl = text.indexOf('\n', lineStart);
    if (nl < 0 || nl > end) nl = end;
    const line = text.slice(lineStart, nl);
    let nextEnd = nl < end ? text.indexOf('\n', nl + 1) : -1;
    if (nextEnd < 0 || nextEnd > end) nextEnd = end;
    const next = nl < end ? text.slice(nl + 1, nextEnd) : undefined;
    if (breaksAfter(line, next)) {
      splitParagraph(text, paraStart, nl, out);
      paraStart = nl + 1;
    }
    lineStart = nl + 1;
  }
  if (paraStart < end) splitParagraph(text, paraStart, end, out);
  return out;
}
