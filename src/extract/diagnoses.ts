/** Diagnosis facts from the diagnosis lexicon, with ICD-10 codes and body region. */
import type { FactOf } from '../model/index.js';
import { evidenceAt } from '../knowledge/evidence.js';
import { z } from 'zod';
import { loadLexicon, readLexiconFile, RegexSource, type LexiconEntry, type LexiconMatch } from '../knowledge/lexicon.js';
import { mentionBase, type SentenceCtx } from './mention.js';

interface DiagnosisEntry extends LexiconEntry { bodyRegion?: string }
const file = readLexiconFile('extract/diagnoses.json', z.looseObject({ icd10: RegexSource, icd9: RegexSource, listHeads: z.array(RegexSource) }));
const diagnoses = loadLexicon<DiagnosisEntry>('extract/diagnoses.json');
const ICD10 = new RegExp(file.icd10, 'g');
/** Codes of a problem list item: ICD-10 anywhere, ICD-9 only in brackets (a bare "331.5" could be any number). */
const ICD9 = new RegExp(file.icd9, 'g');
const codesIn = (text: string): RegExpExecArray[] => [...text.matchAll(ICD10), ...text.matchAll(ICD9)].sort((a, b) => a.index! - b.index!);
/** A word that makes a list item a diagnosis ("…itis", "sprain", "fracture"); "O2 requiring" has none. */
const LIST_HEAD = new RegExp(file.listHeads.map((h) => `(?:${h})`).join('|'), 'i');
const CURRENT_LIST = /problem list|active problems|current problems/i;
const PAST_ITEM = /\b(?:history of|h\/o|remote|prior|previous|s\/p|status[- ]post|resolved|childhood)\b/i;
const DIAGNOSIS_SECTIONS = new Set(['assessment', 'impression']);
const DIAGNOSIS_LINE = /\b(?:diagnos(?:is|es|ed)|dx|impression|assessment)\b/i;
/** Headings whose body is a list of diagnoses (not "Causation", "Discussion" or "Summary" prose under an assessment kind). */
const LIST_SECTION = /diagnos|impression|assessment|problem list|\bdx\b/i;
/** A clause, not a diagnosis: a subject pronoun or a finite verb ("The patient was seen…", "Will follow up"). */
const PROSE = /^(?:the patient|patient|he|she|they|we|i|it|this|there|his|her|pt)\b|\b(?:is|are|was|were|will|would|should|could|has|have|had|did|does|may|might|can|appears?|presents?|reports?|states?|denies|underwent|recommend(?:ed)?|discussed|tolerated|seen|see|return|follow(?:ed)?)\b/i;
const REGION = /\b(lumbar|lumbosacral|cervical|thoracic|shoulder|knee|hip|wrist|elbow|ankle|hand|foot|neck|back)\b/i;
/** A numbered list opened by a heading the section finder missed ("IMPRESSION ,1.  Status post…"). */
const INLINE_LIST_HEADING = /\b(?:IMPRESSIONS?|ASSESSMENTS?|(?:[A-Z-]+ )?DIAGNOS[EI]S|PROBLEM LIST)\b[ \t]*[:,]?[\s,]*1[.)]/g;
/** Prose that names a diagnosis without asserting it ("difficult to be certain about the diagnosis of…"). */
const HEDGED = /\b(?:uncertain|certain about|difficult to|consider(?:ed|ing)?|concern(?:ing|ed)? (?:for|about)|question(?:able)?|rule out|r\/o|possible|probable|suspect(?:ed)?|versus|vs\.?|differential)\b/i;
/** "diagnosed with bursitis at age 23": a past diagnosis, not the current one. */
const PAST_DIAGNOSIS = /\bdiagnosed\b[^.]*?(?:\bat (?:the )?age (?:of )?\d+|\bin (?:19|20)\d\d\b|\b\d+ (?:years?|months?) ago\b|\bas a (?:child|teen(?:ager)?)\b)/i;
const RULE_OUT = /\b(?:rule out|r\/o|ruled out|versus|vs\.?|possible|probable|suspected|questionable)\b/i;

type Diagnosis = FactOf<'diagnosis'>;

interface Item { start: number; end: number }

