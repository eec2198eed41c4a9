/** Billing ledgers (CSV, XLSX): rows read into billing lines and visit facts, each citing its row. */
import type { BillingLine, Encounter, Evidence, Fact, Page, SourceDocument } from '../model/index.js';
import { FactSchema } from '../model/index.js';
import { isChiroSpinalCmt, lookupCode, modalityFromText, splitCode } from '../knowledge/cpt.js';
import { evidenceAt, joinPages, trimSpan } from '../knowledge/evidence.js';
import { runIsolated } from './isolate.js';
import { ReadError, decodeText, pagesFromFormFeeds } from './text.js';
import { MODALITIES } from '../model/modalities.js';
import { qualificationOf } from './fhir-codes.js';

type Field = 'date' | 'category' | 'provider' | 'code' | 'modifier' | 'icd10' | 'description' | 'units' | 'charge' | 'paid' | 'adjustment' | 'balance';

/** Header synonyms, most specific first; each column is claimed by the first field whose pattern matches. */
const HEADERS: [Field, RegExp][] = [
  ['date', /^(date of service|date of service ?(\/|or) ?period|dates? of (svc|serv)|dates of service|date of service from|(first|dos) (dos|first)|date (from|first)|period from or dos|period or service|service or period|service date or period|service or (benefit|paid date) period|service ?\/ ?period|(session|appt|appointment|arrival|proc|procedure|encounter) date|dos|(service|svc|serv) (dates?|dt)|date\(s\) of service|from (date|dt)|(service|svc|serv) (from|start)|from dos|dos (from|start|begin)|visit (date|dt)|(service|svc|serv) ?\/ ?period (from|start)|(service|svc|serv) or period (from|start)|period (from|start)|period or dos|dos or period|(service|svc|serv) ?\/ ?pay(ment)? (date|dt)|(service|svc|serv) or pa(id|yment) (date|dt)|date|dt|from)$/],
  ['category', /^((pay(ment)?|txn|transaction|benefit|line) )?(type|category|class)$/],
  ['modifier', /^(mod|modifiers?|mod\d)$/],
  ['icd10', /icd|diagnos|^dx/],
  // ("Codes", "Code(s)", "Code/Benefit", "code_or_benefit": a carrier's register puts a benefit in the code's column.)
  ['code', /cpt|hcpcs|proc(edure)? ?(code|cd)|^codes?\b|^proc$|service code|billing code|benefit code/],
  // ("Therapist note", "Provider comments" hold what was done, not who did it.)
  ['provider', /^(?!.*\b(?:notes?|comments?|remarks?)$).*(?:provider|rendering|physician|doctor|clinician|practitioner|therapist|facility|clinic)|^payee$/],
  ['units', /^(units?|qty|quantity|days\/units)$/],
  ['charge', /charge|billed|^fee|^(amount|amt)$/],
  // ("Paid date" is when, not how much.)
  ['paid', /^(?!.*\b(?:date|dt)$).*(?:paid|payment|receipts?|\bpd\b|\bpmt\b)/],
  ['adjustment', /adj|write.?off|contractual/],
  ['balance', /balance|\bbal\b|due|outstanding/],
  // "Service to" / "service thru" is the end of a date range, not a description.
  ['description', /desc|^(?!.*\b(to|thru|through|end)$).*service|procedure|narrative|item/],
];

/** An anesthesia group or an anesthesia line: "… Anesthesia Assoc", "Anesthesia + interscalene block" (not "Anesthesia & Pain Consultants"). */
const ANESTHESIA_BILLER = /^(?!.*\bpain\b).*\banesthesia\b/i;

