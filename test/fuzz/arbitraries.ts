/**
 * fast-check arbitraries for the reader fuzz properties (test/fuzz/properties.ts): record-like text, CSV ledgers,
 * RTF, FHIR/JSON, and the raw material of DOCX/XLSX/PDF files. Each arbitrary yields a small spec (what to write),
 * and `encode*`/`build*` turn a spec into the bytes of a file, so a shrunk counterexample stays readable.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { expandPattern } from '../../src/context/lexicon.js';
import type { SectionKind } from '../../src/model/index.js';
import { COPY_FORWARD, ORTHO_VISIT, PAIN_VISIT, PT_VISIT } from '../fixtures/records.js';

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------------------------

/** Lines of realistic notes: they drive the extractors, so facts (and their citations) actually get made. */
export const CLINICAL_LINES: string[] = [PAIN_VISIT, PT_VISIT, ORTHO_VISIT, COPY_FORWARD].flatMap((n) => n.split('\n')).filter((l) => l.trim());

export const CONCEPTS = [
  'low back pain', 'lumbar radiculopathy', 'neck pain', 'numbness', 'tingling', 'muscle spasm', 'weakness', 'headache',
  'L4-5 disc protrusion', 'HNP', 'SLR positive', 'decreased sensation L5 dermatome', 'gabapentin 300 mg TID', 'ibuprofen 800 mg',
  'cyclobenzaprine', 'physical therapy', 'PT 2x/wk x 4 wks', 'chiropractic', 'TENS', 'ESI', 'transforaminal ESI', 'medial branch block',
  'radiofrequency ablation', 'microdiscectomy', 'lumbar fusion', 'MRI', 'EMG', 'x-ray', 'ODI 32%', 'pain 7/10', 'NDI 40%',
  'maximum medical improvement', 'MMI', 'modified duty', 'off work', 'no lifting over 20 lbs', 'may return to full duty',
  'FCE', 'sedentary work', 'permanent and stationary', 'plateau', '60% relief', 'HEP', 'surgical candidate', 'fracture',
];

const CONTEXT_FILES = ['negation', 'possible', 'hypothetical', 'historical', 'experiencer', 'pseudo', 'terminators'] as const;

/** Every phrase the context lexicon knows (patterns expanded), by file. */
export const TRIGGERS: Record<(typeof CONTEXT_FILES)[number], string[]> = Object.fromEntries(CONTEXT_FILES.map((f) => {
  const json = JSON.parse(readFileSync(new URL(`../../lexicon/context/${f}.json`, import.meta.url), 'utf8')) as { entries: { phrase?: string; pattern?: string }[] };
  return [f, json.entries.flatMap((e) => (e.phrase !== undefined ? [e.phrase] : expandPattern(e.pattern ?? ''))).slice(0, 400)];
})) as Record<(typeof CONTEXT_FILES)[number], string[]>;
export const ALL_TRIGGERS = Object.values(TRIGGERS).flat();

export const SECTION_KINDS: SectionKind[] = [
  'chief_complaint', 'hpi', 'past_history', 'surgical_history', 'family_history', 'social_history', 'medications', 'allergies', 'ros',
  'exam', 'imaging', 'assessment', 'plan', 'impression', 'procedure', 'work_status', 'restrictions', 'subjective', 'objective', 'goals', 'other',
];

const HEADINGS = [
  'HPI:', 'HISTORY OF PRESENT ILLNESS:', 'PAST MEDICAL HISTORY:', 'FAMILY HISTORY:', 'SOCIAL HISTORY:', 'MEDICATIONS:', 'ALLERGIES:',
  'REVIEW OF SYSTEMS:', 'EXAM:', 'PHYSICAL EXAMINATION:', 'IMAGING:', 'ASSESSMENT:', 'IMPRESSION:', 'PLAN:', 'WORK STATUS:',
  'RESTRICTIONS:', 'S:', 'O:', 'A:', 'P:', 'GOALS:', 'PROCEDURE NOTE', 'INDEPENDENT MEDICAL EXAMINATION', 'PHYSICAL THERAPY PROGRESS NOTE',
  'OPERATIVE REPORT', 'UTILIZATION REVIEW DETERMINATION', 'RE: Claimant', 'Dear Adjuster,', 'EXHIBIT LIST',
];

/** Control characters and odd code points (NUL kept rare: it makes the file binary). */
const ODD_CHARS = ['\f', '\v', '\r', '\t', '\x01', '\x07', '\x08', '\x1b', '\x7f', '\u0085', '\u00a0', '\u200b', '\u200e', '\u2028', '\u2029', '\ufeff', '\ufffd', '\ud800', '\udfff', '\u0301', '\u{1F600}', '\u05d0', '\u0627', '\u4e2d'];

export const CPT_CODES = [
  '97161', '97164', '97110', '97140', '97530', '97112', '97014', 'G0283', '97124', '97810', '98940', '98941', '98943', '62321', '62323',
  '64483', '64484', '64490', '64493', '64635', '27096', '20552', '20610', '63650', '63030', '22551', '72148', '73221', '95886', '99213',
  '99214', 'J1030', 'A4556', '00000', '99999', '97110-GP', '98941 AT', '97140:59', '97530-KX-GP', 'CPT', '',
];

// ---------------------------------------------------------------------------------------------------------------
// Small building blocks
// ---------------------------------------------------------------------------------------------------------------

const pad2 = (n: number) => String(n).padStart(2, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'January', 'Sept.'];

