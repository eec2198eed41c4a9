/**
 * Section detector: finds headings ("PAST MEDICAL HISTORY:", "Assessment:", "HISTORY OF PRESENT
 * ILLNESS:,  The patient ...", a heading alone on its line) and maps each to a SectionKind through
 * lexicon/sections.json. A section runs from its heading to the next heading.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { z } from 'zod';
import type { Section, SectionKind } from '../model/index.js';

const SECTIONS_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../lexicon/sections.json');
const KINDS = ['chief_complaint', 'hpi', 'past_history', 'surgical_history', 'family_history', 'social_history',
  'medications', 'allergies', 'ros', 'exam', 'imaging', 'assessment', 'plan', 'impression', 'procedure',
  'work_status', 'restrictions', 'subjective', 'objective', 'goals', 'other'] as const satisfies readonly SectionKind[];
const FileSchema = z.object({
  description: z.string(),
  sections: z.array(z.object({ kind: z.enum(KINDS), headings: z.array(z.string()) })),
});

let headingMap: Map<string, SectionKind> | undefined;
let longestHeadingWords = 0;

function normalizeHeading(s: string): string {
  return s.toLowerCase().replace(/[\s_]+/g, ' ').replace(/^[\s\-*•#\d.)]+|[\s:,.\-]+$/g, '').trim();
}

function headings(): Map<string, SectionKind> {
  if (!headingMap) {
    const data = FileSchema.parse(JSON.parse(readFileSync(SECTIONS_FILE, 'utf8')));
    headingMap = new Map();
    for (const s of data.sections) {
      for (const h of s.headings) {
        const key = normalizeHeading(h);
        headingMap.set(key, s.kind);
        longestHeadingWords = Math.max(longestHeadingWords, key.split(' ').length);
      }
    }
  }
  return headingMap;
}

/**
 * Kind of a heading text: exact lexicon match, else the longest known heading it contains as whole
 * words at its end or start ("BRIEF HISTORY OF PRESENT ILLNESS", "HIS SOCIAL HISTORY"), else undefined.
 */
export function sectionKindOf(title: string): SectionKind | undefined {
  const map = headings();
  const key = normalizeHeading(title);
  const exact = map.get(key);
  if (exact) return exact;
  const words = key.split(' ');
  for (let len = Math.min(words.length - 1, longestHeadingWords); len >= 1; len--) {
    for (let i = 0; i + len <= words.length; i++) {
      const sub = words.slice(i, i + len).join(' ');
      if (sub.length < 3) continue; // "a", "p", "cc": too short to trust inside a longer heading
      const kind = map.get(sub);
      if (kind) return kind;
    }
  }
  return undefined;
}