export function mapHeaders(cells: string[]): Partial<Record<Field, number>> {
  const out: Partial<Record<Field, number>> = {};
  cells.forEach((raw, i) => {
    const h = raw.toLowerCase().replace(/[_.#:]+/g, ' ').replace(/\s+/g, ' ').trim();
    const hit = HEADERS.find(([f, re]) => out[f] === undefined && re.test(h));
    if (hit) out[hit[0]] = i;
  });
  // A carrier's register says what was paid for in its note ("Sunbelt Rehab PT x8"): the description when none is named.
  if (out.description === undefined) {
    const note = cells.findIndex((c, i) => /^(?:notes?|memo|comments?|remarks?)$/i.test(c.trim()) && !Object.values(out).includes(i));
    if (note >= 0) out.description = note;
  }
  return out;
}

interface Row { cells: string[]; spans: [number, number][]; start: number; end: number; line: number }

/** CSV rows with the character span of each cell and row in the raw text (quotes, CRLF, embedded newlines). */
export function scanCsv(text: string, from: number, to: number, delim: string): Row[] {
  const rows: Row[] = [];
  let i = from;
  let line = 1;
  while (i < to) {
    const row: Row = { cells: [], spans: [], start: i, end: i, line };
    for (;;) {
      let s = i;
      let value = '';
      if (text[i] === '"') {
        i++;
        s = i;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0 || q >= to) { value += text.slice(i, to); i = to; break; }
          value += text.slice(i, q);
          if (text[q + 1] === '"') { value += '"'; i = q + 2; continue; }
          i = q + 1;
          break;
        }
        row.spans.push([s, Math.max(s, i - 1)]);
        while (i < to && text[i] !== delim && text[i] !== '\n' && text[i] !== '\r') i++;
      } else {
        while (i < to && text[i] !== delim && text[i] !== '\n' && text[i] !== '\r') i++;
        value = text.slice(s, i);
        row.spans.push([s, i]);
      }
      row.cells.push(value.trim());
      if (i < to && text[i] === delim) { i++; continue; }
      break;
    }
    row.end = i;
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    if (row.cells.some((c) => c !== '')) rows.push(row);
  }
  return rows;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Ledger dates: 03/14/2024, 3/14/24, 2024-03-14, 14-Mar-2024, Mar 14 2024, Excel serials. US order for slashes. */
export function parseLedgerDate(raw: string): string | undefined {
  // A billed span ("04/04/2022-05/13/2022", "03/15/22 to 04/04/22"): its first day is the first date of service.
  const span = /^\s*(\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}-\d{2}-\d{2})\s*(?:-|\u2013|to|thru|through)\s*(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}-\d{2}-\d{2})\s*$/i.exec(raw);
  const s = (span ? span[1] : raw).trim();
  let y: number; let m: number; let d: number;
  let r: RegExpExecArray | null;
  if ((r = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s))) [y, m, d] = [+r[1], +r[2], +r[3]];
  else if ((r = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s))) [m, d, y] = [+r[1], +r[2], +r[3]];
  else if ((r = /^(\d{1,2})[- ]([a-z]{3})[a-z]*[- ,]+(\d{2}|\d{4})$/i.exec(s))) [d, m, y] = [+r[1], MONTHS.indexOf(r[2].toLowerCase()) + 1, +r[3]];
  else if ((r = /^([a-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})$/i.exec(s))) [m, d, y] = [MONTHS.indexOf(r[1].toLowerCase()) + 1, +r[2], +r[3]];
  else if ((r = /^(\d{5})$/.exec(s)) && +r[1] > 20000 && +r[1] < 80000) {
    const dt = new Date(Date.UTC(1899, 11, 30) + +r[1] * 86400000);
    return dt.toISOString().slice(0, 10);
  } else return undefined;
  if (y < 100) y += y < 70 ? 2000 : 1900;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return undefined;
  return dt.toISOString().slice(0, 10);
}

/** "$1,234.50" → 1234.5; "(45.00)" and "-45" → -45. */
export function parseMoney(raw: string | undefined): number | undefined {
  if (!raw) return undefined;
  const neg = /^\(.*\)$/.test(raw.trim()) || raw.trim().startsWith('-');
  const n = Number(raw.replace(/[$,()\s-]/g, ''));
  if (!raw.replace(/[$,()\s-]/g, '') || Number.isNaN(n)) return undefined;
  return neg ? -n : n;
}

