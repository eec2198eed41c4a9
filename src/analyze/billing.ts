/** Billing analysis: ledger lines matched to documented visits by date and provider, totals per modality, and billed visits without a note. */
import type { BillingAnalysis, BillingLine, BillingTotal, Encounter, Specialty } from '../model/index.js';
import { lookupCode, modalityFromText } from '../knowledge/cpt.js';
import { addDays } from './dates.js';
import { pushTo } from '../util/group.js';

/** Dates of service on a bill and in a note may differ by a day (late-night visits, posting dates). */
const DATE_TOLERANCE_DAYS = 1;
/** Rows cited per total: enough to check the sum's sources without repeating the whole ledger. */
const MAX_TOTAL_EVIDENCE = 25;

/**
 * Words that say what kind of practice it is, not which one: "Back In Motion Physical Therapy" and
 * "Harbor Physical Therapy" are different clinics, so these never make two providers the same.
 */
const GENERIC = new Set([
  'dr', 'doctor', 'the', 'and', 'of', 'for', 'at', 'llc', 'inc', 'pc', 'pllc', 'pa', 'ltd', 'corp', 'group', 'associates',
  'assoc', 'clinic', 'clinics', 'center', 'centre', 'centers', 'medical', 'medicine', 'health', 'healthcare', 'care',
  'physical', 'therapy', 'therapies', 'therapist', 'rehab', 'rehabilitation', 'chiropractic', 'chiro', 'spine', 'spinal',
  'pain', 'orthopedic', 'orthopedics', 'orthopaedic', 'ortho', 'neurology', 'neurosurgery', 'surgery', 'surgical',
  'sports', 'institute', 'hospital', 'family', 'practice', 'services', 'management', 'imaging', 'radiology',
  'diagnostic', 'diagnostics', 'interventional', 'primary', 'urgent', 'occupational', 'wellness', 'specialists',
  'partners', 'physicians', 'physician', 'office', 'dept', 'department', 'ot',
  // File-name words that name the paperwork, not the provider.
  'records', 'record', 'notes', 'note', 'ledger', 'billing', 'bills', 'statement', 'exhibit', 'part', 'pages', 'copy', 'scan', 'scanned',
]);
const CREDENTIAL = /^(md|do|dpt|pt|mpt|dc|np|pa|pa-c|pac|aprn|fnp|fnp-c|phd|psyd|mbbs|rn|otr|facs|faaos|jr|sr|ii|iii|iv)$/;
const PERSON_MARK = /\b(dr|md|do|dpt|dc|np|pa-c|aprn|fnp|phd|psyd|mbbs)\b/i;