/**
 * The items of a diagnosis-list sentence, relative to its text: the numbering (",1.", "2.  ") and
 * trailing ".,3." stripped, and a comma list split where each part names a condition
 * ("Left leg pain, Left L4-5 radicular pain, Lumbar spondylosis"). Parenthesised text stays with its item.
 */
export function listItems(text: string, headingEnd: number): Item[] {
  const lead = /^[\s,:;]*(?:\d{1,2}[.)]\s*)?/.exec(text.slice(headingEnd))!;
  const start = headingEnd + lead[0].length;
  // The next item's number (",3.") is cut, not the end of a code ("(M54.5).").
  const tail = /[\s.,;:]*(?:(?<=[\s,;])\d{1,2}[.)])?[\s.,;:]*$/.exec(text.slice(start))!;
  const end = start + tail.index;
  if (end - start < 3) return [];
  const parts: Item[] = [];
  let depth = 0; let from = start;
  for (let i = start; i <= end; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if ((i === end || (c === ',' && depth === 0))) {
      const s = from + (/^\s*/.exec(text.slice(from, i))?.[0].length ?? 0);
      if (i > s) parts.push({ start: s, end: i });
      from = i + 1;
    }
  }
  // Split only when every part names a condition; otherwise the commas are inside one diagnosis ("ADD, currently untreated").
  const named = parts.filter((p) => LIST_HEAD.test(text.slice(p.start, p.end)) || diagnoses.match(text.slice(p.start, p.end)).length > 0);
  if (parts.length > 1 && named.length === parts.length) return parts;
  return [{ start, end: parts.length > 1 ? parts[0].end : end }];
}

/** Whether text before `at` ends with a list number ("1.", "2)") and optional whitespace; a backward scan, as a `$`-anchored regex over the slice costs a full pass per sentence. */
function endsWithListNumber(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return i >= 1 && (text[i] === '.' || text[i] === ')') && text.charCodeAt(i - 1) >= 48 && text.charCodeAt(i - 1) <= 57;
}

/** True when the sentence is an item of a numbered list that an (undetected) diagnosis heading opened. */
function inInlineDiagnosisList(sent: SentenceCtx): boolean {
  if (!endsWithListNumber(sent.doc.text, sent.start)) return false;
  const from = Math.max(0, sent.start - 2000);
  const before = sent.doc.text.slice(from, sent.start);
  let last: RegExpMatchArray | undefined;
  for (const m of before.matchAll(INLINE_LIST_HEADING)) last = m;
  // Only numbered items may lie between the heading and this sentence: another heading (a colon) ends the list.
  return last !== undefined && !/:/.test(before.slice(last.index! + last[0].length));
}

/** Where a heading that opens the sentence ends ("DIAGNOSIS: , Left knee osteoarthritis"), else 0. */
function headingEnd(sent: SentenceCtx): number {
  const title = sent.section?.title;
  if (!title || !sent.text.startsWith(title)) return 0;
  return title.length + (/^\s*:?/.exec(sent.text.slice(title.length))?.[0].length ?? 0);
}

function nameFor(itemText: string, matches: LexiconMatch<DiagnosisEntry>[]): string {
  // The lexicon name when the item says it in those words ("Lumbar radiculopathy (M54.16)"); else the clinician's own words.
  const words = itemText.toLowerCase();
  const m = matches.find((x) => x.entry.id.split(/[\s/]+/).every((w) => words.includes(w)));
  return m ? m.entry.id : itemText.replace(ICD10, '').replace(ICD9, '').replace(/\(\s*\)/g, '').replace(/\s+/g, ' ').trim();
}

