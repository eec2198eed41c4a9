/**
 * What kind of paper a document is, decided before anything is extracted from it: clinical record, examining
 * opinion, or administrative paper (exhibit list, claimant's forms, representative's brief, custodian letter,
 * utilization review, claims correspondence, employer papers, pharmacy profile). Read from the file name and the
 * title zone, the first lines once fax banners and stamps are set aside. Knowledge: lexicon/documents/roles.json.
 */
import path from 'node:path';
import type { DocumentRole, DocumentStatus, Evidence, SourceDocument } from '../model/index.js';
import { z } from 'zod';
import { capitalShare, closeLetterSpacing } from '../util/text.js';
import { phraseListTest, phrasesSource, readLexiconFile } from '../knowledge/lexicon.js';
import { DocumentRoleSchema } from '../model/document.js';
import { readFormMarks } from '../knowledge/forms.js';
import { evidenceAt, trimSpan } from '../knowledge/evidence.js';


/** A regex for a phrase list, or one that never matches when the list is empty. */
function anyOf(phrases: string[] | undefined): RegExp {
  return phrases?.length ? new RegExp(phrasesSource(phrases), 'i') : /(?!)/;
}

const Phrases = z.array(z.string().min(1));
const RoleEntrySchema = z.object({
  id: DocumentRoleSchema.shape.role, kind: z.string().min(1), why: z.string().min(1), title: Phrases, sender: Phrases.optional(), filename: Phrases,
  filenameUnlessNote: Phrases.optional(),
});
const entries = readLexiconFile('documents/roles.json', z.looseObject({ roles: z.array(RoleEntrySchema) })).roles.map((r) => ({
  ...r, titleRe: anyOf(r.title), senderRe: anyOf(r.sender), fileRe: anyOf(r.filename), noteFileRe: anyOf(r.filenameUnlessNote),
}));

const EXAM_RESPONSE = entries.find((r) => r.kind === 'exam_response')!;

const FormEntrySchema = z.object({ id: z.string().min(1), patterns: Phrases, notAfter: Phrases.optional() });
const formsFile = readLexiconFile('documents/roles.json', z.looseObject({ formsOnFile: z.looseObject({ forms: z.array(FormEntrySchema) }) })).formsOnFile.forms
  .map((f) => ({ id: f.id, re: new RegExp(anyOf(f.patterns).source, 'gi'), notAfter: f.notAfter && new RegExp(`${phrasesSource(f.notAfter)}\\s*$`, 'i') }));
/** Lines kept per form: enough to find the one that heads the form itself among lines that list it. */
const MAX_FORM_LINES = 5;
/** A line that says the form is not there: "function report not returned", "3373 requested, outstanding". */
const NOT_ON_FILE = /\b(?:not (?:yet )?(?:returned|received|completed|on file|in (?:the )?file)|never (?:returned|received|completed)|missing|outstanding|requested|pending|due)\b/i;

/** The claimant's SSA forms this paper shows on file (the form itself, or a line listing or summarising it), each cited once. */
export function formsOnFile(doc: SourceDocument): NonNullable<DocumentStatus['formsOnFile']> {
  const out: NonNullable<DocumentStatus['formsOnFile']> = [];
  for (const f of formsFile) {
    for (const m of doc.text.matchAll(f.re)) {
      if (f.notAfter?.test(doc.text.slice(Math.max(0, m.index - 24), m.index))) continue;
      const lineStart = doc.text.lastIndexOf('\n', m.index) + 1;
      const nl = doc.text.indexOf('\n', m.index);
      const line = doc.text.slice(lineStart, nl < 0 ? doc.text.length : nl);
      if (NOT_ON_FILE.test(line)) continue;
      const [s, e] = trimSpan(doc.text, lineStart, nl < 0 ? doc.text.length : nl);
      const entry = out.find((o) => o.id === f.id);
      if (!entry) out.push({ id: f.id, evidence: [evidenceAt(doc, s, e)] });
      else if (entry.evidence.length < MAX_FORM_LINES && !entry.evidence.some((x) => x.start === s)) entry.evidence.push(evidenceAt(doc, s, e));
    }
  }
  return out;
}

const MissingSchema = z.looseObject({ absent: Phrases, records: Phrases, trivial: Phrases, nothing: Phrases });
const missing = readLexiconFile('documents/roles.json', z.looseObject({ recordsNotedMissing: MissingSchema })).recordsNotedMissing;
const ABSENT = new RegExp(anyOf(missing.absent).source, 'gi');
/** The words of absence ("not received", "were not provided"), for telling which part of a noted line is the missing one. */
export const NOTED_ABSENT = anyOf(missing.absent);
const RECORD_WORD = anyOf(missing.records);
const TRIVIAL = anyOf(missing.trivial);
const NOTHING = anyOf(missing.nothing);
/** Lines kept per document: a long exhibit list's every missing entry is still one reviewer's short list. */
const MAX_MISSING_LINES = 6;

/**
 * Records the paper itself says are missing ("Riverbend discharge summary - requested, not received"; "pages 4-11
 * not received"; "daily logs available on request"), each cited by its line (with the line before when the sentence
 * began there).
 */
