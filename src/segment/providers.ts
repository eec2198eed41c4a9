/** Provider names and credentials found in note headers and signature blocks. */
import type { Provider } from '../model/index.js';

/** Credentials we recognise after a name; dotted forms ("M.D.", "D.C.") are normalised. */
const CREDENTIAL = String.raw`(?:M\.?D|D\.?O|D\.?D\.?S|D\.?M\.?D|D\.?C|PA-C|P\.?A|(?:PMH|F|AG|A)?NP(?:-BC|-C)?|APNP|DNP|A?PRN|D\.?P\.?T|M\.?P\.?T|P\.?T\.?A|P\.?T|P[hH]\.?D|P[sS][yY]\.?D|LI?CSW|LPCC?|LCPC|LMFT|L?C?MHC|M\.?A|OTR/L|OTR|O\.?T|R\.?N|ATC|FAAOS|FACS|MBBS|DPM|CRNA|MS|MSPT|CPO|CPed|LPO|BOCO)\.?`;
const NOT_CRED = String.raw`(?!${CREDENTIAL}(?![A-Za-z]))`;
/** Letters of a name, accented ones included ("Castañón", "Müller", "Ángel"). */
const UPPER = 'A-ZÀ-ÖØ-Þ';
const LETTER = "A-Za-zÀ-ÖØ-öø-ÿ'’\\-";
/** A name, its given names possibly as initials ("A. R. Deshmukh", "K. Haverty"). */
const NAME = String.raw`(?:Dr\.?[ \t]+)?(?:[A-Z]\.[ \t]*){0,2}[${UPPER}][${LETTER}]+(?:[ \t]+[A-Z]\.)?(?:[ \t]+${NOT_CRED}[${UPPER}][${LETTER}]+){0,2}`;
const CREDS = String.raw`${CREDENTIAL}(?:[ \t]*,[ \t]*${CREDENTIAL})*`;

/** "Electronically signed by: Dr. Jane Doe, DO", "Therapist: Mary Lee, PT, DPT", "Provider: John Smith MD". */
const LABELLED = new RegExp(
  String.raw`(?<=^|[^A-Za-z]|\b[Cc][Oo]-?)(?:(?:(?:electronically |e-)?signed(?: by)?|(?:dictated|seen|evaluated|examined|performed|interpreted|read) by)\s*:?|(?:signature|attending(?: physician)?|provider|physician|therapist|treating (?:physician|provider|doctor)|examiner|evaluator|rendering provider|surgeon|radiologist|interpreting physician|author|clinician|chiropractor)(?:[ \t]*\([^)\n]{0,40}\))?\s*:)[ \t]*(${NAME})(?:[ \t]*,?[ \t]+|[ \t]*,[ \t]*)?(${CREDS})?(?![A-Za-z])`,
  'gi',
);
/**
 * A line that starts with a name and credentials and says nothing else in prose: "John Smith, MD", "Jane Roe, D.C.",
 * "Rosalind Achebe-Marsh, MD - Neurology / Clinical Neurophysiology" (a letterhead), "Ann Lee, MD      Signed 04/20/2023"
 * (a signature with its stamp after a column gap).
 */
/** Fellowships, boards and other degrees after the clinical one ("M.D., F.A.A.O.S.", "MD, MPH, FACOEM"): part of the signature, not the credential. */
const HONORS = String.raw`(?:[ \t]*,[ \t]*(?:F\.?(?:[A-Z]\.?){2,6}|M\.?P\.?H\.?|MBA|MSc|MHS|MMSc))*`;
const SIGNATURE_LINE = new RegExp(String.raw`^[ \t]*(?:/e?s/\s*)?(${NAME})[ \t]*,[ \t]*(${CREDS})${HONORS}(?:[ \t]*$|[ \t]{2,}\S[^\n]*$|[ \t]+[-\u2013\u2014|][ \t]+\S[^\n]*$|[ \t]*\([A-Za-z &/-]{3,40}\)(?:[ \t]{2,}\S[^\n]*)?[ \t]*$)`, 'gm');
/** "Next appointment: after MRI.      /s/ M. O. Roe, MD": a signature at the end of a form's last line ("/es/", a VA note's electronic signature). */
/** "Sincerely, Raymond J. Tisdale, MD, FACC": a letter's closing and its signer on one line. */
const CLOSING_SIGNATURE = new RegExp(String.raw`\b(?:[Ss]incerely|[Rr]espectfully|[Rr]egards|[Cc]ordially|SINCERELY)(?:[ \t]+[Yy]ours)?,?[ \t]+(${NAME})[ \t]*,[ \t]*(${CREDS})${HONORS}[ \t]*$`, 'gm');
const SLASH_S_LATE = new RegExp(String.raw`/e?s/[ \t]*(${NAME})[ \t]*,[ \t]*(${CREDS})${HONORS}[ \t]*$`, 'gm');
/** "/s/ S. Nakamura MD", "/es/ JEROME T OKAFOR PSYD   Signed: 07/17/2024" (a VA note's, its middle initial undotted): a signature line, its credential without the comma. */
const SLASH_S_BARE = new RegExp(String.raw`^[ \t]*/e?s/[ \t]*(${NAME}|[${UPPER}][${LETTER}]+[ \t]+[A-Z][ \t]+[${UPPER}][${LETTER}]+)[ \t]+(${CREDS})${HONORS}(?:[ \t]{2,}\S[^\n]*)?[ \t]*$`, 'gm');