/**
 * Payment categories and benefit codes of a carrier's register that are not medical services (indemnity, expenses).
 * Texas pays income benefits as TIBs, IIBs, SIBs and LIBs ("TIBS-PARTIAL"); California as TD and PD.
 */
const NOT_MEDICAL = /^(?:ind|indem\w*|tt[dp]?|tp[dp]?|pp[di]?|ptd|td|pd|[tisl]ibs?(?:-\w+)?|(?:income|death|burial) benefits?|ltd|std|slu|sla|schedule(?:d)? (?:loss|award)|wage\w*|lost wages|compensation|settlement|expense|legal|attorney\w*|mileage|travel|vocational|voc rehab)(?:-(?:adv|retro|adj|lump|ls|cont)\w*)?(?![\w-])/i;

/**
 * Rows that record a decision on a request, not a service rendered: a prior authorization, a utilization review, a
 * referral on file, a booking not yet kept or a cancelled one. Their dates are not dates of service ("PA APPROVED …
 * NOT UTILIZED" says the MRI never happened; "SCHEDULED - not yet performed" says the injection has not).
 */
const NOT_A_SERVICE = /\b(?:prior[ -]auth\w*|pre-?auth\w*|PA approved|utilization review|referral only|referral on file|referral\/auth request|auth(?:orization)? request|no claim|not utili[sz]ed|no services rendered|PCP assign\w*|cancell?ed|no[- ]show|did not (?:attend|show))\b/i;
/**
 * A row for care booked or priced but not given ("ESTIMATE - scheduled 12/05/2023 - not performed", "SCHEDULED - not
 * yet performed"): no charge was incurred, but the procedure is firmly planned for that date.
 */
const PLANNED_ROW = /\b(?:scheduled\W+not (?:yet )?(?:performed|done|given|billed)|authori[sz]ed\W+scheduled|not (?:yet )?performed|estimate(?:d)?(?: only)?(?=\W)|cost estimate)\b/i;
/**
 * A managed-care claims history mixes medical claims with pharmacy fills (NDC lines, "METFORMIN HCL 500 MG TAB"),
 * referral and assignment records ("SPEC-REF", "PCP-ASSIGN") and summary rows: none is a visit.
 */
const NOT_A_VISIT_CODE = /^(?:NDC|REF|SPEC-REF|PCP-ASSIGN|INFO|SUMMARY)$|\b\d+(?:\.\d+)?\s*(?:MG|MCG|ML|G)\b.*\b(?:TAB|TABS|CAP|CAPS|SOLN|SUSP|CREAM|GEL|PATCH|INJ)\b/i;

/**
 * A row the payer or the biller marks as care of another condition ("Not a WC charge - billed to Blue Oak Health PPO
 * (non-industrial)", "unrelated - paid by health insurance"): a service given, but not for the claim.
 */