/** Dates as records and ledgers write them, valid and not. */
export const dateText: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 1899, max: 2031 })).map(([m, d, y]) => `${pad2(m)}/${pad2(d)}/${y}`),
  fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 0, max: 99 })).map(([m, d, y]) => `${m}/${d}/${pad2(y)}`),
  fc.tuple(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 })).map(([y, m, d]) => `${y}-${pad2(m)}-${pad2(d)}`),
  fc.tuple(fc.constantFrom(...MONTHS), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 2015, max: 2026 })).map(([m, d, y]) => `${m} ${d}, ${y}`),
  fc.tuple(fc.integer({ min: 1, max: 31 }), fc.constantFrom(...MONTHS), fc.integer({ min: 10, max: 2026 })).map(([d, m, y]) => `${d}-${m}-${y}`),
  fc.integer({ min: 20000, max: 80000 }).map(String),
  fc.constantFrom('00/00/0000', '02/30/2023', '13/45/2023', '2023-02-29', '9999-99-99', 'yesterday', '3 weeks ago', 'last visit', 'N/A', ''),
);

/** Strings of arbitrary code points (grapheme clusters, and raw code units incl. lone surrogates). */
export const unicodeText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 40 }),
);

const oddChar = fc.constantFrom(...ODD_CHARS);

/** A sentence mixing context triggers with concepts ("No history of lumbar radiculopathy if symptoms persist"). */
export const triggerSentence: fc.Arbitrary<string> = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...ALL_TRIGGERS) },
    { weight: 3, arbitrary: fc.constantFrom(...CONCEPTS) },
    { weight: 1, arbitrary: fc.constantFrom(',', '.', ';', ':', '-', '(', ')', '/', '?', '!', 'and', 'the', 'patient', 'she', 'he') },
    { weight: 1, arbitrary: dateText },
  ),
  { minLength: 1, maxLength: 16 },
).map((ws) => ws.join(' '));

// ---------------------------------------------------------------------------------------------------------------
// Plain text records
// ---------------------------------------------------------------------------------------------------------------

export type TextEncoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be' | 'latin1';

export interface TextSpec {
  name: string;
  encoding: TextEncoding;
  text: string;
}