/** Each item of a numbered or comma-separated list under a diagnosis heading, citing its own text. */
function listDiagnoses(sent: SentenceCtx, codes: RegExpMatchArray[], usedCodes: Set<number>): Diagnosis[] {
  const out: Diagnosis[] = [];
  for (const item of listItems(sent.text, headingEnd(sent))) {
    const text = sent.text.slice(item.start, item.end);
    if (text.split(/\s+/).length > 14 || PROSE.test(text.replace(/\([^)]*\)/g, ''))) continue;
    const matches = diagnoses.match(text);
    if (matches.length === 0 && !LIST_HEAD.test(text)) continue;
    const attributes: Diagnosis['attributes'] = { name: nameFor(text, matches) };
    const region = matches.find((m) => m.entry.bodyRegion)?.entry.bodyRegion ?? REGION.exec(text)?.[1]?.toLowerCase();
    if (region) attributes.bodyRegion = region === 'neck' ? 'cervical' : region === 'back' ? 'lumbar' : region;
    const code = codes.find((c) => c.index! >= item.start && c.index! < item.end);
    if (code) { attributes.code = code[1]; usedCodes.add(code.index!); }
    // The context engine judges the named condition, with the item's other words as its context: "No evidence of
    // radiculopathy" and "strain without radiculopathy" negate radiculopathy (a whole-item target hid the trigger).
    const named = matches.find((x) => x.entry.id === attributes.name);
    const base = mentionBase(sent, 'diagnosis', named ? item.start + named.start : item.start, named ? item.start + named.end : item.end, { dating: 'encounter' });
    // A problem list is the patient's standing conditions, though it may sit among the history headings.
    if (CURRENT_LIST.test(sent.section?.title ?? '') && base.temporality === 'historical' && !PAST_ITEM.test(text)) base.temporality = 'current';
    out.push({ ...base, evidence: [evidenceAt(sent.doc, sent.start + item.start, sent.start + item.end)], type: 'diagnosis', attributes });
  }
  return out;
}

/** Diagnoses stated in assessment/impression/diagnosis lines, or anywhere an ICD-10 code is given. */
export function extractDiagnoses(sent: SentenceCtx): Diagnosis[] {
  const section = sent.section?.kind;
  if (section === 'family_history') return [];
  const codes = codesIn(sent.text);
  const usedCodes = new Set<number>();
  if ((LIST_SECTION.test(sent.section?.title ?? '') || inInlineDiagnosisList(sent)) && !RULE_OUT.test(sent.text)) {
    const listed = listDiagnoses(sent, codes, usedCodes);
    if (listed.length > 0) return listed;
  }
  const inDxContext = (section !== undefined && DIAGNOSIS_SECTIONS.has(section)) || DIAGNOSIS_LINE.test(sent.text) || /diagnos/i.test(sent.section?.title ?? '');
  if (!inDxContext && codes.length === 0) return [];
  if (HEDGED.test(sent.text)) return [];
  const past = PAST_DIAGNOSIS.test(sent.text);
  const out: Diagnosis[] = [];
  for (const m of diagnoses.match(sent.text)) {
    const attributes: Diagnosis['attributes'] = { name: m.entry.id };
    if (m.entry.bodyRegion) attributes.bodyRegion = m.entry.bodyRegion;
    // A code written right next to the name ("lumbar radiculopathy (M54.16)", "M54.16 Lumbar radiculopathy").
    const code = codes.find((c) => !usedCodes.has(c.index) && (Math.abs(c.index - m.end) < 12 || Math.abs(m.start - (c.index + c[0].length)) < 12));
    if (code) { attributes.code = code[1]; usedCodes.add(code.index); }
    if (!inDxContext && !code) continue;
    const base = mentionBase(sent, 'diagnosis', m.start, m.end, { dating: 'encounter' });
    if (past && base.temporality === 'current') base.temporality = 'historical';
    out.push({ ...base, type: 'diagnosis', attributes });
  }
  for (const c of codes) {
    if (usedCodes.has(c.index)) continue;
    // An unnamed code: the words after it up to the line end name it ("M54.5 Low back pain").
    const rest = /^\s*[-–:)]?\s*([A-Za-z][^\n;,(]{2,60})/.exec(sent.text.slice(c.index + c[0].length));
    const before = /([A-Za-z][^\n;:()]{2,60})\s*[(\-–:]?\s*$/.exec(sent.text.slice(Math.max(0, c.index - 60), c.index));
    const name = (rest?.[1] ?? before?.[1] ?? c[1]).trim();
    out.push({ ...mentionBase(sent, 'diagnosis', c.index, c.index + c[0].length, { dating: 'encounter' }), type: 'diagnosis', attributes: { name, code: c[1] } });
  }
  return out;
}