/** A list item under a heading: "- Ridgeline PT discharge summary", "2. Inpatient chart". */
const LIST_ITEM = /^[ \t]*(?:[-•*·]|\d{1,2}[.)])[ \t]+\S[^\n]*/;
const MAX_LIST_ITEMS = 4;
/** Where the list right below a heading's line ends (the heading's own end when none follows). */
function listEnd(text: string, headingEnd: number): number {
  let end = headingEnd;
  for (let i = 0; i < MAX_LIST_ITEMS; i++) {
    const item = LIST_ITEM.exec(text.slice(end + 1));
    if (!item || item.index !== 0) break;
    end = end + 1 + item[0].length;
  }
  return end;
}

/** A full stop that ends a sentence (not "Dr. Roe", "J. Doe"). */
const SENTENCE_STOP = /(?<!\b(?:Dr|Mr|Mrs|Ms|St|No|vs|Inc|Jr|Sr|[A-Z]))\.\s+(?=[A-Z])/g;
/** Where the sentence ending a line ends: on the next line when it carries on there in lower case. */
function wrappedEnd(text: string, lineEnd: number): number {
  if (lineEnd >= text.length || /[.;:)\]]\s*$/.test(text.slice(Math.max(0, lineEnd - 3), lineEnd))) return lineEnd;
  const next = text.slice(lineEnd + 1, text.indexOf('\n', lineEnd + 1) < 0 ? text.length : text.indexOf('\n', lineEnd + 1));
  if (!/^\s*[a-z(]/.test(next)) return lineEnd;
  const stop = next.search(/\.(?:\s|$)/);
  return lineEnd + 1 + (stop < 0 ? next.length : stop + 1);
}

export function recordsNotedMissing(doc: SourceDocument): NonNullable<DocumentStatus['recordsNotedMissing']> {
  const out: NonNullable<DocumentStatus['recordsNotedMissing']> = [];
  const seen = new Set<number>();
  for (const m of doc.text.matchAll(ABSENT)) {
    const lineStart = doc.text.lastIndexOf('\n', m.index) + 1;
    if (out.length >= MAX_MISSING_LINES) break;
    if (seen.has(lineStart)) continue;
    seen.add(lineStart);
    const nl = doc.text.indexOf('\n', m.index);
    const lineEnd = nl < 0 ? doc.text.length : nl;
    // A sentence wrapped from the line above ("... 10/26-10/28/2022 admission\nwere not provided to me.").
    const prevStart = lineStart > 0 ? doc.text.lastIndexOf('\n', lineStart - 2) + 1 : lineStart;
    const prev = doc.text.slice(prevStart, Math.max(prevStart, lineStart - 1));
    // (Or a date carried over from a bracket the line above opened: "(Dr. Ostrowski's\n08/13/2024 note … were not provided.)")
    const openBracket = (prev.match(/\(/g)?.length ?? 0) > (prev.match(/\)/g)?.length ?? 0);
    const wrapped = lineStart > 0 && prev.trim() && !/[.:;)\]]\s*$/.test(prev)
      && (/^\s*[a-z(]/.test(doc.text.slice(lineStart, m.index + 1)) || (openBracket && /^\s*\d/.test(doc.text.slice(lineStart, m.index + 1))));
    // (A sentence ended earlier on the line is not this one: "On-the-record decision … hearing. We have requested …".)
    const lastStop = [...doc.text.slice(lineStart, m.index).matchAll(SENTENCE_STOP)].at(-1);
    const sentenceStart = wrapped ? prevStart + Math.max(0, prev.lastIndexOf('. ') + (prev.lastIndexOf('. ') >= 0 ? 2 : 0))
      : lineStart + (lastStop ? lastStop.index + 1 : 0);
    // A heading that introduces a list ("Records requested, not received as of print date:") names its records below.
    // A sentence wrapped onto the line below ("We have requested but not yet\nreceived the home health records …").
    const end = /:\s*$/.test(doc.text.slice(lineStart, lineEnd)) ? listEnd(doc.text, lineEnd) : wrappedEnd(doc.text, lineEnd);
    const text = doc.text.slice(sentenceStart, end);
    if (!RECORD_WORD.test(text) || TRIVIAL.test(text) || NOTHING.test(text)) continue;
    const [s, e] = trimSpan(doc.text, sentenceStart, end);
    out.push({ text: doc.text.slice(s, e).replace(/\s+/g, ' '), evidence: [evidenceAt(doc, s, e)] });
  }
  return out;
}

/** Headings of a clinical note: two or more near the top mean the paper is a record, whoever produced it. */
const NOTE_HEADINGS = /\b(?:HPI|HISTORY OF PRESENT ILLNESS|CHIEF COMPLAINT|SUBJECTIVE|OBJECTIVE|ASSESSMENT|PLAN|IMPRESSION|(?:PHYSICAL )?EXAM(?:INATION)?|DIAGNOS[IE]S|PROCEDURE|FINDINGS|DATE OF SERVICE|DOS|TECHNIQUE)\s*:/gi;
function hasNoteStructure(text: string): boolean {
  return new Set([...text.slice(0, 4000).matchAll(NOTE_HEADINGS)].map((m) => m[0].toUpperCase())).size >= 2;
}