const textLine: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...CLINICAL_LINES) },
  { weight: 3, arbitrary: fc.constantFrom(...HEADINGS) },
  { weight: 3, arbitrary: triggerSentence },
  { weight: 2, arbitrary: dateText.map((d) => `Date of Service: ${d}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('DOS', 'Date of visit', 'Visit Date', 'Seen on', 'DATE'), dateText).map(([h, d]) => `${h}: ${d}`) },
  { weight: 1, arbitrary: fc.constantFrom('Provider: Alan Ortiz, MD', 'Dana Whitfield, PT, DPT', 'Electronically signed by: Kathryn Moss, MD', 'Patient: John Q. Doe  DOB: 01/02/1970', 'Patient: Maria Lopez DOB 1980-05-06', 'cc: Claims adjuster') },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 })).map(([n, m]) => `Page ${n} of ${m}`) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 999 })).map(([n, m]) => `P.${String(n).padStart(3, '0')}/${String(m).padStart(3, '0')}`) },
  { weight: 2, arbitrary: unicodeText },
  { weight: 2, arbitrary: fc.array(fc.oneof(oddChar, fc.constantFrom(...CONCEPTS)), { maxLength: 8 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.constant('') },
);

const lineBreak = fc.constantFrom('\n', '\n', '\n', '\n\n', '\r\n', '\r', '\f', '\n\f', '\f\n', ' ', '\u2028');

/** Lines joined by assorted breaks (form feeds included). */
const looseText: fc.Arbitrary<string> = fc.array(fc.tuple(textLine, lineBreak), { maxLength: 60 }).map((ps) => ps.map(([l, b]) => l + b).join(''));

/** Pages closed (or opened) by an in-sequence "Page n of m" marker, as fax and EHR exports print them. */
const pagedText: fc.Arbitrary<string> = fc.record({
  pages: fc.array(fc.array(textLine, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 6 }),
  style: fc.constantFrom('footer', 'header', 'fax'),
  word: fc.constantFrom('Page', 'page', 'PAGE', 'Pg.', 'pg'),
}).map(({ pages, style, word }) => pages.map((lines, i) => {
  const mark = style === 'fax' ? `P.${String(i + 1).padStart(3, '0')}/${String(pages.length).padStart(3, '0')}` : `${word} ${i + 1} of ${pages.length}`;
  return style === 'header' ? `${mark}\n${lines.join('\n')}\n` : `${lines.join('\n')}\n${mark}\n`;
}).join(''));

/**
 * One huge line (no newline) of up to ~200 KB: a fragment repeated (whitespace runs and repeated MMI statements
 * included: FUZZ-4 and FUZZ-5 made those quadratic before they were fixed).
 */
const hugeLine: fc.Arbitrary<string> = fc.record({
  head: looseText,
  piece: fc.oneof(fc.constantFrom(...CLINICAL_LINES, ...CONCEPTS.map((c) => `${c} `), 'no ', 'a', '. ', '1/1/2020 ', 'Page 1 of 1 ', ', ', '\t', ' ', ' \t'), triggerSentence.map((s) => `${s} `)),
  bytes: fc.integer({ min: 10_000, max: 200_000 }),
  tail: fc.constantFrom('', 'pain', '\nEXAM: SLR positive.'),
}).map(({ head, piece, bytes, tail }) => head + piece.repeat(Math.ceil(bytes / Math.max(1, piece.length))).slice(0, bytes) + tail);

export const textSpec: fc.Arbitrary<TextSpec> = fc.record({
  name: fc.constantFrom('note.txt', 'note.txt', 'Ex 5F - office notes.txt', '12A.txt', 'records', 'NOTES.TXT', 'visit.md', 'exh. 003B (pt).txt'),
  encoding: fc.constantFrom<TextEncoding>('utf8', 'utf8', 'utf8', 'utf8-bom', 'utf16le', 'utf16be', 'latin1'),
  text: fc.oneof({ weight: 6, arbitrary: looseText }, { weight: 3, arbitrary: pagedText }, { weight: 1, arbitrary: hugeLine }),
});

export function encodeText(text: string, encoding: TextEncoding): Buffer {
  switch (encoding) {
    case 'utf8': return Buffer.from(text, 'utf8');
    case 'utf8-bom': return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le': return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be': return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    case 'latin1': return Buffer.from(text, 'latin1');
  }
}

// ---------------------------------------------------------------------------------------------------------------
// CSV ledgers
// ---------------------------------------------------------------------------------------------------------------

const HEADER_NAMES = [
  'Date of Service', 'DOS', 'Service Date', 'date', 'From DOS', 'Visit Date', 'Svc Dt', 'Service To', 'CPT', 'Proc Code', 'HCPCS', 'Code',
  'Mod', 'Modifier', 'Dx', 'ICD-10', 'Diagnosis', 'Provider', 'Rendering Provider', 'Facility', 'Description', 'Service', 'Procedure',
  'Units', 'Qty', 'Charge', 'Billed', 'Amount', 'Paid', 'Ins Paid', 'Payment', 'Adj', 'Write-off', 'Balance', 'Pt Balance', 'Type',
  'Category', 'Fill Date', 'Rx #', 'Days Supply', '', '#', 'Notes',
];

const cellValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: dateText },
  { weight: 3, arbitrary: fc.constantFrom(...CPT_CODES) },
  { weight: 2, arbitrary: fc.constantFrom('$1,234.50', '(45.00)', '-45', '0', '12.5', '150', '$', '1e309', '--', ' 7 ') },
  { weight: 2, arbitrary: fc.constantFrom('Therapeutic exercise', 'Chiropractic manipulation 3-4 regions', 'Lumbar ESI', 'MRI lumbar spine', 'Office visit', 'Back In Motion PT', 'Spine Interventional', 'PA APPROVED - NOT UTILIZED', 'TTD', 'Indemnity', 'mileage', 'Total', 'Subtotal', 'Balance forward', 'M54.5, M51.16', 'RT', 'LT', '50', 'AT') },
  { weight: 1, arbitrary: unicodeText },
  { weight: 1, arbitrary: fc.constantFrom('"', '""', 'a"b', '"unterminated', 'x,y', 'line\nbreak', 'tab\there', 'semi;colon', 'pipe|d', '\f', '\r') },
);

const DATE_HEADERS = ['Date of Service', 'DOS', 'Service Date', 'date', 'From DOS', 'Visit Date', 'Svc Dt', 'DATE(S) OF SERVICE'];
const money = fc.constantFrom('$1,234.50', '(45.00)', '-45', '0', '12.5', '150', '$', '1e309', '--', ' 7 ', '$ 2,100.00', '');

/** A cell that fits its column most of the time (a date under "DOS", a code under "CPT"), else anything. */
function cellFor(header: string): fc.Arbitrary<string> {
  const h = header.toLowerCase();
  const typed = /date|dos|dt/.test(h) ? dateText
    : /cpt|code|hcpcs|proc/.test(h) ? fc.constantFrom(...CPT_CODES)
      : /charge|billed|amount|paid|payment|adj|write|balance/.test(h) ? money
        : /unit|qty/.test(h) ? fc.constantFrom('1', '2', '0', '-1', 'x', '')
          : /mod/.test(h) ? fc.constantFrom('GP', '59', 'AT', 'RT', 'LT', '50', 'KX GP', '')
            : cellValue;
  return fc.oneof({ weight: 5, arbitrary: typed }, { weight: 1, arbitrary: cellValue });
}

const csvHeader: fc.Arbitrary<string[]> = fc.tuple(
  fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...DATE_HEADERS) }, { weight: 1, arbitrary: fc.constant(undefined) }),
  fc.array(fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...HEADER_NAMES) }, { weight: 1, arbitrary: unicodeText }), { maxLength: 9 }),
  fc.nat(),
).map(([date, rest, at]) => (date === undefined ? rest : [...rest.slice(0, at % (rest.length + 1)), date, ...rest.slice(at % (rest.length + 1))]));

/** Rows under a header: one typed cell per column, sometimes a cell short or a few too many. */
const csvSheet = fc.tuple(
  fc.array(fc.constantFrom('Itemized statement', 'Patient: Jane Doe', 'Account 12345', '', 'Printed 01/02/2024'), { maxLength: 2 }),
  csvHeader,
).chain(([titles, header]) => fc.array(fc.record({
  cells: fc.tuple(...header.map(cellFor)),
  cut: fc.integer({ min: -2, max: 2 }),
  extra: fc.array(cellValue, { minLength: 1, maxLength: 2 }),
}).map(({ cells, cut, extra }) => (cut < 0 ? cells.slice(0, cut) : cut > 1 ? [...cells, ...extra] : cells)), { maxLength: 25 })
  .map((rows) => ({ titles, header, rows })));

export interface CsvSpec {
  name: string;
  bom: boolean;
  delim: string;
  eol: string;
  /** Each sheet: title lines, header row, body rows (joined by form feeds when several). */
  sheets: { titles: string[]; header: string[]; rows: string[][] }[];
  quoteAll: boolean;
  /** Leave quoting to chance: cells are written raw, delimiters and quotes included. */
  raw: boolean;
}

export const csvSpec: fc.Arbitrary<CsvSpec> = fc.record({
  name: fc.constantFrom('billing.csv', 'billing.csv', 'ledger.csv', 'payments.tsv', 'Ex 7F billing.csv', 'BILLS.CSV'),
  bom: fc.boolean(),
  delim: fc.constantFrom(',', ',', '\t', ';', '|'),
  eol: fc.constantFrom('\n', '\r\n', '\r'),
  sheets: fc.array(csvSheet, { minLength: 1, maxLength: 3 }),
  quoteAll: fc.boolean(),
  raw: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});

export function encodeCsv(spec: CsvSpec): Buffer {
  const cell = (v: string) => {
    if (spec.raw) return v;
    if (spec.quoteAll || v.includes(spec.delim) || /["\r\n]/.test(v)) return `"${v.replace(/"/g, '""')}"`;
    return v;
  };
  const sheets = spec.sheets.map((s) => [...s.titles, s.header.map(cell).join(spec.delim), ...s.rows.map((r) => r.map(cell).join(spec.delim))].join(spec.eol));
  const text = sheets.join(`${spec.eol}\f`);
  return Buffer.concat([Buffer.from(spec.bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text, 'utf8')]);
}