/**
 * "03/14/2024 10:32 AM  Office Visit  Smith, John MD": EHR listings print the author last name first. Only at a
 * line start, after a column gap or a VA note's "AUTHOR:" ("AUTHOR: FELDKAMP,NAOMI R MD"), and only with a credential, so
 * a patient's "DOE, JANE" never matches.
 */
const INVERTED = new RegExp(String.raw`(?:^|(?<![ \t])[ \t]{2,}|\bAUTHOR:[ \t]*)([${UPPER}][${LETTER}]+),[ \t]*([${UPPER}][${LETTER}]+)(?:[ \t]+[A-Z]\.?)?,?[ \t]+(${CREDS})(?![A-Za-z])`, 'gm');

/** The visit's title is not the first word of its author's name ("08/08/2023  FOLLOW-UP    V. Doe, MD", "02/13/2024  Office     Doe MD"). */
const HEADING_WORD = String.raw`(?:FOLLOW-?UP|F/U|PROCEDURE|VISIT|CONSULT(?:ATION)?|RECHECK|NOTE|PROGRESS|EVALUATION|RE-?EVALUATION|REPORT|ADDENDUM|EXAM(?:INATION)?|OFFICE|TELEPHONE|NEW|RETURN|INITIAL|DAILY|POST-?OP|PRE-?OP|New|Return|Initial|Daily|Office|Procedure|Visit|Telephone|Phone|Follow-?up|Recheck|Consult(?:ation)?)(?![A-Za-z])`;
/**
 * "=== 08/10/2023  NEW PATIENT CONSULT  -  Jane Doe, MD ====", "04/26/2022 - F/U - R. O. Doe, MD",
 * "PR-2   09/18/2023   H. S. Doe, MD      [X] Change in work status", "ADDENDUM  4/21/2023   L. Doe MD": the author at the
 * end of a dated visit heading, after a dash; initials may lead the surname. A heading has no sentence in it: an
 * infusion log's "11/20/2023  Ocrelizumab 600 mg IV. Uneventful. - K. Roe, RN" is a row signed by the nurse.
 * (The blanks before the author are taken whole, from the first: a long blank line is read in linear time.)
 */
const HEADING_AUTHOR = new RegExp(String.raw`^[^\n.]{0,40}\b\d{1,2}/\d{1,2}/\d{2,4}\b[^\n.]*?(?<![ \t])(?:[ \t]+[-\u2013\u2014|][ \t]+|[ \t]{2,})(?!${HEADING_WORD})(${NAME})(?:,[ \t]*|[ \t]+)(${CREDS})${HONORS}(?:[ \t]*/[^\n]*|[ \t]{2,}\[[^\n]*)?(?:[ \t]*[=*#~]{2,})?[ \t]*$`, 'gm');

export interface ProviderMatch {
  provider: Provider;
  start: number;
  end: number;
  /** Signed/labelled lines beat bare name lines; later signatures beat earlier ones of equal strength. */
  strength: number;
}

function normaliseCredential(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  return raw.split(/\s*,\s*/).map((c) => c.replace(/\./g, '').toUpperCase().replace('PHD', 'PhD').replace('PSYD', 'PsyD')).join(', ');
}

function cleanName(raw: string, hasCredential: boolean): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  return hasCredential ? name.replace(/^Dr\.?\s+/, '') : name;
}

/** "SMITH" → "Smith"; mixed-case names stay as written. */
function titleCase(word: string): string {
  return word === word.toUpperCase() ? word.charAt(0) + word.slice(1).toLowerCase() : word;
}

/** "seen by", "evaluated by" …: a field only with a colon or alone on its line; otherwise a sentence naming someone else. */
const VERB_BY = /^(?:dictated|seen|evaluated|examined|performed|interpreted|read) by(?!\s*:)/i;
/**
 * "S: Seen by Dr. Marchetti 10/02/2023, who offered …" recounts another doctor's visit; it must never make that
 * doctor the author. A header field ("Physician:", "Provider:") or a signature says who wrote the note.
 */
function isNarrativeMention(slice: string, at: number, match: string): boolean {
  if (!VERB_BY.test(match)) return false;
  const lineStart = slice.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = slice.indexOf('\n', at);
  const after = slice.slice(at + match.length, lineEnd < 0 ? slice.length : lineEnd);
  return slice.slice(lineStart, at).trim() !== '' || /[A-Za-z0-9]/.test(after);
}

const CERTIFIER_BEFORE = /\b(?:physician|referring|ordering|supervising|certifying|PCP|MD)\s*$/i;
const CONTRIBUTOR_LABEL = /^(?:radiologist|interpreting physician|(?:interpreted|read) by)\b/i;
const CAPITALISED = new RegExp(`^[${UPPER}]`);
const NOT_A_NAME = /^(?:the|a|an|patient|pt|he|she|they|his|her|on|at|date|time|name|none|n\/a|unknown|to|for|of|this|that|see|and)$/i;