/** Fax transmission banners, scan stamps and print headers: they name sender and recipient, not the paper's kind. */
export const BANNER = /(?:\b\d{1,2}:\d{2}\b.*(?:->|>>|\bTO\b|\bFROM\b|\bFAX\b|\bP\.\s?\d|\bPG\s?\d|\bPAGE\s+\d|\bp\.\d|\[\d+\]|#\d{3,})|^\s*\*\*.*\*\*\s*$|\bRECEIVED\b|\bSCANNED\b|^\s*\[.*\]\s*$|\beRecords\b|Document Print|printed \d)/i;
/** A marked examiner's role on a form ("[X] Designated doctor …"); an unmarked box names a role the paper does not have. */
const MARKED_EXAMINER = /\[\s*[Xx✓✔]\s*\]\s*(?:designated doctor|required medical exam\w*|independent medical exam\w*|qualified medical evaluator|agreed medical evaluator|panel QME|IME\b|QME\b|AME\b|impairment rating evaluat\w*)[^\n]*/i;
/** "DEPOSITION OF GWENDOLYN RAE TATUM", "VIDEOTAPED DEPOSITION OF PRIYA ROE, M.D.": the deponent's name. */
const DEPOSITION = /^[ \t]*(?:(?:VIDEOTAPED|VIDEO|ORAL|REMOTE)\s+)?DEPOSITION OF\s+([^\n]{3,90}?)(?:\s+-\s+EXCERPTS?)?[ \t]*$/m;
/** A deponent who treats or examines: a clinician's credential after the name. */
const CLINICIAN_DEPONENT = /,\s*(?:M\.?D|D\.?O|Ph\.?D|Psy\.?D|D\.?C|D\.?P\.?M|PA-C|N\.?P|APRN|FNP\S*|R\.?N|P\.?T|DPT|OTR\S*)\b/i;
/** Words of a file name that make "DME" durable medical equipment. */
const equipmentName = phraseListTest('documents/roles.json', 'equipmentFileWords');
/** A checkbox ticked right before a phrase: "[X] Request for authorization". */
const TICKED_BEFORE = /\[\s*[xX✓✔]\s*\]\s*$/;
/** How many non-banner lines make the title zone. */
const TITLE_LINES = 6;
/** How far down a letter its own title is looked for (below letterhead, date, addressee and RE block). */
const LETTER_TITLE_CHARS = 2500;
/** "Dear Mr. Tolliver:", "Dear Counsel,": where a letter's body begins. */
const SALUTATION = /^[ \t]*Dear [^\n]{1,60}[:,][ \t]*$/m;

/** "Narrative Letter to Counsel", "Report for Attorney": whom the paper was sent to, which says nothing of who wrote it. */
const ADDRESSEE = /\b(?:to|for)\s+(?:the\s+)?(?:plaintiff'?s?\s+|defense\s+|claimant'?s?\s+)?(?:counsel|attorney|atty|lawyer|adjuster|carrier|insurer)\b/gi;

/** File name words, split at separators and case changes ("LifeCarePlanner_Records" → "life care planner records"), addressee dropped. */
function fileWords(file: string): string {
  return path.basename(file, path.extname(file))
    .replace(/([a-z])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[_\-.]+/g, ' ')
    .replace(ADDRESSEE, ' ')
    .replace(ANSWERS_AN_EXAM, ' ');
}
/** "APF_IME_Concurrence", "Response to QME": the treating doctor's answer to an examination, not the examination. */
const ANSWERS_AN_EXAM = /\b(?:(?:IME|QME|AME|DME)\s+(?:concurrence|response|rebuttal|reply)|(?:response|reply|rebuttal|concurrence)\s+(?:to|with)\s+(?:the\s+)?(?:IME|QME|AME|DME))\b/gi;

/** [start, end) of the title zone: the first non-banner lines of the document. */
function titleZone(text: string): { start: number; end: number } {
  let seen = 0;
  let start = -1;
  let end = 0;
  for (const m of text.slice(0, 4000).matchAll(/[^\n]*\n?/g)) {
    if (m[0] === '') break;
    const line = m[0];
    // The note's first sentence ("Reviewed IME report of Dr. H. Voss dated 01/17/2023 (received 02/01/2023).") is its
    // text, not its title, whatever stamp-like word it carries.
    if (seen >= 2 && isProse(line)) break;
    if (!line.trim() || BANNER.test(line)) { if (start >= 0) end = m.index + line.length; continue; }
    if (start < 0) start = m.index;
    end = m.index + line.length;
    if (++seen >= TITLE_LINES) break;
  }
  return { start: Math.max(0, start), end };
}

/** A line of running text: a sentence of several lower-case words that ends with a full stop. */
function isProse(line: string): boolean {
  return /[\w)]\.[ \t]*\n?$/.test(line) && (line.match(/\b[a-z]{2,}\b/g) ?? []).length >= 4;
}

/**
 * "Examinee: …", an examination under a rule ("Examination under Iowa R. Civ. P. 1.515"), the examiner's notice that no
 * physician-patient relationship was created, or a consultation counsel asked for an opinion from ("Referred by: … Esq. -
 * surgical opinion requested").
 */
const EXAMINEE = /^[ \t]*(?:name of )?examinee[ \t]*:|\bexaminee (?:DOB|date of birth|name)\b|^[ \t]*(?:referred by|referral(?: source)?|requested by|referring party)[ \t]*:[^\n]*\b(?:Esq\b|attorney|counsel|law (?:firm|office|group))[^\n]*\bopinion\b|\bexamination (?:was )?(?:pursuant to|ordered under|under) (?:[A-Z][a-z]+ )?(?:La\.|Fed\.|Rule|R\.|art\.?|article|section|§)|\bno (?:physician|doctor)[- ](?:patient|examinee) relationship\b/im;

const CLINICAL: DocumentRole = { role: 'clinical', kind: 'clinical_record', why: 'treating or diagnostic record', evidence: [] };

/** The document's role, with the words (or file name) that decided it. Structured sources are clinical or billing by format. */
export function classifyDocument(doc: SourceDocument): DocumentRole {
  if (doc.kind === 'ledger') {
    // (A pharmacy's fill history, read as a table, is the pharmacy's paper.)
    const pharmacy = doc.warnings.some((w) => /pharmacy fill history/.test(w)) ? entries.find((r) => r.kind === 'pharmacy') : undefined;
    if (pharmacy) return { role: pharmacy.id, kind: pharmacy.kind, why: pharmacy.why, evidence: [] };
    return { role: 'administrative', kind: 'billing', why: 'a billing ledger lists charges, not care', evidence: [] };
  }
  if (doc.kind === 'fhir') return CLINICAL;
  const zone = titleZone(doc.text);
  // An unmarked form option ("[ ] Designated doctor  [X] Treating doctor") names a role the paper does not have.
  const title = withoutUnmarked(doc.text, zone);
  const found = (r: (typeof entries)[number], m: RegExpExecArray): DocumentRole => {
    // A letter on a claims office's letterhead ("Department of Labor and Industries / Claims Administration") that names
    // an examination it schedules or reports is the claims office's, not the examiner's.
    const claims = r.id === 'examining' && !hasNoteStructure(doc.text) ? claimsLetterhead() : undefined;
    if (claims) return { role: claims.id, kind: claims.kind, why: `${claims.why} (on the claims office's letterhead)`, evidence: titleEvidence(doc, zone) };
    const [s, e] = trimSpan(doc.text, zone.start + m.index, zone.start + m.index + m[0].length);
    return { role: r.id, kind: r.kind, why: r.why, evidence: [evidenceAt(doc, s, e)] };
  };
  // The sender is named in the letterhead (the title zone's first two lines, rules and stamps aside), not in a field such as "attorney: … Esq."
  const letterLine = title.split('\n').filter((l) => l.trim() && !BANNER.test(l)).slice(0, 2).at(-1) ?? '';
  const letterhead = title.slice(0, title.indexOf(letterLine) + letterLine.length);
  const claimsLetterhead = () => entries.find((r) => r.kind === 'claims' && r.senderRe.test(letterhead));
  let sender: { r: (typeof entries)[number]; t: RegExpExecArray } | null | undefined;
  const letterheadSender = () => {
    if (sender === undefined) {
      sender = null;
      for (const r of entries) {
        const t = r.senderRe.exec(letterhead);
        if (t) { sender = { r, t }; break; }
      }
    }
    return sender ?? undefined;
  };
  const words = fileWords(doc.file);
  const noteLike = hasNoteStructure(doc.text);
  // A records office's fax cover ("Re: … Records request dated 09/14/2023; Pages (incl. cover): 7") over the records
  // it sends: the pages after the cover are titled as clinical records.
  const recordsFollow = () => doc.pages.slice(1, 4).some((p) => entries.some((r) => r.id === 'clinical' && r.titleRe.test(doc.text.slice(p.start, Math.min(p.end, p.start + 400)))));
  for (const r of entries) {
    if (r.id === 'clinical') continue;
    // "Printed for records request", "Health Information Management - Release of Information": a production line
    // on top of the records themselves. A custodian's paper is administrative only when it is not a clinical note.
    // (So is an e-folder's banner over the exhibit it prints, "SSA ELECTRONIC FOLDER - EXHIBITS 2F / 7F - Gateway Foot &
    // Ankle": an exhibit list is one when it is no note.)
    if ((r.kind === 'records_custodian' || r.kind === 'exhibit_list') && (noteLike || recordsFollow())) continue;
    // ("[Transcribed from handwritten SOAP cards for records request 08/2023]": a bracketed production line is a banner.)
    const t = r.titleRe.exec(r.kind === 'records_custodian' ? withoutBanners(title) : title);
    // ("PR-2 … [ ] Periodic report  [X] Change in treatment plan  [X] Request for authorization": a ticked purpose on a
    // treating doctor's form says what the report also does, not what the paper is.)
    if (t && !(r.id === 'administrative' && TICKED_BEFORE.test(title.slice(Math.max(0, t.index - 8), t.index)))) return found(r, t);
  }
  // A letter's own title sits below its letterhead, date and address block ("CERTIFICATION OF NO RECORDS", "MEDICAL
  // RECORDS REVIEW (NO EXAMINATION)"): in a paper with no clinical note structure, an upper-case title line further down names it.
  if (!noteLike) {
    // (A title may carry a note in brackets, "RECORDS REVIEW (no examination performed)"; a dated heading with one,
    // "FUNCTIONAL CAPACITY EVALUATION - 05/14/2024 (summary page)", is a part of the record, not its title.)
    // Its subject line ("RE:  Records request - DOE, JANE") names it as well; so does a treating doctor's report title
    // ("PR-2 / SUPPLEMENTAL REPORT - WITHDRAWAL OF PERMANENT AND STATIONARY STATUS") under a letter to the claims office.
    // (Under a law office's or claims office's letterhead the letter's own title sits above its salutation; "THE DEFENSE
    // MEDICAL EXAMINATION" further down is a heading of the argument, not the paper.)
    const salutation = letterheadSender()?.r.id === 'administrative' ? SALUTATION.exec(doc.text.slice(0, LETTER_TITLE_CHARS))?.index : undefined;
    for (const m of doc.text.slice(0, salutation ?? LETTER_TITLE_CHARS).matchAll(/^[ \t]*(?:[A-Z][A-Z0-9 &/,'()\-]{8,80}|[A-Z][A-Z &,'\-]{8,80}\([^()\n]{1,60}\)|(?:RE|Re|SUBJECT|Subject)\s*:[^\n]{4,120})[ \t]*$/gm)) {
      for (const r of entries) {
        // (A claims office's letter asking for that report, "SECOND REQUEST - Permanent and Stationary report (PR-4)", is the claims office's.)
        // (Nor is a report's title below another sender's letterhead, an attorney's cover letter over the form it encloses.)
        if (r.id === 'clinical' && (ASKS_FOR_A_REPORT.test(m[0]) || letterheadSender())) continue;
        if (r.kind === 'records_custodian' && recordsFollow()) continue;
        const t = r.titleRe.exec(m[0]);
        if (t) return found(r, { ...t, index: m.index + t.index - zone.start } as RegExpExecArray);
      }
    }
  }
  // A witness's deposition (the claimant's, an employer's) tells of the care second-hand, under oath; a clinician's is
  // that clinician's opinion and is read as one.
  const deponent = DEPOSITION.exec(doc.text.slice(0, 3000));
  if (deponent && !CLINICIAN_DEPONENT.test(deponent[1])) {
    const [s0, e0] = trimSpan(doc.text, deponent.index, deponent.index + deponent[0].length);
    return { role: 'administrative', kind: 'testimony', why: 'a deposition of a witness who does not treat (the claimant\'s own) is testimony about the care, not its record', evidence: [evidenceAt(doc, s0, e0)] };
  }
  // A file name that also names an examination ("Employer IME - Dr Whitcomb") is not an administrative paper's name;
  // "DME" beside a brace, a wheelchair or a supplier is durable medical equipment, not a defense medical examination.
  const equipment = equipmentName(words);
  const examName = !equipment && entries.some((r) => r.id === 'examining' && r.fileRe.test(words));
  // (A word that is also a clinical abbreviation, "RFA" for radiofrequency ablation, names the paper only when it reads as no note.)
  const namedBy = (r: (typeof entries)[number]) => (r.fileRe.test(words) && !(equipment && r.id === 'examining')) || (!noteLike && r.noteFileRe.test(words));
  for (const r of entries) {
    if (r.id === 'administrative' && !examName && namedBy(r)) return { role: r.id, kind: r.kind, why: `${r.why} (from the file name)`, evidence: titleEvidence(doc, zone) };
  }
  // A state form's certifying-role field: "[X] Designated doctor selected by the Division", "[X] Required medical examination doctor".
  const role = MARKED_EXAMINER.exec(doc.text.slice(0, 3000));
  if (role) {
    const [s0, e0] = trimSpan(doc.text, role.index, role.index + role[0].length);
    return { role: 'examining', kind: 'examining_opinion', why: 'the certifying doctor marked an examiner\'s role on the form', evidence: [evidenceAt(doc, s0, e0)] };
  }
  // "Examinee: Jane Doe", "Examination pursuant to La. Code Civ. Proc. art. 1464": the paper of an examination for the claim.
  const examinee = EXAMINEE.exec(doc.text.slice(0, 3000));
  // (A claims office's letter asking for the examination is the claims office's.)
  const claimsOffice = examinee && !noteLike ? claimsLetterhead() : undefined;
  if (claimsOffice) return { role: claimsOffice.id, kind: claimsOffice.kind, why: `${claimsOffice.why} (on the claims office's letterhead)`, evidence: titleEvidence(doc, zone) };
  if (examinee) {
    const [s0, e0] = trimSpan(doc.text, examinee.index, examinee.index + examinee[0].length);
    return { role: 'examining', kind: 'examining_opinion', why: 'the paper names the person examined as the examinee, the rule the examination was ordered under, or counsel asking for the opinion', evidence: [evidenceAt(doc, s0, e0)] };
  }
  const clinicalTitle = entries.find((r) => r.id === 'clinical' && r.titleRe.test(title));
  if (clinicalTitle) return found(clinicalTitle, clinicalTitle.titleRe.exec(title)!);
  const from = noteLike ? undefined : letterheadSender();
  if (from) return found(from.r, from.t);
  for (const r of entries) {
    if (namedBy(r) && !(examName && r.id === 'administrative')) return { role: r.id, kind: r.kind, why: `${r.why} (from the file name)`, evidence: titleEvidence(doc, zone) };
  }
  return CLINICAL;
}

/** The zone's text with unmarked checkbox labels blanked out, display type closed up and OCR digits read as letters (same length, so offsets still hold). */
function withoutUnmarked(text: string, zone: { start: number; end: number }): string {
  // A faxed title read by OCR ("IMPARTIAL MEDICAL EXAMINATI0N", "Emp1oyee"): a digit between letters is the letter it resembles.
  const slice = closeLetterSpacing(text.slice(zone.start, zone.end)).replace(/(?<=[A-Za-z])0(?=[A-Za-z])/g, 'O').replace(/(?<=[A-Za-z])1(?=[A-Za-z])/g, 'l');
  const marks = readFormMarks(slice);
  let out = slice;
  for (const u of marks.unchecked) out = out.slice(0, u.start) + ' '.repeat(u.end - u.start) + out.slice(u.end);
  return withoutRecipients(out);
}

/** A subject line that asks for a report rather than being one. */
const ASKS_FOR_A_REPORT = /\b(?:request\w*|please|your|overdue|outstanding|follow-?up on)\b/i;

/** The title with its banner lines (fax stamps, bracketed production notes) blanked. */
function withoutBanners(title: string): string {
  return title.split('\n').map((l) => (BANNER.test(l) ? ' '.repeat(l.length) : l)).join('\n');
}

/** "cc: … Lorraine Doe, MD (QME)" on a fax cover: who receives the paper, not what it is. */
const RECIPIENT_LINE = /^[ \t]*(?:cc|bcc|to|attn|attention)[ \t]*:/i;
const LABEL_LINE = /^[ \t]*[A-Za-z][\w .'/()&-]{0,30}:/;
function withoutRecipients(head: string): string {
  let inList = false;
  return head.split('\n').map((line) => {
    if (RECIPIENT_LINE.test(line)) inList = true;
    else if (!line.trim() || LABEL_LINE.test(line)) inList = false;
    return inList ? ' '.repeat(line.length) : line;
  }).join('\n');
}

/** The document's head with unmarked options blanked: where an examiner's report says what kind of examiner wrote it. */
export function examinerHead(doc: SourceDocument): string {
  return withoutUnmarked(doc.text, { start: 0, end: Math.min(doc.text.length, 2500) });
}

/** A records office's cover letter heading the records it releases. */
/** (Not a letterhead's contact line: "HIM/Release of Information Fax 401-555-0619".) */
const COVER_LETTER = /\b(?:release of information|custodian of records)\b(?![ \t]*(?:fax|tel\b|phone|ph\b|#|:?[ \t]*\(?\d{3}|(?:\(ROI\)[ \t]*)?(?:copy|print(?:ed|out)?)\b))/i;
const FAX_COVER = /\b(?:fax|facsimile)[ \t]+(?:transmittal|cover(?:[ \t]+sheet)?)\b/i;
/** The fax machine's page line: "SEP-06-2023 10:14  FROM: … P.02/07"; the first page's is the cover's own. */
const FAX_PAGE_BANNER = /\b\d{1,2}:\d{2}\b[^\n]*\b(?:P|PG|PAGE)\.?\s?\d{1,3}\s*(?:\/|of)\s*\d{1,3}\b/i;
const FIRST_FAX_PAGE = /\b(?:P|PG|PAGE)\.?\s?0*1\s*(?:\/|of)\s*\d/i;

/** A span of a document with one role: a records custodian's cover letter, then the discharge summary it encloses. */
export interface DocumentPart { start: number; end: number; role: DocumentRole['role'] }

/** A heading line: short and mostly capitals ("DISCHARGE SUMMARY", "UTILIZATION REVIEW DETERMINATION"). */
function isHeadingLine(line: string): boolean {
  // "NEW PATIENT EVALUATION          05/30/2023": a heading may carry its date at the right.
  // "OFFICE VISIT          Date of service: 11/28/2023": or a labelled date.
  // "ENCOUNTER: OFFICE VISIT -- NEW PATIENT      Date of service: 03/15/2022  09:20": with its time too.
  const t = line.trim().replace(/\s+(?:(?:date(?: of service)?|DOS|visit date|encounter date)\s*:?\s*)?\d{1,2}[/-]\d{1,2}[/-]\d{2,4}(?:\s+\d{1,2}:\d{2}(?:\s*[AP]M)?)?$/i, '');
  if (t.length < 4 || t.length > 70) return false;
  return capitalShare(t, 4) >= 0.7;
}

/**
 * Parts of a document, split where a heading names a paper of another role: a clinical title after an
 * administrative cover letter starts a clinical part, an administrative title inside a clinical file starts an
 * administrative one. The document's own role holds until the first such heading.
 */
export function documentParts(doc: SourceDocument, role: DocumentRole): DocumentPart[] {
  // Records produced with a custodian's cover letter ("Release of Information … Enclosed: …"): the letter is
  // administrative until the first clinical heading.
  const cover = role.role === 'clinical' && COVER_LETTER.test(withoutUnmarked(doc.text, titleZone(doc.text)));
  const parts: DocumentPart[] = [{ start: 0, end: doc.text.length, role: cover ? 'administrative' : role.role }];
  if (doc.kind === 'ledger' || doc.kind === 'fhir') return parts;
  // A fax cover sheet on its own first page routes the records; the records start on the next page.
  const first = doc.pages[0];
  if (!cover && FAX_COVER.test(closeLetterSpacing(doc.text.slice(first.start, Math.min(first.end, first.start + 600))))) {
    // The cover ends with its page, or at the fax machine's next page line ("… P.02/07") where pages are marked only so.
    const next = [...doc.text.slice(0, first.end).matchAll(/^[^\n]*$/gm)]
      .find((m) => FAX_PAGE_BANNER.test(m[0]) && doc.text.slice(0, m.index).trim() !== '' && !FIRST_FAX_PAGE.test(m[0]));
    const end = next?.index ?? (doc.pages.length > 1 ? first.end : undefined);
    if (end !== undefined) parts.splice(0, 1, { start: 0, end, role: 'administrative' }, { start: end, end: doc.text.length, role: role.role });
    // A cover alone, with no note below it (a firm's transmittal and its record index), routes records it does not hold.
    else if (!hasNoteStructure(doc.text)) parts[0].role = 'administrative';
  }
  let letterOpened: DocumentPart | undefined;
  for (const m of doc.text.matchAll(/[^\n]+/g)) {
    // A representative's packet with its exhibits attached: "EXHIBIT 7" over a clinic's letterhead is that clinic's paper.
    if (role.role === 'administrative' && EXHIBIT_LINE.test(m[0])) {
      const below = doc.text.slice(m.index + m[0].length, m.index + m[0].length + 300).split('\n').filter((l) => l.trim()).slice(0, 2).join('\n');
      const next = CLINIC_LETTERHEAD.test(below) ? 'clinical' : 'administrative';
      const current = parts[parts.length - 1];
      if (next !== current.role) {
        current.end = m.index;
        parts.push({ start: m.index, end: doc.text.length, role: next });
      }
      continue;
    }
    // Claim correspondence ruled into letters: a letter under a clinic's letterhead is the treating source's own
    // ("VALLEY SPINE & PAIN ASSOCIATES" answering counsel), a law firm's or an adjuster's is not.
    if (role.role === 'administrative' && RULE_LINE.test(m[0])) {
      const head = doc.text.slice(m.index + m[0].length, m.index + m[0].length + 400).split('\n').filter((l) => l.trim() && !BANNER.test(l)).slice(0, 2);
      const sender = head.find((l) => entries.some((r) => r.id === 'administrative' && r.senderRe.test(l)));
      // A clinic's letter signed by its physician; a records clerk's answer on the same letterhead stays administrative.
      const after = doc.text.slice(m.index + m[0].length);
      const section = after.slice(0, after.search(/\n\s*(?:={10,}|-{10,}|_{10,})\s*\n/) >>> 0);
      const physicianLetter = !!head[0] && CLINIC_LETTERHEAD.test(head[0]) && PHYSICIAN_SIGNATURE.test(section);
      // The letter after a physician's letter is the correspondence's again, unless it is another physician's.
      const current = parts[parts.length - 1];
      // (A designated doctor's report filed under the agency's summary: "[X] Designated Doctor selected by DWC".)
      const next = sender || (letterOpened === current && !physicianLetter) ? 'administrative' : physicianLetter ? (MARKED_EXAMINER.test(section) ? 'examining' : 'clinical') : undefined;
      if (next && next !== current.role) {
        current.end = m.index;
        parts.push({ start: m.index, end: doc.text.length, role: next });
        if (next === 'clinical') letterOpened = parts[parts.length - 1];
      }
      continue;
    }
    // A clinic's note filed behind an order or a letter, on a page of its own ("\f OHIO VALLEY JOINT PRESERVATION CENTER …
    // CONSULTATION   Date of visit: 01/16/2024"): the clinic's paper from its letterhead on.
    if (role.role === 'administrative' && parts[parts.length - 1].role === 'administrative' && SERVICE_DATE_LINE.test(m[0])) {
      const head = clinicPageHead(doc.text, m.index);
      if (head !== undefined) {
        parts[parts.length - 1].end = head;
        parts.push({ start: head, end: doc.text.length, role: 'clinical' });
        continue;
      }
    }
    // Under a custodian's certification the first dated visit heading ("NEW PATIENT CONSULTATION   DATE OF SERVICE: …")
    // begins the records, whatever its title.
    if (cover && parts.length === 1 && SERVICE_DATE_LINE.test(m[0])) {
      parts[0].end = m.index;
      parts.push({ start: m.index, end: doc.text.length, role: 'clinical' });
      continue;
    }
    // The treating source's answer filed after the examination ("ATTENDING PROVIDER REVIEW OF INDEPENDENT MEDICAL
    // EXAMINATION (IME) REPORT … [X] I do not concur"): the treating source's own paper, whatever the length of its title.
    if (parts[parts.length - 1].role === 'examining' && EXAM_RESPONSE.titleRe.exec(m[0].trim())?.index === 0) {
      parts[parts.length - 1].end = m.index;
      parts.push({ start: m.index, end: doc.text.length, role: 'clinical' });
      continue;
    }
    if (!isHeadingLine(m[0]) || BANNER.test(m[0])) continue;
    // An insurer's letter filed behind the physician's statement it asked for ("MERIDIAN SUMMIT LIFE INSURANCE COMPANY -
    // GROUP DISABILITY CLAIMS … Dear Ms. Doe:"): the claims office's paper from its letterhead on.
    if (parts[parts.length - 1].role === 'clinical' && claimsSender.some((r) => r.senderRe.test(m[0]))
      && SALUTATION.test(doc.text.slice(m.index, m.index + LETTER_HEAD_CHARS))) {
      parts[parts.length - 1].end = m.index;
      parts.push({ start: m.index, end: doc.text.length, role: 'administrative' });
      continue;
    }
    // An EHR print labels each note ("ENCOUNTER: OFFICE VISIT -- NEW PATIENT"): the title follows the label.
    const heading = m[0].replace(/^\s*(?:ENCOUNTER|VISIT|NOTE|DOCUMENT)\s*[:\-\u2013]\s*/i, '');
    // (Or after a sender's name or "Notice of": "HEARTLAND SELECT PPO - UTILIZATION MANAGEMENT", "NOTICE OF ADVERSE BENEFIT DETERMINATION".)
    const hit = entries.find((r) => { const t = r.titleRe.exec(heading); return t && (t.index <= 3 || TITLE_AFTER.test(heading.slice(0, t.index))); });
    // An examination summarised inside a treating file ("FCE SUMMARY") stays part of that file: only the
    // administrative / clinical boundary splits a document.
    // (A letter asking for a report, "SECOND REQUEST - NARRATIVE REPORT", is the asker's, not the report.)
    const asks = hit?.id === 'clinical' && ASKS_FOR_A_REPORT.test(heading);
    const next = asks ? undefined : hit?.id === 'examining' ? 'clinical' : hit?.id;
    const current = parts[parts.length - 1];
    if (!next || next === current.role || (next === 'clinical' && current.role === 'examining')) continue;
    current.end = m.index;
    parts.push({ start: m.index, end: doc.text.length, role: next });
  }
  return parts;
}

/** The claims offices a letter's letterhead may name (an insurer, an adjuster, a TPA). */
const claimsSender = entries.filter((r) => r.kind === 'claims');
/** How far below its letterhead a letter's salutation stands (date, address block, RE line). */
const LETTER_HEAD_CHARS = 400;
/** What may stand before a paper's title on its heading line: the sender's name and a dash, or "Notice of". */
const TITLE_AFTER = /(?:\S\s+[-\u2013\u2014|]\s+|^\s*notice of\s+)$/i;
/** "Sincerely, /s/ Anjali R. Doe, DO, Board Certified PM&R": a physician signs the letter. */
const PHYSICIAN_SIGNATURE = /(?:sincerely|regards|\/s\/|electronically signed)[^\n]{0,40}(?:\n[^\n]{0,80}){0,2}?,\s*(?:MD|DO|M\.D\.|D\.O\.)(?![A-Za-z])/i;
/** A rule across the page between letters. */
const RULE_LINE = /^\s*(?:={10,}|-{10,}|_{10,})\s*$/;
const SERVICE_DATE_LINE = /\b(?:DATE OF SERVICE|Date of Service|DOS|Date of (?:visit|exam))\s*:\s*\S|^\s*LOCAL TITLE:\s*\S|^\s*\d{1,2}\/\d{1,2}\/\d{2,4}[ \t]{2,}[A-Z][A-Z/&-]{3,}(?: [A-Z][A-Z/&-]+)*\b/;
const EXHIBIT_LINE = /^\s*EXHIBIT\s+(?:No\.?\s*)?\d{1,3}[A-Z]?\s*$/i;
/** A provider's letterhead: a clinic, practice or hospital name, or a clinician with a degree. */
const CLINIC_LETTERHEAD = /\b(?:CLINIC|MEDICAL|MEDICINE|HEALTH|HOSPITAL|CHIROPRACTIC|ORTHOPA?EDIC\w*|REHAB\w*|PHYSICAL THERAPY|PAIN|SPINE|NEUROLOGY|IMAGING|RADIOLOGY|PHYSICIANS|SURGERY|SURGICAL|WELLNESS)\b|,\s*(?:MD|DO|DC|DPT|PA-C|NP|M\.D\.|D\.O\.)(?![A-Za-z])/;

/**
 * Where a clinic's page begins, when the dated visit line at `at` opens one: a page break, then the clinic's letterhead
 * and at most three lines (its address, a title) above the visit line.
 */
function clinicPageHead(text: string, at: number): number | undefined {
  const pageStart = text.lastIndexOf('\f', at);
  if (pageStart < 0) return undefined;
  const above = text.slice(pageStart + 1, at).split('\n').filter((l) => l.trim());
  const line = text.slice(at, text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at));
  if (!above.length || above.length > 4 || !(CLINIC_LETTERHEAD.test(above[0]) || VISIT_HEADING.test(line))) return undefined;
  return pageStart + 1;
}

/** A visit note's own heading on its dated line: "CONSULTATION   Date of visit: 01/16/2024". */
const VISIT_HEADING = /^\s*(?:NEW PATIENT |FOLLOW[- ]?UP |ORTHOPA?EDIC )?(?:CONSULTATION|OFFICE VISIT|PROGRESS NOTE|FOLLOW[- ]?UP(?: VISIT)?|EVALUATION|EXAMINATION)\b/;

/** The role of the part holding `offset`. */
export function roleAt(parts: DocumentPart[], offset: number): DocumentRole['role'] {
  for (let i = parts.length - 1; i >= 0; i--) if (parts[i].start <= offset) return parts[i].role;
  return parts[0].role;
}

function titleEvidence(doc: SourceDocument, zone: { start: number; end: number }): Evidence[] {
  const line = /[^\n]*\S[^\n]*/.exec(doc.text.slice(zone.start, zone.end));
  if (!line) return [];
  const [s, e] = trimSpan(doc.text, zone.start + line.index, zone.start + line.index + line[0].length);
  return [evidenceAt(doc, s, e)];
}