// ---------------------------------------------------------------------------------------------------------------
// RTF
// ---------------------------------------------------------------------------------------------------------------

const rtfToken: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...CLINICAL_LINES).map((l) => `${l.replace(/[\\{}]/g, (c) => `\\${c}`)}\\par `) },
  { weight: 4, arbitrary: fc.constantFrom('\\par ', '\\par', '\\line ', '\\page ', '\\tab ', '\\b ', '\\b0 ', '\\i ', '\\f0 ', '\\fs24 ', '\\pard ', '\\plain ', '\\cell ', '\\row ', '\\sect ', '\\uc1 ', '\\uc0 ', '\\uc2 ', '\\uc-1 ', '\\sect\\page ') },
  { weight: 2, arbitrary: fc.integer({ min: -70_000, max: 70_000 }).chain((n) => fc.constantFrom(`\\u${n}?`, `\\u${n} `, `\\u${n}\\'3f`, `\\u${n}`)) },
  { weight: 1, arbitrary: fc.constantFrom('\\u99999999999 ', '\\u-9999999999?', '\\u', '\\uc99999 x', '\\uc-5 ') },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 255 }).map((b) => `\\'${b.toString(16).padStart(2, '0')}`) },
  { weight: 1, arbitrary: fc.constantFrom("\\'", "\\'z", "\\'g1", "\\'0", '\\', '\\\\', '\\{', '\\}', '\\~', '\\-', '\\_', '\\*', '\\\n', '\\\r\n', '\\ ') },
  { weight: 2, arbitrary: fc.constantFrom('{\\fonttbl{\\f0\\fswiss Arial;}}', '{\\colortbl;\\red0\\green0\\blue0;}', '{\\*\\generator Msftedit 5.41;}', '{\\pict\\pngblip 89504e47}', '{\\header Page \\chpgn  of 3\\par}', '{\\info{\\title Note}{\\author Dr X}}', '{\\field{\\*\\fldinst HYPERLINK "x"}{\\fldrslt link}}', '{\\*\\unknowndest secret text}', '{\\stylesheet{\\s0 Normal;}}') },
  { weight: 2, arbitrary: fc.tuple(fc.stringMatching(/^[a-z]{1,40}$/), fc.option(fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }))).map(([w, n]) => `\\${w}${n ?? ''} `) },
  { weight: 2, arbitrary: fc.constantFrom('{', '}', '{', '}', '{{{', '}}}') },
  { weight: 2, arbitrary: fc.oneof(triggerSentence, unicodeText, oddChar) },
);

export interface RtfSpec { name: string; prefix: string; tokens: string[]; close: boolean }

export const rtfSpec: fc.Arbitrary<RtfSpec> = fc.record({
  name: fc.oneof({ weight: 12, arbitrary: fc.constantFrom('letter.rtf', 'Ex 2F.rtf', 'note.doc') }, { weight: 1, arbitrary: fc.constant('note.txt') }),
  prefix: fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom('{\\rtf1\\ansi\\deff0 ', '{\\rtf1\\ansi\\ansicpg1252\\uc1 ', '{\\rtf1 ', '{\\rtf1\\ansi{\\fonttbl{\\f0 Times;}}') },
    { weight: 1, arbitrary: fc.constantFrom('\ufeff{\\rtf1 ', '  \n{\\rtf', 'rtf1 ') },
  ),
  tokens: fc.array(rtfToken, { maxLength: 80 }),
  close: fc.boolean(),
});

export function encodeRtf(spec: RtfSpec): Buffer {
  return Buffer.from(`${spec.prefix}${spec.tokens.join('')}${spec.close ? '}' : ''}`, 'utf8');
}

// ---------------------------------------------------------------------------------------------------------------
// FHIR / JSON
// ---------------------------------------------------------------------------------------------------------------