function words(s: string): string[] {
  return s.toLowerCase().replace(/[^a-z\s'-]/g, ' ').split(/\s+/).map((w) => w.replace(/^['-]+|['-]+$/g, '')).filter(Boolean);
}

/**
 * The words that identify a provider: a person's surname ("Alan Ortiz MD", "Ortiz, Alan MD", "Dr. Ortiz" →
 * ortiz; first names are shared too widely), else a clinic's distinctive words ("Back In Motion PT" → back, motion).
 */
export function identityWords(name: string | undefined, isPerson = false): Set<string> {
  if (!name?.trim()) return new Set();
  // Comma segments that hold only credentials ("Alan Ortiz, MD, FAAOS") are not name parts.
  const segments = name.split(',').map(words).filter((ws) => ws.some((w) => !CREDENTIAL.test(w)));
  const distinctive = (ws: string[]) => ws.filter((w) => !GENERIC.has(w) && !CREDENTIAL.test(w));
  if (isPerson || PERSON_MARK.test(name)) {
    const surname = distinctive(segments[0] ?? []).at(-1);
    if (surname) return new Set([surname]);
  }
  const all = segments.flat().filter((w) => w.length >= 3);
  const clinic = distinctive(all);
  // A name made only of practice words ("Spine Interventional") is still the best evidence there is.
  return new Set(clinic.length ? clinic : all.filter((w) => !['the', 'and', 'for'].includes(w)));
}

/** What a misfiled record shows of itself: the days it was written and the practice whose paper it is. */
export interface StrayRecord { dates: Set<string>; head: string }

/**
 * A ledger's charge on the day of another patient's record from the same practice ("Hill Country Hand Therapy
 * 11/16/2023 97110 (see fax p.14)", that page being someone else's therapy note) is that patient's visit: it shows no
 * care of the claimant. The charge stays on the ledger; what the analysis would read from it as care is dropped.
 */
export function strayCharges(encounters: Encounter[], strays: StrayRecord[]): Set<string> {
  const out = new Set<string>();
  if (!strays.length) return out;
  const heads = strays.map((s) => ({ dates: s.dates, words: new Set(words(s.head)) }));
  for (const e of encounters) {
    if (e.source !== 'ledger' || !e.date) continue;
    const biller = [...identityWords(e.provider.name ?? e.provider.organization)];
    if (biller.length && heads.some((s) => s.dates.has(e.date!) && biller.every((w) => s.words.has(w)))) out.add(e.id);
  }
  return out;
}

/** "2F - Harbor Physical Therapy.txt", "Ex 5F - Dr Smith.pdf", "05F_Ortiz.pdf" → the words naming the source. */
export function fileNameWords(file: string): Set<string> {
  const base = file.split(/[\\/]/).pop()!.replace(/\.[a-z0-9]+$/i, '');
  const name = base.replace(/^\s*(ex(hibit)?\.?\s*)?\d{1,3}[a-z]\b[\s_.-]*/i, '').replace(/[_.-]+/g, ' ');
  // Unlike a biller's name, a file name made only of generic words ("medical records") names no one.
  return new Set([...identityWords(name)].filter((w) => !GENERIC.has(w)));
}

/** The words a record is known by: its author, organisation and the file it was filed in. */
function recordWords(enc: Encounter): Set<string> {
  return new Set([
    ...identityWords(enc.provider.name, !!enc.provider.credential), ...identityWords(enc.provider.organization), ...fileNameWords(enc.file),
  ]);
}

function overlaps(a: Set<string>, b: Set<string>): boolean {
  return [...a].some((w) => b.has(w));
}

/** A provider on one side of the reconciliation: a biller as written on the ledger, or a note's author. */
interface Party { key: string; words: Set<string>; specialty: Specialty; dates: string[] }

function parties(encs: Encounter[], keyOf: (e: Encounter) => string, wordsOf: (e: Encounter) => Set<string>): Map<string, Party> {
  const out = new Map<string, Party>();
  for (const e of encs) {
    const key = keyOf(e);
    const p = out.get(key) ?? { key, words: new Set<string>(), specialty: 'unknown', dates: [] };
    for (const w of wordsOf(e)) p.words.add(w);
    if (p.specialty === 'unknown' && e.specialty !== 'other') p.specialty = e.specialty;
    p.dates.push(e.date!);
    out.set(key, p);
  }
  return out;
}

const billerKey = (e: Encounter) => e.provider.name?.trim().toLowerCase() ?? '';
const authorKey = (e: Encounter) => (e.provider.name ?? e.provider.organization ?? '').trim().toLowerCase();

/**
 * Decides whether a bill and a record are from the same provider. By name first (surname or clinic words);
 * an unnamed side cannot rule a match out. A clinic billing under its own name for a clinician who signs the
 * notes shares no words with them, so a biller and an author that match no one by name are linked when their
 * dates keep coinciding (at least two, and half of the shorter list) and their specialties agree.
 */
export function providerLinker(bills: Encounter[], records: Encounter[]): (bill: Encounter, record: Encounter) => boolean {
  const billers = parties(bills, billerKey, (e) => identityWords(e.provider.name));
  const authors = parties(records, authorKey, recordWords);
  const byName = (b: Party, a: Party) => !b.words.size || !a.words.size || overlaps(b.words, a.words);
  const aliases = new Set<string>();
  const lonelyAuthors = [...authors.values()].filter((a) => a.words.size && ![...billers.values()].some((b) => b.words.size && byName(b, a)));
  for (const b of billers.values()) {
    if (!b.words.size || [...authors.values()].some((a) => a.words.size && byName(b, a))) continue;
    const candidates = lonelyAuthors
      .filter((a) => a.specialty === b.specialty || a.specialty === 'unknown' || b.specialty === 'unknown')
      .map((a) => ({ a, shared: sharedDates(b.dates, a.dates) }))
      .filter(({ a, shared }) => shared >= 2 && shared * 2 >= Math.min(new Set(a.dates).size, new Set(b.dates).size))
      .sort((x, y) => y.shared - x.shared);
    if (candidates[0]) aliases.add(`${b.key}|${candidates[0].a.key}`);
  }
  return (bill, record) => {
    const b = billers.get(billerKey(bill));
    const a = authors.get(authorKey(record));
    if (!b || !a) return false;
    return byName(b, a) || aliases.has(`${b.key}|${a.key}`);
  };
}

/** How many distinct dates of `xs` have a date of `ys` within the tolerance. */
function sharedDates(xs: string[], ys: string[]): number {
  const set = new Set(ys);
  let n = 0;
  for (const d of new Set(xs)) {
    for (let k = -DATE_TOLERANCE_DAYS; k <= DATE_TOLERANCE_DAYS; k++) if (set.has(k ? addDays(d, k) : d)) { n++; break; }
  }
  return n;
}

/** A clinical record of a contact: notes and FHIR encounters, not the bill itself. */
function isRecord(e: Encounter): boolean {
  return e.source !== 'ledger' && e.kind !== 'billing' && !!e.date;
}

// Film reads are billed by the reading radiologist, IMEs by the payer that ordered them: neither belongs on
// the treating providers' ledger, so a missing bill for them says nothing.
const NOT_EXPECTED_ON_LEDGER = new Set(['imaging', 'ime', 'billing']);

/** Encounters by date, so that "one within a day" is a lookup, not a scan (a ledger may have 100,000 rows). */
function indexByDate(list: Encounter[]): (date: string) => Encounter[] {
  const by = new Map<string, Encounter[]>();
  for (const e of list) pushTo(by, e.date!, e);
  return (date) => {
    const out: Encounter[] = [];
    for (let d = -DATE_TOLERANCE_DAYS; d <= DATE_TOLERANCE_DAYS; d++) for (const e of by.get(d ? addDays(date, d) : date) ?? []) out.push(e);
    return out;
  };
}

/** The bucket a billed line's cost belongs to: the code's modality, "office_visit", else what the description names. */
export function lineModality(line: BillingLine): string {
  const meaning = line.code ? lookupCode(line.code) : undefined;
  if (meaning?.kind === 'treatment') return meaning.modality;
  if (meaning?.kind === 'visit') return 'office_visit';
  return modalityFromText(line.description ?? '') ?? 'other';
}

const cents = (n: number) => Math.round(n * 100) / 100;

function total(key: string, lines: BillingLine[]): BillingTotal {
  const sum = (f: (l: BillingLine) => number | undefined) => cents(lines.reduce((s, l) => s + (f(l) ?? 0), 0));
  return {
    key, lines: lines.length,
    charges: sum((l) => l.charge), paid: sum((l) => l.paid), adjustments: sum((l) => l.adjustment), balance: sum((l) => l.balance),
    evidence: lines.slice(0, MAX_TOTAL_EVIDENCE).map((l) => l.evidence),
  };
}

function totalsBy(lines: BillingLine[], keyOf: (l: BillingLine) => string, order: 'key' | 'charges'): BillingTotal[] {
  const groups = new Map<string, BillingLine[]>();
  for (const l of lines) pushTo(groups, keyOf(l), l);
  const totals = [...groups].map(([k, ls]) => total(k, ls));
  return order === 'key' ? totals.sort((a, b) => a.key.localeCompare(b.key)) : totals.sort((a, b) => b.charges - a.charges || a.key.localeCompare(b.key));
}

function recordLabel(e: Encounter): string {
  return e.provider.name?.trim() || e.provider.organization?.trim() || 'unnamed provider';
}

/**
 * Reconcile billing ledgers with the clinical record by date of service (±1 day) and provider, and total the
 * charges. Undefined when the case has no ledger.
 */
export function analyzeBilling(encounters: Encounter[]): BillingAnalysis | undefined {
  // Costs come from every billed line (ledger rows, FHIR claims); reconciliation only from ledgers, since a
  // FHIR claim is attached to the very encounter it bills and cannot lack a record.
  const billed = encounters.filter((e) => e.date && e.billing?.length);
  if (!billed.length) return undefined;
  const bills = billed.filter((e) => e.source === 'ledger');
  const records = encounters.filter(isRecord);
  const lines = billed.flatMap((e) => e.billing!).sort((a, b) => a.date.localeCompare(b.date));

  const same = providerLinker(bills, records);

  const recordsNear = indexByDate(records);
  const billsNear = indexByDate(bills);
  const billedWithoutRecord: BillingAnalysis['billedWithoutRecord'] = [];
  for (const bill of bills) {
    if (recordsNear(bill.date!).some((r) => same(bill, r))) continue;
    const codes = [...new Set(bill.billing!.map((l) => l.code).filter((c): c is string => !!c))];
    const descriptions = [...new Set(bill.billing!.map((l) => l.description).filter((d): d is string => !!d))];
    billedWithoutRecord.push({
      date: bill.date!, provider: bill.provider.name?.trim() || 'unnamed provider', codes,
      description: descriptions.join('; ') || undefined, evidence: bill.billing!.map((l) => l.evidence),
    });
  }

  // A ledger covers a provider it bills for by name, over the ledger's own span of dates (it may be one
  // payer's or one period's). Rows without a provider would otherwise cover everyone, so they don't count.
  // One bill per named biller stands for it: whether a biller is the record's author depends on the biller only.
  const ledgers = new Map<string, { from: string; to: string; billers: Encounter[]; keys: Set<string> }>();
  for (const bill of bills) {
    const c = ledgers.get(bill.documentId) ?? { from: bill.date!, to: bill.date!, billers: [], keys: new Set<string>() };
    if (bill.date! < c.from) c.from = bill.date!;
    if (bill.date! > c.to) c.to = bill.date!;
    const key = billerKey(bill);
    if (!c.keys.has(key) && identityWords(bill.provider.name).size) { c.keys.add(key); c.billers.push(bill); }
    ledgers.set(bill.documentId, c);
  }
  const recordWithoutBill: BillingAnalysis['recordWithoutBill'] = [];
  const reported = new Set<string>();
  for (const r of records) {
    if (r.source !== 'note' || NOT_EXPECTED_ON_LEDGER.has(r.kind)) continue;
    const covered = [...ledgers.values()].some((c) => r.date! >= c.from && r.date! <= c.to && c.billers.some((b) => same(b, r)));
    if (!covered || billsNear(r.date!).some((b) => same(b, r))) continue;
    const key = `${r.date}|${recordLabel(r).toLowerCase()}`;
    if (reported.has(key)) continue;
    reported.add(key);
    recordWithoutBill.push({ date: r.date!, provider: recordLabel(r), kind: r.kind, evidence: r.evidence.slice(0, 2) });
  }
  recordWithoutBill.sort((a, b) => a.date.localeCompare(b.date));
  billedWithoutRecord.sort((a, b) => a.date.localeCompare(b.date));

  return {
    lines: lines.length, firstDate: lines[0]?.date, lastDate: lines[lines.length - 1]?.date,
    totals: {
      grand: total('all', lines),
      byModality: totalsBy(lines, lineModality, 'charges'),
      byProvider: totalsBy(lines, (l) => l.provider?.trim() || 'unnamed provider', 'charges'),
      byMonth: totalsBy(lines, (l) => l.date.slice(0, 7), 'key'),
      byYear: totalsBy(lines, (l) => l.date.slice(0, 4), 'key'),
    },
    billedWithoutRecord, recordWithoutBill,
  };
}
