import type { Encounter, Evidence, SourceDocument } from '../model/index.js';
import { findDates } from '../extract/dates.js';
import { evidenceAt } from '../extract/evidence.js';
import { findProviders, pickProvider } from './providers.js';
import { classifyEncounter, HEAD_CHARS } from './classify.js';

/** Date shapes used only to recognise a header line; the date itself is read by findDates. */
const DATE_SHAPE = String.raw`(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4})`;

/** "DATE OF SERVICE: 03/14/2024", "DOS: 3/14/24", "Visit Date - ...", "Date: ..." at the start of a line. */
const LABELLED_HEADER = new RegExp(
  String.raw`^[ \t\f]*(?:dates? of (?:service|visit|exam(?:ination)?|evaluation|procedure|surgery|operation|consultation|report|study|encounter|treatment)|DOS|service date|visit date|exam(?:ination)? date|(?:evaluation|procedure|surgery|report|study|encounter|consultation|treatment) date|date)[ \t]*(?::|#|-(?=[ \t]))[ \t]*(${DATE_SHAPE})`,
  'gim',
);
/** "PROGRESS NOTE 04/02/2024", "Physical Therapy Daily Note - 3/14/2024": a short title line ending in a date. */
const TITLE_HEADER = new RegExp(
  String.raw`^[ \t]*([A-Z][A-Za-z&/,'() -]{2,80}?)[ \t]*[-–:,]?[ \t]*(${DATE_SHAPE})[ \t]*$`,
  'gm',
);
const TITLE_WORD = /\b(?:note|visit|evaluation|re-?evaluation|exam(?:ination)?|report|consult(?:ation)?|procedure|MRI|CT|x-?rays?|EMG|NCS|follow[- ]?up|progress|discharge|statement|summary|IME|QME|FCE|assessment|encounter|treatment|therapy|chiropractic|injection)\b/i;
const SEPARATOR = /^[ \t]*(?:[=\-_*#~]{5,}|\f)[ \t]*$/;
const SIGNATURE_CONTEXT = /\b(?:signed|signature|electronically|attested|co-?signed|dictated|transcribed)\b/i;
const NOT_SERVICE = /\b(?:birth|DOB|injury|DOI|onset|referral|accident|admission|transcribed|dictated|signed)\b/i;

interface Header { lineStart: number; dateStart: number; dateEnd: number; lineEnd: number; date?: string; raw: string }

function lineBounds(text: string, pos: number): [number, number] {
  const s = Math.max(text.lastIndexOf('\n', pos - 1) + 1, text.lastIndexOf('\f', pos - 1) + 1);
  let e = text.indexOf('\n', pos);
  if (e < 0) e = text.length;
  return [s, e];
}

function previousLines(text: string, lineStart: number, n: number): string[] {
  const out: string[] = [];
  let end = lineStart - 1;
  while (out.length < n && end > 0) {
    const s = text.lastIndexOf('\n', end - 1) + 1;
    out.push(text.slice(s, end));
    end = s - 1;
  }
  return out;
}

/** Header dates are mostly "03/14/2024" or "2024-03-14": read those directly (chrono per header is slow on long records). */
function parseDate(raw: string): string | undefined {
  const mdy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(raw);
  const ymd = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const [y, m, d] = mdy ? [+mdy[3], +mdy[1], +mdy[2]] : ymd ? [+ymd[1], +ymd[2], +ymd[3]] : [0, 0, 0];
  if (m >= 1 && m <= 12 && d >= 1 && d <= new Date(y, m, 0).getDate()) return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return findDates(raw)[0]?.date;
}

function findHeaders(text: string): Header[] {
  const headers: Header[] = [];
  for (const m of text.matchAll(LABELLED_HEADER)) {
    const [ls, le] = lineBounds(text, m.index);
    const line = text.slice(ls, le);
    if (NOT_SERVICE.test(line.slice(0, line.indexOf(m[1])))) continue;
    // "Date: 3/15/24" under a signature block is when the note was signed, not a new visit.
    if (/^[ \t]*date[ \t]*:/i.test(line) && previousLines(text, ls, 2).some((l) => SIGNATURE_CONTEXT.test(l))) continue;
    const dateStart = m.index + m[0].length - m[1].length;
    headers.push({ lineStart: ls, lineEnd: le, dateStart, dateEnd: dateStart + m[1].length, raw: m[1] });
  }
  for (const m of text.matchAll(TITLE_HEADER)) {
    if (!TITLE_WORD.test(m[1]) || NOT_SERVICE.test(m[1])) continue;
    const [ls, le] = lineBounds(text, m.index + (m[0].length - m[0].trimStart().length));
    const prev = previousLines(text, ls, 1)[0];
    if (ls > 0 && prev !== undefined && prev.trim() !== '' && !SEPARATOR.test(prev) && !isTitleLike(prev) && text[ls - 1] !== '\f') continue;
    const dateStart = m.index + m[0].lastIndexOf(m[2]);
    headers.push({ lineStart: ls, lineEnd: le, dateStart, dateEnd: dateStart + m[2].length, raw: m[2] });
  }
  headers.sort((a, b) => a.lineStart - b.lineStart);
  for (const h of headers) h.date = parseDate(h.raw);
  return headers;
}

const CREDENTIAL_END = /,\s*(?:M\.?D|D\.?O|D\.?C|PA-C|NP|P\.?T|DPT|PhD|PsyD)\.?\s*$/;

function isTitleLike(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= 80 && !/[.;]$/.test(t) && !SIGNATURE_CONTEXT.test(t) && !CREDENTIAL_END.test(t);
}

/** Where an encounter whose header line starts at `lineStart` begins: pull in the title lines and separator right above it. */
function blockStart(text: string, lineStart: number, floor: number): number {
  let start = lineStart;
  let pos = lineStart;
  const lineBefore = (p: number) => Math.max(text.lastIndexOf('\n', p - 2) + 1, floor);
  for (let i = 0; i < 6 && pos > floor && text[pos - 1] !== '\f'; i++) {
    const s = lineBefore(pos);
    const line = text.slice(s, pos - 1);
    if (SEPARATOR.test(line)) return s;
    if (line.trim() === '') {
      const s2 = s > floor ? lineBefore(s) : s;
      if (s2 < s && SEPARATOR.test(text.slice(s2, s - 1))) return s2;
      return titleBlockAbove(text, s, floor) ?? start;
    }
    if (!isTitleLike(line)) break;
    start = s; pos = s;
  }
  return start;
}

const CAPS_LINE = /^[\f\s]*[A-Z0-9][A-Z0-9 &'.,/-]{5,}$/;
/**
 * "BAYSIDE PHYSICAL THERAPY / Post-operative Discharge Summary / (blank) / Date of Service: …": a letterhead and title
 * set off by a blank line still open the visit below, when they stand alone (page top, blank line or separator above).
 */
function titleBlockAbove(text: string, blankStart: number, floor: number): number | undefined {
  let top = blankStart;
  let titled = false;
  for (let i = 0; i < 3 && top > floor; i++) {
    const s = Math.max(text.lastIndexOf('\n', top - 2) + 1, floor);
    const line = text.slice(s, top - 1);
    if (line.trim() === '' || SEPARATOR.test(line) || !isTitleLike(line)) break;
    titled ||= TITLE_WORD.test(line) || CAPS_LINE.test(line);
    top = s;
    if (text[s] === '\f' || text[s - 1] === '\f') break;
  }
  if (top === blankStart || !titled) return undefined;
  const atPageTop = top <= floor || text[top] === '\f' || text[top - 1] === '\f';
  const above = text.slice(Math.max(text.lastIndexOf('\n', top - 2) + 1, floor), Math.max(top - 1, floor));
  return atPageTop || above.trim() === '' || SEPARATOR.test(above) ? top : undefined;
}

/** Split a text document into encounters at date-of-service / visit headers; every character belongs to one encounter. */
export function splitEncounters(doc: SourceDocument): Encounter[] {
  const text = doc.text;
  const headers = findHeaders(text);
  const starts: { start: number; header?: Header }[] = [{ start: 0 }];
  for (const h of headers) {
    const last = starts[starts.length - 1];
    const lh = last.header;
    // A second date line right under the first ("Visit Date" after "DOS") belongs to the same visit.
    if (lh && h.lineStart - lh.lineEnd < 250 && (h.date && lh.date ? h.date === lh.date : h.raw === lh.raw) && !/[=\-_*#~]{5,}|\f/.test(text.slice(lh.lineEnd, h.lineStart))) continue;
    if (!lh && text.slice(0, h.lineStart).trim().length < 600 && !/[=\-_*#~]{5,}|\f/.test(text.slice(0, h.lineStart)) && starts.length === 1) {
      last.header = h; // letterhead and demographics above the first header belong to it
      continue;
    }
    const start = blockStart(text, h.lineStart, last.start + 1);
    if (start <= last.start) continue;
    starts.push({ start, header: h });
  }
  const encounters = starts.map((s, i) => buildEncounter(doc, i + 1, s.start, i + 1 < starts.length ? starts[i + 1].start : text.length, s.header));
  inheritProviders(text, encounters);
  return encounters;
}

/** The encounter's letterhead: its first non-empty line when that line reads as a clinic name or title. */
function letterheadOf(text: string, enc: Encounter): string | undefined {
  const first = /[^\n\f]*\S[^\n\f]*/.exec(text.slice(enc.start, Math.min(enc.end, enc.start + 300)))?.[0].trim();
  return first && CAPS_LINE.test(first) && !LABELLED_HEADER_START.test(first) ? first.toUpperCase() : undefined;
}
const LABELLED_HEADER_START = /^(?:date|dos|visit|service)\b/i;

/**
 * A visit with no signature line was written at the same clinic as the file's earlier visit under the same
 * letterhead (or, in a file with one named author, by that author): take that provider.
 */
function inheritProviders(text: string, encounters: Encounter[]): void {
  const named = encounters.filter((e) => e.provider.name);
  const authors = new Set(named.map((e) => e.provider.name));
  for (let i = 0; i < encounters.length; i++) {
    const enc = encounters[i];
    if (enc.provider.name) continue;
    const head = letterheadOf(text, enc);
    let from: Encounter | undefined;
    for (let j = i - 1; j >= 0 && !from; j--) if (encounters[j].provider.name && head && letterheadOf(text, encounters[j]) === head) from = encounters[j];
    if (!from && authors.size === 1) from = named[0];
    if (from) enc.provider = { ...from.provider };
  }
}

function fallbackDate(text: string, start: number, end: number): { date: string; start: number; end: number } | undefined {
  const head = text.slice(start, Math.min(end, start + HEAD_CHARS));
  let offset = 0;
  for (const line of head.split('\n')) {
    if (!NOT_SERVICE.test(line)) {
      const d = findDates(line).find((x) => !x.relative);
      if (d) return { date: d.date, start: start + offset + d.start, end: start + offset + d.end };
    }
    offset += line.length + 1;
  }
  return undefined;
}

function buildEncounter(doc: SourceDocument, n: number, start: number, end: number, header?: Header): Encounter {
  const text = doc.text;
  const evidence: Evidence[] = [];
  let date = header?.date;
  if (header) evidence.push(evidenceAt(doc, header.lineStart + (text.slice(header.lineStart, header.lineEnd).length - text.slice(header.lineStart, header.lineEnd).trimStart().length), header.dateEnd));
  if (!date) {
    const fb = fallbackDate(text, start, end);
    if (fb) { date = fb.date; if (!header) evidence.push(evidenceAt(doc, fb.start, fb.end)); }
  }
  const pm = pickProvider(findProviders(text, start, end));
  if (pm) evidence.push(evidenceAt(doc, pm.start, pm.end));
  const headStart = start;
  const head = text.slice(headStart, Math.min(end, headStart + HEAD_CHARS));
  const cls = classifyEncounter(head, text.slice(start, end), pm?.provider.credential);
  const enc: Encounter = {
    id: `${doc.id}#e${n}`, documentId: doc.id, file: doc.file, start, end,
    provider: pm?.provider ?? {}, specialty: cls.specialty, kind: cls.kind, evidence, source: 'note',
  };
  if (date) enc.date = date;
  if (cls.title) {
    enc.title = cls.title.text;
    evidence.push(evidenceAt(doc, headStart + cls.title.start, headStart + cls.title.end));
  }
  return enc;
}