const RESOURCE_TYPES = [
  'Encounter', 'Condition', 'Procedure', 'MedicationRequest', 'MedicationStatement', 'Medication', 'Observation', 'ServiceRequest',
  'DiagnosticReport', 'DocumentReference', 'Binary', 'CarePlan', 'Practitioner', 'PractitionerRole', 'Organization', 'Claim',
  'ExplanationOfBenefit', 'Patient', 'Bundle', 'Composition', 'Foo', '',
];
const SYSTEMS = ['http://www.ama-assn.org/go/cpt', 'http://hl7.org/fhir/sid/icd-10-cm', 'http://snomed.info/sct', 'http://loinc.org', 'urn:oid:2.16.840.1.113883.6.12', 'http://nucc.org/provider-taxonomy', 'x'];
const CODES = [...CPT_CODES, '91251008', '229065009', '185349003', '72514-3', '38208-5', '225100000X', '111N00000X', 'M54.5', 'M51.16', 'AMB', 'EMER', 'DPT', 'MD', 'DC'];
const STATUSES = ['completed', 'in-progress', 'not-done', 'preparation', 'stopped', 'on-hold', 'active', 'revoked', 'draft', 'entered-in-error', 'cancelled', 'resolved', 'inactive', 'refuted', 'provisional', 'unknown', 'final', 'current'];
const REFS = ['Encounter/e1', 'Encounter/e2', 'Practitioner/p1', 'PractitionerRole/r1', 'Organization/o1', 'Condition/c1', 'Medication/m1', 'Claim/cl1', 'urn:uuid:1', 'Patient/pt', 'nope'];

const isoDateTime: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${pad2(m)}-${pad2(d)}`),
  fc.tuple(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${pad2(m)}-${pad2(d)}T10:00:00-05:00`),
  dateText,
);

const text200 = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...CONCEPTS, ...CLINICAL_LINES) }, { weight: 1, arbitrary: unicodeText }, { weight: 1, arbitrary: fc.constantFrom('', '   ', ' padded ') });
const codeable = fc.record({
  text: text200,
  coding: fc.array(fc.record({ system: fc.constantFrom(...SYSTEMS), code: fc.constantFrom(...CODES), display: text200 }, { requiredKeys: [] }), { maxLength: 3 }),
}, { requiredKeys: [] });
const reference = fc.record({ reference: fc.constantFrom(...REFS), display: text200 }, { requiredKeys: [] });

/** Base64 of a clinical note (valid), of arbitrary base64 text, or not base64 at all. */
const attachmentData = fc.oneof(
  { weight: 3, arbitrary: fc.array(textLine, { minLength: 1, maxLength: 20 }).map((ls) => Buffer.from(ls.join('\n'), 'utf8').toString('base64')) },
  { weight: 1, arbitrary: fc.array(textLine, { minLength: 1, maxLength: 8 }).map((ls) => Buffer.from(`<html><body><p>${ls.join('<br/>')}</p><div>&amp;&lt;&gt;&nbsp;</div></body></html>`, 'utf8').toString('base64')) },
  { weight: 1, arbitrary: fc.base64String({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.oneof(unicodeText, fc.constantFrom('', '====', 'not base64!', 'AA')) },
);
const attachment = fc.record({
  contentType: fc.constantFrom('text/plain', 'text/html', 'text/plain; charset=utf-8', 'TEXT/HTML', 'application/pdf', 'text/rtf', ''),
  data: attachmentData,
  title: text200,
}, { requiredKeys: [] });

const jsonExtra: fc.Arbitrary<Record<string, fc.JsonValue>> = fc.dictionary(
  fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', 'resourceType', 'id', 'code', 'text', 'entry')),
  fc.jsonValue({ maxDepth: 3 }),
  { maxKeys: 3 },
);

/** A FHIR-ish resource: known fields filled at random (any may be missing), plus unknown keys. */
const resource: fc.Arbitrary<Record<string, unknown>> = fc.record({
  resourceType: fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...RESOURCE_TYPES) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) }),
  id: fc.oneof(fc.constantFrom('e1', 'e2', 'p1', 'r1', 'o1', 'c1', 'm1', 'cl1', 'pt'), fc.string({ maxLength: 6 })),
  status: fc.constantFrom(...STATUSES),
  intent: fc.constantFrom('order', 'plan', 'proposal'),
  code: codeable,
  type: fc.oneof(fc.array(codeable, { maxLength: 2 }), codeable as fc.Arbitrary<unknown>),
  serviceType: codeable,
  class: fc.record({ code: fc.constantFrom('AMB', 'EMER', 'IMP', 'x') }),
  category: fc.array(codeable, { maxLength: 2 }),
  clinicalStatus: fc.oneof(codeable, fc.constantFrom('active', 'resolved') as fc.Arbitrary<unknown>),
  verificationStatus: codeable,
  period: fc.record({ start: isoDateTime, end: isoDateTime }, { requiredKeys: [] }),
  performedDateTime: isoDateTime, onsetDateTime: isoDateTime, authoredOn: isoDateTime, effectiveDateTime: isoDateTime,
  recordedDate: isoDateTime, issued: isoDateTime, date: isoDateTime, created: isoDateTime, abatementDateTime: isoDateTime,
  participant: fc.array(fc.record({ individual: reference }), { maxLength: 2 }),
  serviceProvider: reference, encounter: reference, practitioner: reference, provider: reference, medicationReference: reference,
  claim: reference, reasonReference: fc.array(reference, { maxLength: 2 }), reasonCode: fc.array(codeable, { maxLength: 2 }),
  medicationCodeableConcept: codeable, statusReason: codeable, bodySite: fc.array(codeable, { maxLength: 1 }),
  name: fc.oneof(text200 as fc.Arbitrary<unknown>, fc.array(fc.record({ family: text200, given: fc.array(text200, { maxLength: 2 }), prefix: fc.array(fc.constantFrom('Dr.', ''), { maxLength: 1 }), text: text200 }, { requiredKeys: [] }), { maxLength: 2 })),
  qualification: fc.array(fc.record({ code: codeable }), { maxLength: 2 }),
  specialty: fc.array(codeable, { maxLength: 2 }),
  valueQuantity: fc.record({ value: fc.oneof(fc.integer({ min: -10, max: 200 }), fc.double({ noNaN: true, noDefaultInfinity: true })), unit: fc.constantFrom('%', 'score', '{score}', '') }, { requiredKeys: [] }),
  valueInteger: fc.integer(),
  conclusion: text200,
  dosageInstruction: fc.array(fc.record({ text: text200 }, { requiredKeys: [] }), { maxLength: 1 }),
  content: fc.array(fc.record({ attachment }, { requiredKeys: [] }), { maxLength: 2 }),
  presentedForm: fc.array(attachment, { maxLength: 2 }),
  contentType: fc.constantFrom('text/plain', 'text/html', 'application/octet-stream'),
  data: attachmentData,
  activity: fc.array(fc.record({ detail: fc.record({ code: codeable, status: fc.constantFrom(...STATUSES) }, { requiredKeys: [] }) }), { maxLength: 2 }),
  item: fc.array(fc.record({
    productOrService: codeable, servicedDate: isoDateTime, net: fc.record({ value: fc.double({ noNaN: true, noDefaultInfinity: true }) }),
    quantity: fc.record({ value: fc.integer({ min: -2, max: 20 }) }), encounter: fc.array(reference, { maxLength: 1 }),
    adjudication: fc.array(fc.record({ category: codeable, amount: fc.record({ value: fc.integer({ min: -100, max: 5000 }) }) }), { maxLength: 2 }),
  }, { requiredKeys: [] }), { maxLength: 3 }),
  payment: fc.record({ amount: fc.record({ value: fc.integer({ min: 0, max: 5000 }) }) }),
  billablePeriod: fc.record({ start: isoDateTime }),
  deep: fc.constant('__DEEP__'),
}, { requiredKeys: ['resourceType'] }).chain((r) => jsonExtra.map((extra) => ({ ...extra, ...r })));