const NOT_THE_CLAIM = /\b(?:non-?industrial|not (?:a )?(?:WC|work comp\w*|workers'? comp\w*) (?:charge|claim|related)|not (?:work|claim|accident|MVC|injury)[- ]related|unrelated(?: to (?:the )?(?:claim|injury|accident))?|billed to (?:her |his |the )?(?:group )?health)\b/i;

/** "ED physician (99284)", "Chiropractic - 38 visits (98940/98941/97014/97110)": the codes a description names in brackets. */
function codesInDescription(description: string): ReturnType<typeof splitCode> {
  for (const m of description.matchAll(/\(([^()]{5,80})\)/g)) {
    const code = splitCode(m[1]);
    if (code) return code;
  }
  return undefined;
}

/** A reversal ("VOID - charge posted to wrong account (belongs to GLH-60381)"): it and the charge it cancels are no service. */
const VOIDS = /\b(?:void(?:ed)?|reversal|reversed|posted (?:to (?:the )?wrong (?:account|patient)|in error))\b/i;

/** A row that names the visit as supportive or maintenance care, not treatment aimed at recovery. */
const MAINTENANCE_ROW = /\b(?:supportive(?: care)?|maintenance(?: care| visit)?|wellness visit)\b/i;

/** Column names of a pharmacy's dispensing history rather than a bill. */
const FILL_HEADER = /^(fill[_ ]?date|date[_ ]filled|dispensed?[_ ]date|rx[_ ]?(no|number|#)|days[_ ]supply)$/i;

/** The column of a results table that says when the specimen was taken or the test done (a laboratory's, an audiogram's, spirometry's). */
const RESULTS_HEADER = /^(collected|collection[_ ]?(date|time|dt)|specimen[_ ]?(date|collected)|date[_ ]collected|drawn|draw[_ ]date|resulted|test[_ ]?date|date[_ ]of[_ ]test|tested|study[_ ]date|exam[_ ]date|measured)$/i;

/** `fillHistory`: a table that holds no bill and no visit (a pharmacy's fills, a laboratory's results), read without failing. */
interface Parsed { encounters: Encounter[]; facts: Fact[]; warnings: string[]; benefitRows: number; fillHistory?: boolean }

/**
 * A clinic's visit flowsheet exported as a table: besides dates and codes it carries what a note carries (a note or
 * interventions column, pain or function scores). Each row is then the visit's own record, not only its bill.
 */
const CLINICAL_COLUMN = /^(?:(?:therapist|provider|clinician|clinical|visit|progress|daily)\s+)?(?:notes?|comments?)$|^(?:subjective|assessment|plan|interventions?|treatment(?: notes?)?|tx|exercises|response)$/;
/** Score columns read as outcome measures, each with its instrument and scale. */
const SCORE_COLUMNS: { re: RegExp; instrument: 'NRS' | 'ODI' | 'NDI'; max: number }[] = [
  { re: /^(?:(?:back|neck|leg|arm|low back|lbp)\s+)?(?:nprs|nrs|vas|pain)(?:\s+(?:score|0\s*10|now|today))?$/, instrument: 'NRS', max: 10 },
  { re: /^odi(?:\s+(?:pct|percent|score))?$/, instrument: 'ODI', max: 100 },
  { re: /^ndi(?:\s+(?:pct|percent|score))?$/, instrument: 'NDI', max: 100 },
];
const header = (c: string) => c.toLowerCase().replace(/[_.#:%()]+/g, ' ').replace(/\s+/g, ' ').trim();

/** One page (sheet) of ledger text → billing encounters (one per date and provider) and treatment facts. */
function parsePage(doc: SourceDocument, page: Page, out: Parsed, counters: { e: number; f: number }): void {
  // The delimiter is the one the opening lines use most (a title line above the header may have none).
  const head = doc.text.slice(page.start, page.end).split('\n', 5).join('\n');
  const delim = [',', '\t', ';', '|'].sort((a, b) => head.split(b).length - head.split(a).length)[0];
  const rows = scanCsv(doc.text, page.start, page.end, delim);
  const where = doc.pages.length > 1 ? `sheet ${page.n}: ` : '';
  // The header is the first row that names a date column (exports often start with title lines).
  const h = rows.findIndex((r) => mapHeaders(r.cells).date !== undefined);
  if (h < 0) {
    if (rows.slice(0, 5).some((r) => r.cells.some((c) => FILL_HEADER.test(c)))) {
      out.warnings.push(`${where}a pharmacy fill history (fill date, drug): fills are not read as treatment yet; medication trials come from the prescribers' notes`);
      out.fillHistory = true;
      return;
    }
    // "collected, ordering_provider, test, result, units", "test_date, ear, ac_250, ac_500": a laboratory's results or a
    // test's measurements, which record no care given.
    if (rows.slice(0, 5).some((r) => r.cells.some((c) => RESULTS_HEADER.test(c.trim())))) {
      out.warnings.push(`${where}a results table (test date, measurements): results are not read as care; the ordering clinicians' notes say what was done with them`);
      out.fillHistory = true;
      return;
    }
    out.warnings.push(`${where}no date-of-service column found (headers: ${rows[0]?.cells.filter(Boolean).slice(0, 8).join(', ') || 'none'})`);
    return;
  }
  const cols = mapHeaders(rows[h].cells);
  const headers = rows[h].cells.map(header);
  const scores = headers.flatMap((c, i) => { const sc = SCORE_COLUMNS.find((x) => x.re.test(c)); return sc ? [{ ...sc, col: i }] : []; });
  // A payer's ledger has a "note" column too ("PA fee schedule"): money columns make it a bill, scores a flowsheet.
  const money = cols.charge !== undefined || cols.paid !== undefined || cols.balance !== undefined;
  const flowsheet = headers.some((c) => CLINICAL_COLUMN.test(c)) && (scores.length > 0 || !money);
  if (cols.code === undefined && cols.description === undefined) {
    out.warnings.push(`${where}no CPT/HCPCS or description column; dates of service kept without services`);
  }
  const usesAt = rows.slice(h + 1).some((r) => /\bAT\b/.test(`${r.cells[cols.code ?? -1] ?? ''} ${r.cells[cols.modifier ?? -1] ?? ''}`));
  const groups = new Map<string, Encounter>();
  const bad: number[] = [];
  const rowKey = (r: Row) => `${parseLedgerDate(r.cells[cols.date!] ?? '')}|${splitCode(r.cells[cols.code ?? -1] ?? '')?.code ?? ''}`;
  const voided = new Set(rows.slice(h + 1).filter((r) => VOIDS.test(r.cells.join(' '))).map(rowKey));
  for (const row of rows.slice(h + 1)) {
    const cell = (f: Field) => (cols[f] !== undefined ? row.cells[cols[f]!] ?? '' : '');
    const span = (f: Field): [number, number] | undefined => (cols[f] !== undefined ? row.spans[cols[f]!] : undefined);
    const rawDate = cell('date');
    if (!rawDate && !cell('code')) continue;
    if (/^(total|subtotal|balance forward)/i.test(row.cells.join(' ').trim())) continue;
    // A carrier's register also pays wage benefits and expenses: those rows are not services to the claimant.
    // (With no category column, a benefit named in the description column: "TTD", "SLU award".)
    if (NOT_MEDICAL.test(cell('category').trim()) || NOT_MEDICAL.test(cell('code').trim())
      || (cols.category === undefined && NOT_MEDICAL.test(cell('description').trim()))) { out.benefitRows++; continue; }
    const planned = PLANNED_ROW.test(row.cells.join(' '));
    if ((!planned && NOT_A_SERVICE.test(row.cells.join(' '))) || NOT_A_VISIT_CODE.test(cell('code').trim()) || /^pharmacy$/i.test(cell('category').trim())
      || row.cells.some((c) => /^(?:SUMMARY|INFO)$/i.test(c.trim()))) continue;
    const date = parseLedgerDate(rawDate);
    if (!date) { bad.push(row.line); continue; }
    if (voided.size && voided.has(rowKey(row))) continue;
    const [rs, re] = trimSpan(doc.text, row.start, row.end);
    const rowEv: Evidence = evidenceAt(doc, rs, re, { path: `${where}row ${row.line}` });
    const provider = cell('provider') || undefined;
    // (With no code in its own column, the codes a description carries in brackets: "Chiropractic - 38 visits (98940/98941/97014)".)
    const codeInfo = splitCode(cell('code')) ?? (cell('code') ? undefined : codesInDescription(cell('description')));
    const modifiers = [...(codeInfo?.modifiers ?? []), ...cell('modifier').toUpperCase().split(/[\s,;-]+/).filter(Boolean)];
    const icd10 = cell('icd10').split(/[\s,;]+/).filter((c) => /^[A-Z]\d{2}/i.test(c));
    const line: BillingLine = {
      date, provider, code: codeInfo?.code ?? (cell('code') || undefined), icd10: icd10.length ? icd10 : undefined,
      description: cell('description') || undefined, units: parseMoney(cell('units')), charge: parseMoney(cell('charge')),
      paid: parseMoney(cell('paid')), adjustment: parseMoney(cell('adjustment')), balance: parseMoney(cell('balance')), evidence: rowEv,
    };
    const key = `${date}|${provider ?? ''}`;
    let enc = groups.get(key);
    if (!enc) {
      const ds = span('date');
      enc = {
        id: `${doc.id}#e${++counters.e}`, documentId: doc.id, file: doc.file, start: rs, end: re, date,
        // A flowsheet row signed "B. Kowalski DPT" is the therapist's visit.
        provider: { name: provider }, specialty: (flowsheet && qualificationOf(provider?.split(/[\s,]+/).pop())?.specialty) || 'unknown', kind: flowsheet ? 'office_visit' : 'billing',
        title: flowsheet ? 'Visit flowsheet row' : 'Billed date of service', source: flowsheet ? 'note' : 'ledger',
        evidence: [ds ? evidenceAt(doc, ...trimSpan(doc.text, ds[0], ds[1]), { path: `${where}row ${row.line}` }) : rowEv], billing: [],
      };
      groups.set(key, enc);
      out.encounters.push(enc);
    }
    enc.start = Math.min(enc.start, rs);
    enc.end = Math.max(enc.end, re);
    if (!planned) enc.billing!.push(line);

    const base = {
      encounterId: enc.id, date, dateSource: 'structured' as const, negated: false, certainty: 'affirmed' as const,
      temporality: 'current' as const, experiencer: 'patient' as const, context: [], evidence: [rowEv],
    };
    const facts: unknown[] = [];
    for (const sc of scores) {
      const value = Number(row.cells[sc.col]?.trim());
      if (row.cells[sc.col]?.trim() && Number.isFinite(value) && value >= 0 && value <= sc.max) {
        facts.push({ ...base, id: `${doc.id}#f${++counters.f}`, type: 'outcome_measure', attributes: { instrument: sc.instrument, value, max: sc.max, ...(sc.max === 100 ? { unit: '%' } : {}) } });
      }
    }
    const meaning = codeInfo ? lookupCode(codeInfo.code) : undefined;
    // A nerve block billed by the anesthesia group ("Brazos Valley Anesthesia Assoc, 64415") is the operation's
    // regional anesthesia, not a pain procedure.
    const anesthesia = meaning?.kind === 'treatment' && meaning.modality === 'other_injection' && ANESTHESIA_BILLER.test(`${provider ?? ''} ${line.description ?? ''}`);
    const coded = anesthesia ? undefined : meaning?.kind === 'treatment' ? meaning.modality : meaning ? undefined : modalityFromText(line.description ?? '');
    if (!coded) { pushFacts(facts, out, where, row.line); continue; }
    // Therapy codes (97xxx) are shared by PT and OT: the GO modifier, or an OT / hand-therapy biller or service ("OT
    // treatment"), says occupational therapy.
    const byOt = modifiers.includes('GO') || (/\b(?:OT|OTR|occupational therapy|hand therapy|CHT)\b/i.test(`${provider ?? ''} ${cell('category')} ${line.description ?? ''}`)
      && !/\b(?:PT|physical therapy)\b/i.test(line.description ?? ''));
    const modality = coded === 'physical_therapy' && byOt ? 'occupational_therapy' : coded;
    if (enc.specialty === 'unknown') enc.specialty = MODALITIES[modality].providedBy?.[0] ?? 'unknown';
    if (flowsheet && (enc.specialty === 'physical_therapy' || enc.specialty === 'occupational_therapy')) enc.kind = 'pt_progress';
    const side = modifiers.includes('50') ? 'bilateral' as const : modifiers.includes('RT') ? 'right' as const : modifiers.includes('LT') ? 'left' as const : undefined;
    // Billing chiropractic manipulation without AT, where the biller uses AT elsewhere, is coded maintenance care; a row
    // that calls the visit so ("CMT 3-4 reg, EMS (supportive)") says it in words.
    const noAt = usesAt && !!codeInfo && isChiroSpinalCmt(codeInfo.code) && !modifiers.includes('AT');
    const maintenance = noAt ? 'maintenance, no AT modifier' : MAINTENANCE_ROW.test(line.description ?? '') ? 'maintenance' : undefined;
    const subtype = meaning?.kind === 'treatment' ? meaning.subtype ?? meaning.label : line.description;
    facts.push({
      ...base, id: `${doc.id}#f${++counters.f}`, type: 'treatment',
      attributes: {
        modality, subtype: maintenance ? `${subtype} (${maintenance})` : subtype, cpt: codeInfo?.code, status: planned ? 'planned' : 'performed',
        side, ...(NOT_THE_CLAIM.test(row.cells.join(' ')) ? { otherCondition: true } : {}),
      },
    });
    if (maintenance) facts.push({ ...base, id: `${doc.id}#f${++counters.f}`, type: 'plan_signal', attributes: { signal: 'maintenance_care', target: modality } });
    pushFacts(facts, out, where, row.line);
  }
  if (bad.length) {
    out.warnings.push(`${where}${bad.length} row${bad.length > 1 ? 's' : ''} with an unreadable date of service skipped (line${bad.length > 1 ? 's' : ''} ${bad.slice(0, 10).join(', ')}${bad.length > 10 ? ', …' : ''})`);
  }
}

function pushFacts(facts: unknown[], out: Parsed, where: string, line: number): void {
  for (const f of facts) {
    const parsed = FactSchema.safeParse(f);
    if (parsed.success) out.facts.push(parsed.data);
    else out.warnings.push(`${where}row ${line}: ${parsed.error.issues[0]?.message}`);
  }
}

function finish(doc: SourceDocument): SourceDocument {
  const out: Parsed = { encounters: [], facts: [], warnings: doc.warnings, benefitRows: 0 };
  const counters = { e: 0, f: 0 };
  for (const page of doc.pages) parsePage(doc, page, out, counters);
  // A carrier's register of wage benefits only (TTD, TPD, a schedule award) is read: it holds no medical service.
  if (out.encounters.length === 0 && out.benefitRows > 0) {
    out.warnings.push(`a benefit payment register (${out.benefitRows} wage-benefit or award row${out.benefitRows > 1 ? 's' : ''}): no medical services to read`);
  } else if (out.encounters.length === 0 && !out.fillHistory) {
    throw new ReadError(`ledger has no readable rows: ${out.warnings.join('; ') || 'empty'}`);
  }
  // (A pharmacy's fill history is kept as a paper of the file, with its warning, not failed.)
  doc.structured = { encounters: out.encounters, facts: out.facts };
  doc.meta.rows = out.encounters.reduce((n, e) => n + (e.billing?.length ?? 0), 0);
  return doc;
}

function setExhibit(doc: SourceDocument): SourceDocument {
  if (doc.exhibit) for (const p of doc.pages) p.exhibit = `${doc.exhibit}/${p.n}`;
  return doc;
}

export function readCsvLedger(id: string, file: string, bytes: Buffer, exhibit: string | undefined): SourceDocument {
  const text = decodeText(bytes);
  return finish(setExhibit({ id, file, kind: 'ledger', text, pages: pagesFromFormFeeds(text), exhibit, warnings: [], meta: {} }));
}

function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** XLSX: each worksheet is rendered as CSV text (one page per sheet) and cited like a CSV file. */
export async function readXlsxLedger(id: string, file: string, abs: string, exhibit: string | undefined): Promise<SourceDocument> {
  let r;
  try {
    r = await runIsolated({ task: 'xlsx', file: abs }, { timeoutMs: 30_000, memoryMb: 768 });
  } catch (err) {
    if (err instanceof ReadError) throw err;
    throw new ReadError(`unreadable Excel workbook: ${(err as Error).message}`);
  }
  const sheets = r.sheets.filter((s) => s.rows.length > 0);
  if (!sheets.length) throw new ReadError('Excel workbook has no data');
  const { text, pages } = joinPages(sheets.map((s) => s.rows.map((row) => row.map(csvCell).join(',')).join('\n')));
  return finish(setExhibit({ id, file, kind: 'ledger', text, pages, exhibit, warnings: [], meta: { sheets: sheets.map((s) => s.name).join(', ') } }));
}