/** Every provider mention in text[start, end), offsets absolute. */
export function findProviders(text: string, start: number, end: number): ProviderMatch[] {
  const slice = text.slice(start, end);
  const out: ProviderMatch[] = [];
  for (const m of slice.matchAll(LABELLED)) {
    if (isNarrativeMention(slice, m.index, m[0])) continue;
    const words = m[1].split(/\s+/);
    // The label is case-insensitive, the name is not: every name word must be capitalised.
    if (NOT_A_NAME.test(words[0]) || words.some((w) => !CAPITALISED.test(w))) continue;
    if (!m[2] && !/^Dr\b/.test(m[1]) && words.length < 2) continue;
    const signed = /sign/i.test(m[0].slice(0, 20));
    // "Radiologist:", "Interpreted by": who read a study embedded in the note (an ED's X-ray), not who wrote the note.
    // "Physician signature: H. P. Voss, MD" on a therapy plan of care: the certifying physician, not the note's author.
    const lineStart = slice.lastIndexOf('\n', m.index - 1) + 1;
    // "Electronically signed: D. Roe, PA-C   Cosigned: R. Doe, MD": the supervising physician countersigns the author's note.
    const cosigner = /co-?$/i.test(slice.slice(Math.max(0, m.index - 3), m.index));
    const contributor = cosigner || CONTRIBUTOR_LABEL.test(m[0].trimStart()) || CERTIFIER_BEFORE.test(slice.slice(lineStart, m.index + (m[0].length - m[0].trimStart().length)));
    const s = start + m.index; const e = s + m[0].trimEnd().length;
    out.push({ provider: { name: cleanName(m[1], !!m[2]), credential: normaliseCredential(m[2]) }, start: s, end: e, strength: contributor ? 1 : signed ? 3 : 2 });
  }
  // (At a line start "/s/" is a signature line already; later on the line it must follow other words.)
  const late = [...slice.matchAll(SLASH_S_LATE)].filter((m) => slice.slice(slice.lastIndexOf('\n', m.index) + 1, m.index).trim());
  for (const m of [...slice.matchAll(SIGNATURE_LINE), ...late, ...slice.matchAll(SLASH_S_BARE), ...slice.matchAll(CLOSING_SIGNATURE)]) {
    const lead = m[0].length - m[0].trimStart().length;
    const s = start + m.index + lead;
    if (out.some((o) => s >= o.start && s < o.end)) continue;
    // A letterhead in capitals ("LAWRENCE D. FENNIMORE, M.D.") names the author as any signature does.
    const name = cleanName(m[1], true);
    // "/s/ Gregory S. Lindqvist, MD", "Sincerely, R. Doe, MD": a signature, as strong as "Signed by".
    const slashed = /^\s*\/e?s\/|^\s*(?:sincerely|respectfully|regards|cordially)\b/i.test(m[0]);
    out.push({ provider: { name: name === name.toUpperCase() ? name.split(' ').map(titleCase).join(' ') : name, credential: normaliseCredential(m[2]) }, start: s, end: start + m.index + m[0].trimEnd().length, strength: slashed ? 3 : 2 });
  }
  for (const m of slice.matchAll(INVERTED)) {
    const lead = m[0].length - m[0].trimStart().length;
    const s = start + m.index + lead;
    if (out.some((o) => s < o.end && o.start < start + m.index + m[0].length)) continue;
    out.push({ provider: { name: `${titleCase(m[2])} ${titleCase(m[1])}`, credential: normaliseCredential(m[3]) }, start: s, end: start + m.index + m[0].length, strength: 2 });
  }
  for (const m of slice.matchAll(HEADING_AUTHOR)) {
    const nameAt = m[0].lastIndexOf(m[1]);
    const at = start + m.index + nameAt;
    const credEnd = start + m.index + m[0].indexOf(m[2], nameAt + m[1].length) + m[2].length;
    if (out.some((o) => at < o.end && o.start < credEnd)) continue;
    out.push({ provider: { name: cleanName(m[1], true), credential: normaliseCredential(m[2]) }, start: at, end: credEnd, strength: 2 });
  }
  // "01/10/2023  F/U  VENKATARAMAN  CANCELLED BY PT": a visit log's status column, not a therapist's signature.
  return out.filter((o) => !VISIT_STATUS_WORD.test(o.provider.name ?? '')).sort((a, b) => a.start - b.start);
}
const VISIT_STATUS_WORD = /\b(?:cancell?ed|no[- ]show|rescheduled|completed|scheduled|by)\b/i;

/** The encounter's author: the strongest mention, the latest among equals (signatures close a note). */
export function pickProvider(matches: ProviderMatch[]): ProviderMatch | undefined {
  let best: ProviderMatch | undefined;
  for (const m of matches) if (!best || m.strength >= best.strength) best = m;
  return best;
}