const ymd = fc.tuple(fc.integer({ min: 2015, max: 2026 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${pad2(m)}-${pad2(d)}`);
const noteText = fc.array(textLine, { minLength: 1, maxLength: 20 }).map((ls) => ls.join('\n'));

/** Resources shaped the way the readers expect (so facts, encounters and attachments actually come out of them). */
const typedResource: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.record({ resourceType: fc.constant('Encounter'), id: fc.constantFrom('e1', 'e2'), period: fc.record({ start: ymd }), type: fc.array(codeable, { minLength: 1, maxLength: 1 }), class: fc.record({ code: fc.constantFrom('AMB', 'EMER') }), participant: fc.array(fc.record({ individual: fc.record({ reference: fc.constantFrom('Practitioner/p1', 'PractitionerRole/r1') }) }), { maxLength: 1 }), serviceProvider: fc.record({ reference: fc.constant('Organization/o1') }) }),
  fc.record({ resourceType: fc.constant('Practitioner'), id: fc.constant('p1'), name: fc.array(fc.record({ family: text200, given: fc.array(text200, { maxLength: 1 }) }), { minLength: 1, maxLength: 1 }), qualification: fc.array(fc.record({ code: codeable }), { maxLength: 1 }) }),
  fc.record({ resourceType: fc.constant('Condition'), id: fc.constant('c1'), code: codeable, onsetDateTime: ymd, clinicalStatus: fc.record({ coding: fc.array(fc.record({ code: fc.constantFrom('active', 'resolved') }), { minLength: 1, maxLength: 1 }) }), encounter: fc.record({ reference: fc.constantFrom('Encounter/e1', 'Encounter/e2') }) }),
  fc.record({ resourceType: fc.constant('Procedure'), code: fc.record({ text: text200, coding: fc.array(fc.record({ system: fc.constant('http://www.ama-assn.org/go/cpt'), code: fc.constantFrom(...CPT_CODES) }), { minLength: 1, maxLength: 2 }) }), status: fc.constantFrom('completed', 'not-done', 'stopped', 'in-progress'), performedDateTime: ymd, reasonReference: fc.array(fc.record({ reference: fc.constant('Condition/c1') }), { maxLength: 1 }) }),
  fc.record({ resourceType: fc.constantFrom('MedicationRequest', 'MedicationStatement'), medicationCodeableConcept: fc.record({ text: fc.constantFrom('gabapentin 300 mg', 'ibuprofen 800 mg', 'cyclobenzaprine 10 mg', 'oxycodone') }), status: fc.constantFrom('active', 'stopped', 'completed'), authoredOn: ymd }),
  fc.record({ resourceType: fc.constant('Observation'), code: fc.record({ text: fc.constantFrom('Oswestry Disability Index', 'Pain severity 0-10', 'NDI', 'Grip strength'), coding: fc.array(fc.record({ system: fc.constant('http://loinc.org'), code: fc.constantFrom('72514-3', '38208-5') }), { maxLength: 1 }) }), valueQuantity: fc.record({ value: fc.integer({ min: -5, max: 120 }), unit: fc.constantFrom('%', '{score}') }), effectiveDateTime: ymd, status: fc.constant('final') }),
  fc.record({ resourceType: fc.constant('DocumentReference'), date: ymd, content: fc.array(fc.record({ attachment: fc.record({ contentType: fc.constantFrom('text/plain', 'text/html'), data: noteText.map((t) => Buffer.from(t, 'utf8').toString('base64')) }) }), { minLength: 1, maxLength: 2 }) }, { requiredKeys: ['resourceType', 'content'] }),
  fc.record({ resourceType: fc.constant('DiagnosticReport'), code: fc.record({ text: fc.constantFrom('MRI lumbar spine', 'EMG/NCS', 'X-ray') }), conclusion: text200, effectiveDateTime: ymd }),
  fc.record({ resourceType: fc.constant('ExplanationOfBenefit'), billablePeriod: fc.record({ start: ymd }), item: fc.array(fc.record({ productOrService: fc.record({ coding: fc.array(fc.record({ system: fc.constant('http://www.ama-assn.org/go/cpt'), code: fc.constantFrom(...CPT_CODES) }), { minLength: 1, maxLength: 1 }) }), servicedDate: ymd, net: fc.record({ value: fc.integer({ min: 0, max: 3000 }) }) }), { minLength: 1, maxLength: 3 }) }),
  fc.record({ resourceType: fc.constant('CarePlan'), status: fc.constantFrom('active', 'completed', 'revoked', 'draft'), intent: fc.constantFrom('plan', 'order'), period: fc.record({ start: ymd, end: ymd }, { requiredKeys: [] }), category: fc.array(codeable, { minLength: 1, maxLength: 2 }), activity: fc.array(fc.record({ detail: fc.record({ code: codeable, status: fc.constantFrom('completed', 'in-progress', 'scheduled') }) }), { maxLength: 2 }) }),
) as fc.Arbitrary<Record<string, unknown>>;

export interface JsonSpec {
  name: string;
  root: unknown;
  indent: 0 | 1 | 2 | '\t';
  /** Nesting spliced in where a "__DEEP__" placeholder sits: arrays or objects this deep. */
  deep: { depth: number; kind: 'array' | 'object' | 'mixed' };
  /** A long string of JSON escapes spliced in as well (parser hot path). */
  escapes: number;
  /** Text-level damage after serialising: none, cut the text, or insert a character. */
  damage: { kind: 'none' | 'truncate' | 'insert' | 'bom'; at: number; char: string };
}

export const jsonSpec: fc.Arbitrary<JsonSpec> = fc.record({
  name: fc.constantFrom('records.json', 'records.json', 'bundle.fhir', 'Ex 9F fhir.json', 'export.txt'),
  root: fc.oneof(
    { weight: 8, arbitrary: fc.record({
      resourceType: fc.constant('Bundle'),
      type: fc.constantFrom('collection', 'transaction', 'searchset', 'document', 'weird', ''),
      entry: fc.array(fc.oneof(
        { weight: 6, arbitrary: fc.record({ fullUrl: fc.constantFrom(...REFS), resource: typedResource }, { requiredKeys: ['resource'] }) },
        { weight: 4, arbitrary: fc.record({ fullUrl: fc.constantFrom(...REFS), resource }, { requiredKeys: ['resource'] }) },
        { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
      ), { maxLength: 14 }),
      meta: fc.constant('__DEEP__'),
    }, { requiredKeys: ['resourceType'] }) as fc.Arbitrary<unknown> },
    { weight: 2, arbitrary: resource as fc.Arbitrary<unknown> },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<unknown> },
    { weight: 1, arbitrary: fc.array(resource, { maxLength: 3 }) as fc.Arbitrary<unknown> },
  ),
  indent: fc.constantFrom<JsonSpec['indent']>(0, 0, 1, 2, '\t'),
  deep: fc.record({
    depth: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 20 }) }, { weight: 1, arbitrary: fc.constantFrom(150, 197, 198, 199, 200, 201, 1000, 10_000) }),
    kind: fc.constantFrom('array', 'object', 'mixed'),
  }),
  escapes: fc.oneof({ weight: 7, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 20_000 }) }),
  damage: fc.record({ kind: fc.oneof({ weight: 12, arbitrary: fc.constant('none' as const) }, { weight: 1, arbitrary: fc.constantFrom('truncate' as const, 'insert' as const, 'bom' as const) }), at: fc.nat(), char: fc.oneof(oddChar, fc.constantFrom('"', '\\', '{', '}', '[', ']', ',', ':', '\\u', '\\u12', '\\x')) }),
});

function deepNest(depth: number, kind: JsonSpec['deep']['kind']): string {
  let open = ''; let close = '';
  for (let i = 0; i < depth; i++) {
    const arr = kind === 'array' || (kind === 'mixed' && i % 2 === 0);
    open += arr ? '[' : '{"a":';
    close = (arr ? ']' : '}') + close;
  }
  return `${open}1${close}`;
}

export function encodeJson(spec: JsonSpec): Buffer {
  let text = JSON.stringify(spec.root, null, spec.indent === 0 ? undefined : spec.indent) ?? 'null';
  // The first placeholder becomes the deep value, the next one the escape run; the rest stay strings.
  text = text.replace('"__DEEP__"', deepNest(spec.deep.depth, spec.deep.kind));
  if (spec.escapes) text = text.replace('"__DEEP__"', `"${'\\n\\"\\u00e9'.repeat(Math.ceil(spec.escapes / 3))}"`);
  const at = text.length ? spec.damage.at % text.length : 0;
  if (spec.damage.kind === 'truncate') text = text.slice(0, at);
  else if (spec.damage.kind === 'insert') text = text.slice(0, at) + spec.damage.char + text.slice(at);
  else if (spec.damage.kind === 'bom') text = `\ufeff${text}`;
  return Buffer.from(text, 'utf8');
}

// ---------------------------------------------------------------------------------------------------------------
// Binary formats: content specs (built by properties.ts) and byte-level damage
// ---------------------------------------------------------------------------------------------------------------

/** Paragraph-level content of a Word document. */
export interface DocxPara { text: string; heading: boolean; pageBreakBefore: boolean; bold: boolean; breakAfter: boolean }
export interface DocxSpec { paras: DocxPara[]; table: string[][]; footer: boolean }

export const docxSpec: fc.Arbitrary<DocxSpec> = fc.record({
  paras: fc.array(fc.record({
    text: fc.oneof({ weight: 6, arbitrary: textLine }, { weight: 1, arbitrary: hugeLine.map((s) => s.slice(0, 20_000)) }),
    heading: fc.boolean(), pageBreakBefore: fc.boolean(), bold: fc.boolean(), breakAfter: fc.boolean(),
  }), { maxLength: 40 }),
  table: fc.array(fc.array(fc.oneof(cellValue, textLine), { minLength: 1, maxLength: 4 }), { maxLength: 4 }),
  footer: fc.boolean(),
});

export type XlsxCell = string | number | boolean | null | { date: number } | { formula: string; result: number } | { rich: string[] } | { link: string };
export interface XlsxSpec { sheets: { name: string; header: string[]; rows: XlsxCell[][] }[] }

const xlsxCell: fc.Arbitrary<XlsxCell> = fc.oneof(
  { weight: 6, arbitrary: cellValue },
  { weight: 2, arbitrary: fc.oneof(fc.integer({ min: -1000, max: 100_000 }), fc.double({ noNaN: true, noDefaultInfinity: true })) },
  { weight: 2, arbitrary: fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2030, 0, 1) }).map((t) => ({ date: t })) },
  { weight: 1, arbitrary: fc.constantFrom<XlsxCell>(true, false, null, { formula: 'SUM(A1:A2)', result: 5 }, { link: 'https://example.org' }) },
  { weight: 1, arbitrary: fc.array(cellValue, { minLength: 1, maxLength: 3 }).map((rich) => ({ rich })) },
);

