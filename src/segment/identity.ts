/**
 * Whose record a document is. The claimant's date of birth is the one most documents carry; a document whose
 * own patient date of birth (or, lacking one, surname) differs belongs to someone else and is set aside as
 * possibly misfiled, with the words that show it.
 */
import { classifyDocument } from './document-role.js';
import { faxPages } from './fax-pages.js';
import type { Evidence, SourceDocument } from '../model/index.js';
import { evidenceAt } from '../knowledge/evidence.js';

/** `ownLine`: the birth date is on the record's own "Patient: … DOB: …" line, not in a request or banner above it. */
export interface PatientIdentity { dob?: string; surname?: string; given?: string; claim?: string; ownLine?: boolean; evidence: Evidence[] }

/**
 * "DOB: 03/08/1962", "D.O.B. 3/8/62", "Date of Birth: 03/08/1962", "DOB on file: 03/02/1975", "DOB on chart label: 11/14/1966", and a VA print's
 * "DOB: NOV 2,1990" / "Date of Birth: April 19, 1983".
 */
const DOB = /\b(?:DOB|D\.O\.B\.?|Date of Birth|Birth ?date)(?:\s+(?:on file|of record|on (?:the )?(?:chart label|chart|label)))?\s*[:#]?\s*(?:(\d{1,2})[/-](\d{1,2})[/-](\d{2,4})|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2}),?\s*(\d{4}))\b/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** "Patient: PRUITT, SHARON L", "Pt: Castellanos, Renee", "Name: Sharon L. Pruitt", "RE: Sharon Pruitt", a federal form's "Employee's name:" ("narne" when faxed). */
const NAME_FIELD = /\b(?:Patient(?: Name)?|PATIENT(?: NAME)?|Student(?: Name)?|STUDENT(?: NAME)?|Pt|Name|NAME|Claimant|CLAIMANT|Emp[li]oyee(?:'s na(?:m|rn)e)?|EMP[LI]OYEE(?:'S NA(?:M|RN)E)?|Patient's na(?:m|rn)e|Injured Worker|Injured (?:employee|Employee)|INJURED EMPLOYEE|RE)\s*:\s*([A-Z][A-Za-z'-]+(?:,\s*[A-Z][A-Za-z'.-]+(?:\s+[A-Z]\.?)?|(?:\s+[A-Z][A-Za-z'.-]*){1,3}))/g;
/** "Claim #: TPC-22-0466031", "Claim No. 23-118406": the claim a form or report is filed under. */
const CLAIM_FIELD = /\bClaim\s*(?:(?:#|No\.?|Number)\s*:?|:)\s*([A-Z0-9][A-Z0-9-]{5,})\b/i;
/** Words that say the person named is not the record's patient. */
const SOMEONE_ELSE = /\b(?:not (?:the|our|this) (?:claimant|client|patient)|another patient|different patient|other patient|belongs to|record is for|misfiled|not our client)/i;
function lineAround(text: string, at: number): string {
  const start = text.lastIndexOf('\n', at) + 1;
  const end = text.indexOf('\n', at);
  // With the line after: a note about another record wraps ("… this record is for LORNA J. Pettigrew DOB 03/14/1959; not\nthe claimant").
  const next = end < 0 ? -1 : text.indexOf('\n', end + 1);
  return text.slice(start, next < 0 ? text.length : next);
}
/** Words that make a line the patient's own: "Patient named on request:", "Claimant:", "RE:". */
const PATIENT_LABEL = /\b(?:patient|pt|name|claimant|employee|injured worker|RE)\b/i;
/** Field labels a loose name match can pick up instead of a name. */
const NOT_A_NAME = new Set(['dob', 'ssn', 'date', 'claim', 'claimant', 'mrn', 'acct', 'doi', 'sex', 'age', 'bnc', 'wcb', 'case', 'chart', 'employer', 'carrier', 'patient', 'name', 'no', 'number']);
/** Where a document names its patient: its first pages. */
const HEAD = 3000;
/** Where a page names its patient: its header. */
const PAGE_HEAD = 800;

function isoDob(m: RegExpExecArray): string {
  if (m[4]) return `${m[6]}-${String(MONTHS.indexOf(m[4].toLowerCase()) + 1).padStart(2, '0')}-${m[5].padStart(2, '0')}`;
  const y = m[3].length === 2 ? (Number(m[3]) > 30 ? `19${m[3]}` : `20${m[3]}`) : m[3];
  return `${y}-${m[1].padStart(2, '0')}-${m[2].padStart(2, '0')}`;
}

/** The first given name: "PRUITT, SHARON L" → sharon, "Sharon L. Pruitt" → sharon. */
function givenOf(name: string): string | undefined {
  const n = name.trim();
  const words = (n.includes(',') ? n.split(',')[1] ?? '' : n.split(/\s+/).slice(0, -1).join(' ')).split(/\s+/).filter((w) => w.length > 1 && !/^[A-Z]\.$/.test(w));
  return words[0]?.toLowerCase().replace(/[^a-z'-]/g, '') || undefined;
}

function surnameOf(name: string): string {
  const n = name.trim();
  return (n.includes(',') ? n.split(',')[0] : n.split(/\s+/).filter((w) => !/^[A-Z]\.?$/.test(w)).at(-1) ?? n).toLowerCase();
}

/**
 * A scanned header with its OCR slips undone, letter for letter so offsets hold: a "1" inside a word is an "i"
 * ("Pat1ent"), an "l", "I" or "O" inside a number or a date is a digit ("DOB: 07/23/198l", "ll/O2/l998"), a "0" between
 * letters is an "O" ("D0B").
 */
export function ocrFolded(text: string): string {
  return text
    .replace(/(?<=[A-Za-z])1+(?=[A-Za-z])|(?<=[A-Za-z]{2})1+(?![A-Za-z0-9])/g, (m, at: number) => (/[a-z]/.test(text[at - 1]) ? 'i' : 'I').repeat(m.length))
    .replace(/(?<=\d)[lIO]+(?=\d|\b)|\b[lI](?=\d)/g, (m) => m.replace(/[lI]/g, '1').replace(/O/g, '0'))
    // (A date written wholly in look-alikes, "ll/O2/l998", is digits too.)
    .replace(/\b[\dlIO]{1,2}\/[\dlIO]{1,2}\/[\dlIO]{2,4}\b/g, (m) => m.replace(/[lI]/g, '1').replace(/O/g, '0'))
    .replace(/(?<=[A-Z])0(?=[A-Z])/g, 'O').replace(/(?<=[a-z])0(?=[a-z])/g, 'o');
}

export function patientIdentity(doc: SourceDocument, from = 0, length = HEAD): PatientIdentity {
  const head = ocrFolded(doc.text.slice(from, from + length));
  const id: PatientIdentity = { evidence: [] };
  // The birth date on the patient's own line ("Patient: VILLASENOR, TERESA   DOB: 09/30/1958") over one printed
  // above it (a subpoena production banner naming the claimant whose file the page was produced in).
  // (A school's "Student: … DOB: …" line is its record's own, as a clinic's patient line is.)
  const field = [...head.matchAll(NAME_FIELD)].find((n) => !NOT_A_NAME.has(surnameOf(n[1])) && /^(?:Patient|PATIENT|Pt|Student|STUDENT)\b/.test(n[0]));
  const lineEnd = field ? head.indexOf('\n', field.index) : -1;
  const own = field ? DOB.exec(head.slice(field.index, lineEnd < 0 ? head.length : lineEnd)) : null;
  // (A birth date in a line that says it is someone else's, "this record is for LORNA J. Pettigrew DOB 03/14/1959;
  // not the claimant", names that other person, not this paper's patient.)
  const first = [...head.matchAll(new RegExp(DOB.source, 'gi'))].find((m) => !SOMEONE_ELSE.test(lineAround(head, m.index))) ?? null;
  const firstLine = first ? head.slice(head.lastIndexOf('\n', first.index) + 1, first.index) : '';
  // (A first birth date on a line that itself names the patient, a records office's "Patient named on request", stands.)
  const d = own && first && !PATIENT_LABEL.test(firstLine) ? Object.assign(own, { index: own.index + field!.index }) : first;
  if (d) { id.dob = isoDob(d); id.evidence.push(evidenceAt(doc, from + d.index, from + d.index + d[0].length)); }
  if (d && d === own) id.ownLine = true;
  const claim = CLAIM_FIELD.exec(head);
  if (claim && /\d/.test(claim[1])) id.claim = claim[1].toUpperCase();
  for (const n of head.matchAll(NAME_FIELD)) {
    const name = n[1].replace(/\s+(?:DOB|SSN|MRN|D\.O\.B|Date|Sex|Age|DOI|DOL|DOS|Claim|Employer|Acct|Student|ID|Grade|School)\b.*$/s, '');
    const surname = surnameOf(name);
    if (NOT_A_NAME.has(surname) || surname.length < 2) continue;
    id.surname = surname;
    const given = givenOf(name);
    if (given && !NOT_A_NAME.has(given)) id.given = given;
    const at = from + n.index + n[0].length - n[1].length;
    id.evidence.push(evidenceAt(doc, at, at + n[1].length));
    break;
  }
  return id;
}

/** The claimant's identity: the date of birth (and surname) most documents carry. */
function majority(values: (string | undefined)[]): { value?: string; count: number } {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return best ? { value: best[0], count: best[1] } : { count: 0 };
}

/**
 * Documents that name another patient: file → reason and evidence. A date of birth decides (a surname alone is
 * too often a form label or a maiden name); at least two documents must agree on the claimant's.
 */
export function findMisfiled(docs: SourceDocument[]): Map<string, { reason: string; evidence: Evidence[]; pages?: number[] }> {
  const ids = new Map(docs.filter((d) => d.kind !== 'ledger' && d.kind !== 'fhir').map((d) => [d.file, patientIdentity(d)]));
  const dob = majority([...ids.values()].map((i) => i.dob));
  const surname = majority([...ids.values()].map((i) => i.surname));
  const given = majority([...ids.values()].filter((i) => i.surname === surname.value).map((i) => i.given));
  const claim = majority([...ids.values()].map((i) => i.claim));
  const out = new Map<string, { reason: string; evidence: Evidence[]; pages?: number[] }>();
  // Text that names the claimant by surname and birth date, with or without labels ("Record   HALDANE, GREGORY  11/03/1970").
  const surnameWord = surname.value ? new RegExp(`\\b${surname.value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i') : undefined;
  // Same surname, another given name: a relative seen at the same clinic (a spouse, a mother, a daughter).
  const relativeOf = (id: PatientIdentity) => given.count >= 2 && id.surname === surname.value && !!id.given && !given.value!.startsWith(id.given) && !id.given.startsWith(given.value!);
  const namesClaimantIn = (text: string) => !!dob.value && !!surnameWord && mentionsBirthDate(text, dob.value) && surnameWord.test(text);
  for (const doc of docs) {
    // A records office's cover page names the claimant; the page it released may be another patient's ("closest
    // matching record released"). A later page that names someone else by both birth date and name is that record.
    // (A faxed record saved as one text page has its pages at its fax banners.)
    const pages = doc.pages.length >= 2 ? doc.pages : doc.kind === 'ledger' || doc.kind === 'fhir' ? [] : faxPages(doc);
    if (!ids.has(doc.file) || pages.length < 2) continue;
    // (Whose the first page is: a custodian's affidavit over a relative's chart names the claimant there.)
    const first = patientIdentity(doc, pages[0].start, Math.min(PAGE_HEAD, pages[0].end - pages[0].start));
    const others: { n: number; id: PatientIdentity }[] = [];
    let claimantLater = false;
    for (const page of pages.slice(1)) {
      const id = patientIdentity(doc, page.start, Math.min(PAGE_HEAD, page.end - page.start));
      if (dob.count >= 2 && id.dob && id.dob !== dob.value && id.surname && ((surname.count >= 2 && id.surname !== surname.value && !sameCompound(id.surname, surname.value!)) || relativeOf(id))
        && (!first.dob || first.dob === dob.value)) others.push({ n: page.n, id });
      else if ((id.dob && id.dob === dob.value) || (id.surname && id.surname === surname.value) || namesClaimantIn(doc.text.slice(page.start, Math.min(page.end, page.start + PAGE_HEAD)))) claimantLater = true;
    }
    if (!others.length) continue;
    const o = others[0].id;
    const who = `a patient born ${o.dob} (${o.given ? `${o.given} ` : ''}${o.surname}), while the claimant's records give ${dob.value}`;
    // The claimant's exhibit with one stray page in it (page 4 of a programming log is someone else's): only that page
    // is set aside. A records office's cover over another patient's record is that record, whole.
    if (claimantLater) out.set(doc.file, { reason: `page${others.length > 1 ? 's' : ''} ${others.map((x) => x.n).join(', ')} name${others.length > 1 ? '' : 's'} ${who}`, evidence: o.evidence, pages: others.map((x) => x.n) });
    else out.set(doc.file, { reason: `page ${others[0].n} names ${who}`, evidence: o.evidence });
  }
  // An administrative paper that names the claimant by birth date and surname beside others (a crash report's drivers)
  // is about the claimant too; only a clinical record belongs to one patient.
  const docByFile = new Map(docs.map((d) => [d.file, d]));
  // (Not a custodian's certificate over a chart whose own "Patient: … DOB: …" line is someone else's: the subpoena names
  // the claimant, the chart released is another patient's.)
  const namesClaimant = (file: string) => classifyDocument(docByFile.get(file)!).role === 'administrative' && namesClaimantIn(docByFile.get(file)?.text ?? '')
    && !(ids.get(file)?.ownLine && ids.get(file)?.dob !== dob.value);
  for (const [file, id] of ids) {
    if (out.has(file) || namesClaimant(file)) continue;
    // An administrative paper (a records log, a letter) may mention another person's birth date while discussing
    // the file; only one that names that person as its subject is theirs.
    const administrative = classifyDocument(docByFile.get(file)!).role === 'administrative';
    const otherDob = dob.count >= 2 && id.dob && id.dob !== dob.value;
    // "Calloway-Ortiz" and "Ortiz" are one claimant; "Hutton" and "Hutto", with another birth date, are two patients.
    const otherName = surname.count >= 2 && id.surname && id.surname !== surname.value && !sameCompound(id.surname, surname.value!);
    // Same surname, another given name and another birth date: a relative.
    const relative = relativeOf(id);
    // A birth date that differs in more than one digit is not a misreading of the claimant's.
    const unlikeDob = otherDob && digitsApart(id.dob!, dob.value!) > 1;
    if (otherDob && (otherName || relative || (!id.surname && !administrative) || (unlikeDob && (!administrative || !!id.surname)))) {
      out.set(file, { reason: `names a patient born ${id.dob}${id.surname ? ` (${id.given ? `${id.given} ` : ''}${id.surname})` : ''}, while the claimant's records give ${dob.value}`, evidence: id.evidence });
    } else if (!id.dob && !administrative && otherName && claim.count >= 2 && id.claim && id.claim !== claim.value
      // (The same carrier's numbering, "TPC-22-0466031" beside "TPC-23-0471196": another claim, not another kind of number.)
      && id.claim.replace(/\d/g, '9') === claim.value!.replace(/\d/g, '9')) {
      // A form with no birth date (a state work-status report) under another worker's name and another claim number.
      out.set(file, { reason: `names another person (${id.given ? `${id.given} ` : ''}${id.surname}) under claim ${id.claim}, while the claimant's records give claim ${claim.value}`, evidence: id.evidence });
    }
  }
  return out;
}

/** The ISO birth date written as a record writes it: 02/27/1989, 2/27/1989, 1989-02-27. */
function mentionsBirthDate(text: string, iso: string): boolean {
  const [y, m, d] = iso.split('-');
  const n = (x: string) => String(Number(x));
  return [`${m}/${d}/${y}`, `${n(m)}/${n(d)}/${y}`, iso].some((f) => text.includes(f));
}

/** One surname is a whole part of the other's hyphenated or two-word form. */
function sameCompound(a: string, b: string): boolean {
  const parts = (x: string) => x.split(/[\s-]+/);
  return parts(a).includes(b) || parts(b).includes(a);
}

/** How many slips of the pen apart two ISO dates are: one per differing digit, a swapped pair of digits or of month and day counting one. */
function digitsApart(a: string, b: string): number {
  const [ay, am, ad] = a.split('-');
  if (b === `${ay}-${ad}-${am}`) return 1;
  const diff: number[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) diff.push(i);
  if (diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]]) return 1;
  return diff.length;
}