const HEADING_CHARS = /^[A-Za-z][A-Za-z0-9 /&'()\-]*$/;

function isUpperHeading(s: string): boolean {
  return /[A-Z]{2}/.test(s) && !/[a-z]/.test(s);
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

interface Heading { start: number; titleEnd: number; title: string; kind: SectionKind }

/**
 * An upper-case heading run into the text without the usual boundary: after a lower-case word ("Gait is antalgic
 * ASSESSMENT: Chronic LBP") or, without a colon, opening a numbered list ("IMPRESSION ,1.  Lumbar strain.").
 * After a lower-case word only a known heading of four letters or more counts, so "reviewed MRI: ..." stays prose.
 */
// The lookahead fails fast where no capital follows, so the lookbehind never rescans a long run of spaces.
const RUN_IN_HEADING = /(?=[A-Z])(?<=^|[.!?,;:)]\s*|([a-z0-9])\s)((?:[A-Z][A-Z/&'\-]+ ){0,4}[A-Z][A-Z/&'\-]+)(?:\s?:(?: ?,)?|\s?,?(?=\s*1[.)]\s))/g;

export interface RunInHeading { start: number; titleEnd: number; end: number; title: string; kind: SectionKind; colon: boolean }

/** Run-in upper-case headings in text[start, end) (see RUN_IN_HEADING); `end` is after the colon or comma. */
export function findRunInHeadings(text: string, start = 0, end = text.length): RunInHeading[] {
  const out: RunInHeading[] = [];
  const region = text.slice(start, end);
  for (const m of region.matchAll(RUN_IN_HEADING)) {
    const title = m[2];
    const kind = sectionKindOf(title);
    if (!kind || !isUpperHeading(title) || (m[1] && title.length < 4)) continue;
    const s = start + m.index;
    out.push({ start: s, titleEnd: s + title.length, end: s + m[0].length, title, kind, colon: m[0].includes(':') });
  }
  return out;
}

/**
 * Judge a heading candidate text[start, end) (without its colon). `lineStart` says whether it begins
 * a line, where Title Case and short headings ("S:", "Plan:") are trusted.
 */
function judgeCandidate(text: string, start: number, end: number, lineStart: boolean, hasColon: boolean): Heading | undefined {
  const title = text.slice(start, end).trim();
  if (title.length === 0 || title.length > 60 || !HEADING_CHARS.test(title)) return undefined;
  const words = wordCount(title);
  if (words > 7) return undefined;
  const kind = sectionKindOf(title);
  const upper = isUpperHeading(title);
  if (title.length <= 2 && !(lineStart && hasColon && kind)) return undefined;
  if (kind && (lineStart || upper || hasColon)) return { start, titleEnd: end, title, kind };
  // An unknown heading: trust only upper case with a colon (sub-headings such as "LEFT KNEE:").
  if (upper && hasColon && words <= 5) return { start, titleEnd: end, title, kind: 'other' };
  return undefined;
}

/** Find section headings in text[start, end); each section runs to the next heading. */
export function findSections(text: string, start = 0, end = text.length): Section[] {
  const found: Heading[] = [];
  // Headings followed by a colon, anywhere: look back from the colon to a boundary.
  for (let i = text.indexOf(':', start); i >= 0 && i < end; i = text.indexOf(':', i + 1)) {
    const next = text.charCodeAt(i + 1);
    if (next >= 48 && next <= 57) continue; // 10:30, 1:2
    let s = i;
    let lineStart = false;
    while (s > start) {
      const c = text[s - 1];
      if (c === '\n') { lineStart = true; break; }
      if (c === ':' || c === '.' || c === ',' || c === ';' || c === '!' || c === '?' || c === '\t') break;
      if (c === ' ' && s - 2 >= start && text[s - 2] === ' ') break; // two spaces: run-on dictated text
      if (i - s > 60) { s = -1; break; }
      s--;
    }
    if (s < 0) continue;
    if (s === start) lineStart = true;
    while (s < i && /\s/.test(text[s])) s++;
    // Inline heading after a full stop must be upper case; `judgeCandidate` enforces the rest.
    const h = judgeCandidate(text, s, i, lineStart, true);
    if (h && (lineStart || isUpperHeading(h.title) || h.kind !== 'other')) found.push(h);
  }
  for (const h of findRunInHeadings(text, start, end)) {
    const at = found.findIndex((f) => f.start < h.start && f.titleEnd === h.titleEnd);
    if (at >= 0) found.splice(at, 1); // "Gait is antalgic ASSESSMENT" read back to the line start: the heading is only its upper-case tail
    if (!found.some((f) => f.start === h.start)) found.push({ start: h.start, titleEnd: h.titleEnd, title: h.title, kind: h.kind });
  }
  // Headings alone on a line, without a colon ("PHYSICAL EXAMINATION", "Assessment").
  // Scan only [start, end): a regex left to run to the end of a long record makes per-encounter calls quadratic.
  const region = text.slice(start, end);
  const lineRe = /^[ \t]*([A-Za-z][A-Za-z /&'()\-]{1,50}?)[ \t]*$/gm;
  let m: RegExpExecArray | null;
  while ((m = lineRe.exec(region))) {
    const s = start + m.index + m[0].indexOf(m[1]);
    const title = m[1];
    const kind = sectionKindOf(title);
    if (kind && (isUpperHeading(title) || normalizeHeading(title) === title.toLowerCase().trim() || /^[A-Z]/.test(title)) && title.length > 2) {
      if (!found.some((f) => f.start === s)) found.push({ start: s, titleEnd: s + title.length, title, kind });
    }
  }
  // An upper-case heading qualified before its colon ("FUTURE MEDICAL CARE (reasonably probable, related to the
  // collision):", "PROCEDURE - RIGHT SUBACROMIAL INJECTION (20610), 02/12/2024:"): the qualifier's commas stop the
  // look-back above, so read it from the line start.
  // (The qualifier never spans a column gap: "FOLLOW-UP - 04/14/2022          Provider: …" is a visit's title line, whose
  // colon is the next field's.)
  const qualified = /^[ \t]*([A-Z][A-Z /&'\-]{2,50}?)[ \t]*(?:\([^)\n]{1,100}\)|[-\u2013\u2014] (?:(?![ \t]{2})[^:\n]){1,100})[ \t]*:/gm;
  while ((m = qualified.exec(region))) {
    const s = start + m.index + m[0].indexOf(m[1]);
    const kind = sectionKindOf(m[1]);
    if (kind && !found.some((f) => f.start === s)) found.push({ start: s, titleEnd: s + m[1].length, title: m[1], kind });
  }
  // Alone on its line, the qualifier in brackets and no colon: "FUTURE APPOINTMENTS (as of print date 04/05/2023)".
  const qualifiedLine = /^[ \t]*([A-Z][A-Z /&'\-]{2,50}?)[ \t]*\([^)\n]{1,100}\)[ \t]*$/gm;
  while ((m = qualifiedLine.exec(region))) {
    const s = start + m.index + m[0].indexOf(m[1]);
    const kind = sectionKindOf(m[1]);
    if (kind && kind !== 'other' && !found.some((f) => f.start === s)) found.push({ start: s, titleEnd: s + m[1].length, title: m[1], kind });
  }
  // In sentence case only a known heading, its qualifier in brackets: "Future medical care (reasonably necessary, more
  // likely than not, at 2024 charges in this area):".
  const qualifiedSentenceCase = /^[ \t]*([A-Z][a-z]+(?: [a-z]+){0,4})[ \t]*\([^)\n]{1,120}\)[ \t]*:/gm;
  while ((m = qualifiedSentenceCase.exec(region))) {
    const s = start + m.index + m[0].indexOf(m[1]);
    const kind = sectionKindOf(m[1]);
    if (kind && kind !== 'other' && !found.some((f) => f.start === s)) found.push({ start: s, titleEnd: s + m[1].length, title: m[1], kind });
  }
  found.sort((a, b) => a.start - b.start);

  const sections: Section[] = [];
  const firstStart = found.length ? found[0].start : end;
  if (/\S/.test(text.slice(start, firstStart))) sections.push({ title: '', kind: 'other', start, end: firstStart });
  for (let k = 0; k < found.length; k++) {
    const h = found[k];
    sections.push({ title: h.title, kind: h.kind, start: h.start, end: k + 1 < found.length ? found[k + 1].start : end });
  }
  if (sections.length === 0) sections.push({ title: '', kind: 'other', start, end });
  return sections;
}