export const xlsxSpec: fc.Arbitrary<XlsxSpec> = fc.record({
  sheets: fc.array(fc.record({
    name: fc.oneof(fc.constantFrom('Charges', 'Payments', 'Sheet1', 'Ledger 2023'), fc.string({ maxLength: 40 })),
    header: fc.array(fc.constantFrom(...HEADER_NAMES), { maxLength: 10 }),
    rows: fc.array(fc.array(xlsxCell, { maxLength: 10 }), { maxLength: 25 }),
  }), { minLength: 1, maxLength: 3 }),
});

export interface PdfSpec { pages: string[]; footer: boolean; outline: string[]; fontSize: number }

export const pdfSpec: fc.Arbitrary<PdfSpec> = fc.record({
  pages: fc.array(fc.array(textLine, { minLength: 1, maxLength: 25 }).map((ls) => ls.join('\n')), { minLength: 1, maxLength: 4 }),
  footer: fc.boolean(),
  outline: fc.array(fc.constantFrom('Exhibit 5F: Office notes', '6F - Dr. Smith', 'Records', '1A', 'Ex. 12B'), { maxLength: 2 }),
  fontSize: fc.constantFrom(6, 9.5, 12),
});

/** Byte-level damage applied to a valid file of a binary format (or random bytes instead of it). */
export interface Damage { kind: 'none' | 'flip' | 'truncate' | 'random' | 'magic-random' | 'splice'; at: number[]; bytes: number[] }

