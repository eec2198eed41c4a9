/**
 * Letterhead lines: the practice name and its tag line at the top of a document or visit ("COASTAL SPINE
 * ASSOCIATES / Orthopaedic Spine Surgery", "Lakeview Pain & Spine", "Physical Therapy & Rehab"). They name
 * the practice, not an event: "Spine Surgery" there is what the practice does, not surgery performed.
 */
import type { Encounter } from '../model/index.js';

/** How far into a visit its letterhead can reach (fax banner, practice name, tag line). */
const TOP_CHARS = 300;
/** Small words allowed in lower case inside a capitalised name ("Physical Therapy and Rehab of the Valley"). */
const CONNECTOR = /^(?:&|and|of|for|the|at|in|on|-|–|—|\||·|\/|\+|,)$/;
/** A verb makes the line a statement: "Patient Tolerated Procedure Well", "Was Seen Today". */
const VERB = /^(?:is|are|was|were|has|have|had|will|did|does|tolerated|underwent|received|performed|completed|seen|given|declined|started|denies|reports|\w+ed)$/i;
/**
 * A document title names the note and may name the act the note records ("LUMBAR EPIDURAL STEROID INJECTION
 * PROCEDURE NOTE", "Operative Report"): those lines are not letterheads.
 */
const TITLE_WORD = /\b(?:note|report|record|summary|evaluation|re-?evaluation|consult(?:ation)?|exam(?:ination)?|visit|follow[- ]?up|progress|discharge|procedure|operative|operation|statement|assessment|encounter|letter|IME|QME|FCE|request|order|plan)\b/i;
/** ", P.C.", " Inc.", " LLC": the full stop of a company suffix does not end a sentence. */
const CORPORATE_SUFFIX = /,?\s*\b(?:P\.?C|Inc|L\.?L\.?C|P\.?L\.?L\.?C|P\.?A|Ltd|Corp|S\.?C)\.?$/i;
/** Laterality or a spinal level names a procedure on this patient, never a practice. */
const PATIENT_SPECIFIC = /\b(?:left|right|bilateral|[CTLS]\d{1,2}(?:\s*[-–/]\s*[CTLS]?\d{1,2})?)\b/i;

/** Whether one line reads as a practice name or tag line: short, capitalised words, no colon, no verb, no title word. */
export function looksLikeLetterhead(line: string): boolean {
  const t = line.trim().replace(CORPORATE_SUFFIX, '');
  if (t.length < 3 || t.length > 70 || /[.!?;]$|:/.test(t) || /\d{1,2}[/-]\d{1,2}[/-]\d{2}/.test(t)) return false;
  if (TITLE_WORD.test(t) || PATIENT_SPECIFIC.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.some((w) => VERB.test(w.replace(/[^A-Za-z]/g, '')))) return false;
  return words.every((w) => CONNECTOR.test(w) || /^[A-Z0-9&(]/.test(w));
}

/**
 * Whether text[start, end) is a letterhead line of `enc`: it and every line above it in the visit's opening block
 * look like a letterhead (a field such as "Patient:" or a blank line ends the block; a fax banner may sit on top).
 */
export function isLetterheadLine(text: string, enc: Encounter, start: number, end: number): boolean {
  if (start - enc.start > TOP_CHARS) return false;
  if (!text.slice(start, end).split('\n').every(looksLikeLetterhead)) return false;
  const above = text.slice(enc.start, start).replace(/^[\s\f]+/, '');
  if (above === '') return true;
  if (!/\n[ \t]*$/.test(above)) return false; // the sentence does not open its line
  const lines = above.replace(/\n[ \t]*$/, '').split('\n');
  return lines.every((l) => l.trim() !== '' && !l.includes(':') && (looksLikeLetterhead(l) || /^FAX\b/i.test(l.trim())));
}

/**
 * A letterhead repeated for the next visit (or page) can fall at the end of this visit's text: the lines from
 * the sentence to the end of the visit are letterhead lines, header fields ("Patient: … DOB …") or blank.
 */
export function isTrailingLetterheadLine(text: string, enc: Encounter, start: number, end: number): boolean {
  if (enc.end - end > TOP_CHARS) return false;
  if (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\f') return false; // the sentence opens its line
  if (!text.slice(start, end).split('\n').every(looksLikeLetterhead)) return false;
  const isTitle = (l: string) => l.trim().length <= 40 && !/[a-z]/.test(l); // "FOLLOW-UP", "OPERATIVE REPORT"
  return text.slice(end, enc.end).split('\n').every((l) => l.trim() === '' || l.includes(':') || looksLikeLetterhead(l) || isTitle(l));
}