export const damage: fc.Arbitrary<Damage> = fc.record({
  kind: fc.constantFrom<Damage['kind']>('none', 'none', 'none', 'flip', 'truncate', 'random', 'magic-random', 'splice'),
  at: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
  bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 300 }),
});

/** Apply damage to a valid file; `magic` is the format's signature for "random bytes that start right". */
export function applyDamage(file: Buffer, d: Damage, magic: Buffer): Buffer {
  const at = (k: number) => d.at[k % d.at.length] % Math.max(1, file.length);
  switch (d.kind) {
    case 'none': return file;
    case 'flip': {
      const out = Buffer.from(file);
      d.at.forEach((p, k) => { out[p % out.length] ^= d.bytes[k % d.bytes.length] || 0x55; });
      return out;
    }
    case 'truncate': return file.subarray(0, at(0));
    case 'random': return Buffer.from(d.bytes);
    case 'magic-random': return Buffer.concat([magic, Buffer.from(d.bytes)]);
    case 'splice': return Buffer.concat([file.subarray(0, at(0)), Buffer.from(d.bytes), file.subarray(at(0))]);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Context engine
// ---------------------------------------------------------------------------------------------------------------

export interface ContextSpec {
  sentence: string;
  /** Target span as fractions of the sentence length (kept in range by construction). */
  a: number;
  b: number;
  /** Or: the target is one of the concepts placed in the sentence. */
  concept: number;
  section?: SectionKind;
  offset: number;
  heading: boolean;
}

export const contextSpec: fc.Arbitrary<ContextSpec> = fc.record({
  sentence: fc.oneof(
    { weight: 6, arbitrary: triggerSentence },
    { weight: 2, arbitrary: fc.array(fc.oneof(triggerSentence, unicodeText, oddChar, fc.constantFrom(...CLINICAL_LINES)), { maxLength: 6 }).map((p) => p.join(' ')) },
    { weight: 1, arbitrary: fc.array(triggerSentence, { minLength: 10, maxLength: 60 }).map((p) => p.join(' ').slice(0, 1500)) },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', '.', 'no', 'no no no no no', 'denies', 'no.', "doesn't", 'history of', 'if') },
  ),
  a: fc.double({ min: 0, max: 1, noNaN: true }),
  b: fc.double({ min: 0, max: 1, noNaN: true }),
  concept: fc.integer({ min: -1, max: 5 }),
  section: fc.option(fc.constantFrom(...SECTION_KINDS), { nil: undefined }),
  offset: fc.oneof(fc.constant(0), fc.nat({ max: 1_000_000 })),
  heading: fc.boolean(),
});
