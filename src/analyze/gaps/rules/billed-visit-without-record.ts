import type { BillingAnalysis, Encounter } from '../../../model/index.js';
import { daysBetween } from '../../dates.js';
import { list, makeGap, NOT_AN_OPINION_SOURCE, recordsOffice } from '../helpers.js';
import type { GapRule } from '../types.js';
import { pushTo } from '../../../util/group.js';
import { specialtiesIn } from '../../../model/specialties.js';
import { lookupCode, THERAPY_SESSION_CODE } from '../../../knowledge/cpt.js';

/** Dates named in one request; the rest are counted, and every billed row is still cited. */
const MAX_DATES_NAMED = 12;

/** A facility's bill (surgery center, hospital, emergency department) is documented by the physician's note of that day. */
const FACILITY = /\b(?:surgery cent(?:er|re)|surgical cent(?:er|re)|ambulatory|ASC|hospital|medical cent(?:er|re)|regional|emergency)\b/i;
/** Where operations are done: its bill is documented by the operative report. */
const OPERATING_FACILITY = /\b(?:surgery cent(?:er|re)|surgical cent(?:er|re)|surgi-?center|ambulatory surgery|ASC)\b/i;
const PERSON = /\b(?:MD|DO|DPT|DC|NP|PA-C|PhD|PsyD|Dr)\b/;
const NOTE_OF_DAY = new Set(['procedure_note', 'operative_report', 'emergency_visit', 'imaging']);

/** Lines that are not a visit at all: pharmacy fills, supplies and equipment, dental (CDT D-codes), laboratory tests (CPT 80000-89999), no-show, cancel and records-fee codes, nurse case managers and vocational consultants (NCM, QRC), utilization-review and peer-review fees. */
const NOT_A_VISIT = /^(?:RX|NDC.*|[AEKL]\d{4}.*|D\d{4}|8\d{4}|340B|NS|CX|ROI|NCM|QRC|TTD|TPD|PPD|MIL|99080|UR|IMR|PR|P2P)$/i;
/**
 * The same, said in the line's description: also a carrier's payments that are not medical care (disability
 * benefits, mileage, case management), paperwork billed on its own (a form, a letter, a cost estimate) and personal care
 * at home (a home aide, respite), which keeps no medical record.
 */
const NOT_A_VISIT_DESCRIPTION = /\b(?:no[- ]show|cancell?ed|release of information|records? (?:request|copy|copies|fee)|pharmacy|refill|dental|extraction|TTD|TPD|PPD|PTD|SEB|supplemental earnings|temporary (?:total|partial) disability|indemnity|wage loss|mileage|travel|case management|case manager|NCM|cost estimate|letter|narrative fee|narrative (?:report|letter)|report to (?:counsel|attorney)|form completion|patient\/claim mismatch|wrong (?:patient|claimant)|returned to provider|home (?:health )?aide|personal care|attendant care|homemaker|companion care|respite)\b/i;
const PHARMACY = /\bpharmac(?:y|ies)\b/i;
/** A stay (inpatient rehabilitation, a hospital admission) is documented by the notes written during it, not on its first day. */
const STAY = /\b(?:stay|admission|admitted|inpatient|IRF|SNF|acute rehab\w*)\b/i;
const STAY_DAYS = 30;
/** An examination or test whose report is its record, often dated some days after it (IME, FCE, impairment rating). */
const EXAM_CODES = /^(?:IME|FCE|QME|AME|CE|97750|9945[56])\b/i;
const EXAM_BILLER = /\b(?:evaluations?|functional (?:capacity|testing)|work performance|IME|FCE|independent medical)\b/i;
const EXAM_REPORTS = new Set(['ime', 'fce', 'impairment_rating']);
const REPORT_DAYS = 30;
/** Anesthesia (00100-01999), assistant-at-surgery and facility lines belong to the operation's own record. */
const WITH_THE_OPERATION = (codes: string[], provider: string) => codes.some((c) => /^0[01]\d{3}/.test(c) || /-(?:80|81|82|AS)\b/.test(c)) || /\banesthes\w*|\bassist\w*|PA-C\b/i.test(provider);
const IMAGING_BILLER = /\b(?:imaging|radiology|MRI|diagnostic)\b/i;
/** CPT 70010-79999: diagnostic radiology. */
const IMAGING_CODE = /^7\d{4}\b/;
const THERAPY_BILLER = /\b(?:physical therapy|PT|OT|occupational therapy|rehab\w*|sports|chiropractic|chiro|hand (?:& \w+ )?therapy|aquatic)\b/i;
const THERAPY = specialtiesIn('therapy');
/** A ledger line that bills a whole episode: "OT x8 (episode 2)", "Chiropractic - 38 visits", "PT visits 1-12". */
const COURSE_LINE = /\b(?:x\s?\d{1,3}\b|\d{1,3}\s+(?:visits|sessions|treatments)\b|visits?\s+\d{1,3}\s*-\s*\d{1,3}\b|episode\b)/i;

/** Words that name this biller rather than any clinic ("hedwig", "allentown", "lehigh"). */
const GENERIC = new Set(['medical', 'center', 'centre', 'health', 'healthcare', 'services', 'hospital', 'group', 'associates', 'clinic', 'physicians', 'physician', 'regional', 'family', 'medicine', 'occupational', 'orthopaedic', 'orthopedic', 'sports', 'therapy', 'physical', 'surgery', 'surgical', 'imaging', 'radiology', 'pavilion', 'institute', 'specialists', 'partners', 'community', 'general', 'memorial', 'county', 'valley']);
function distinctive(name: string): string[] {
  return name.toLowerCase().replace(/\(.*?\)/g, ' ').split(/[^a-z]+/).filter((w) => w.length >= 5 && !GENERIC.has(w));
}

/** The note's file name, author or organisation carries one of the biller's own words. */
function namesBiller(e: Encounter, words: string[]): boolean {
  const hay = `${e.file} ${e.provider.name ?? ''} ${e.provider.organization ?? ''}`.toLowerCase().replace(/[_\-.]+/g, ' ');
  return words.some((w) => hay.includes(w));
}

/** "S:", "O:", "A:", "P:": a row written as a note. */
const SOAP_LABEL = /\b[SOAP]:/g;
/** A ledger that names no provider names the biller in its description ("Sunbelt Rehab PT x8", "San Joaquin Open MRI - MR arthrogram"). */
const UNNAMED = /^unnamed|^unknown|^$/i;
const billerOf = (m: BillingAnalysis['billedWithoutRecord'][number]) => (UNNAMED.test(m.provider) ? m.description ?? '' : m.provider);

function documentedElsewhere(row: BillingAnalysis['billedWithoutRecord'][number], notes: Encounter[]): boolean {
  const m = { ...row, provider: billerOf(row) };
  if (m.codes.length && m.codes.every((c) => NOT_A_VISIT.test(c))) return true;
  // A pharmacy's fills ("Specialty pharmacy (fremanezumab)", J-code and NDC) are dispensed, not a visit.
  if (PHARMACY.test(m.provider)) return true;
  if (m.description && m.description.split('; ').every((d) => NOT_A_VISIT_DESCRIPTION.test(d))) return true;
  const near = (days: number) => notes.filter((e) => Math.abs(daysBetween(e.date!, m.date)) <= days);
  if (STAY.test(m.description ?? '') && notes.some((e) => daysBetween(m.date, e.date!) >= 0 && daysBetween(m.date, e.date!) <= STAY_DAYS)) return true;
  // The report of an examination comes on or after its day, never before it (an earlier report is another exam's).
  const reportAfter = notes.some((e) => (EXAM_REPORTS.has(e.kind) || e.documentRole === 'examining') && daysBetween(m.date, e.date!) >= -1 && daysBetween(m.date, e.date!) <= REPORT_DAYS);
  if ((m.codes.some((c) => EXAM_CODES.test(c)) || EXAM_BILLER.test(m.provider)) && reportAfter) return true;
  if (WITH_THE_OPERATION(m.codes, m.provider) && near(1).some((e) => e.kind === 'operative_report' || e.kind === 'procedure_note')) return true;
  if (IMAGING_BILLER.test(m.provider) && near(3).some((e) => e.kind === 'imaging')) return true;
  const sameDay = near(1);
  // The biller's own words ("St. Hedwig Valley Hospital ED", "Allentown Occupational Health") in a note of that day
  // (its file name, author or organisation): the visit is documented, whoever signed the note.
  const words = distinctive(m.provider);
  if (words.length && sameDay.some((e) => namesBiller(e, words))) return true;
  if (!sameDay.length) return false;
  // A biller named as a person ("Trent W. Hollister MD (BV Emergency Physicians)") is the author of a note that day.
  // (A claims ledger writes the name surname first, "HALVORSEN C MD": any word of the name that is not an initial.)
  const names = m.provider.replace(/\(.*\)/g, '').replace(/,?\s*\b(?:MD|DO|DPT|PT|DC|NP|PA-C|PhD|PsyD|FNP-C|APRN)\b\.?/g, '').trim().toLowerCase().split(/[\s,.]+/).filter((w) => w.length > 2);
  if (PERSON.test(m.provider) && names.length && sameDay.some((e) => (e.provider.name ?? '').toLowerCase().split(/[\s,.]+/).some((w) => names.includes(w)))) return true;
  if (!PERSON.test(m.provider) && FACILITY.test(m.provider) && sameDay.some((e) => NOTE_OF_DAY.has(e.kind))) return true;
  // An emergency physician billing through the ED group ("WEXFORD JONAH P DO (EMERGENCY PHYS GROUP)") wrote that day's ED record.
  if (/\bemergency\b|\bER\b|\bED\b/i.test(m.provider) && sameDay.some((e) => e.kind === 'emergency_visit')) return true;
  // A practice or facility bills under its own name for the physician's note of that day ("Allentown Occupational
  // Health" for Dr Duong's visit, "Valley Orthopaedic" for the operative report).
  return !PERSON.test(m.provider) && sameDay.some((e) => e.kind !== 'billing' && e.kind !== 'imaging');
}

export const rule: GapRule = {
  meta: {
    id: 'billed-visit-without-record',
    title: 'Billed visit with no treatment note in the file',
    severity: 'medium',
    rationale: 'A ledger line shows the claimant was seen, but the note that says what was found and done is missing. The record must be complete: the claimant must submit all evidence known to relate to the claim, and the agency must develop the complete medical history from each treating source.',
    authority: { cite: '20 CFR 404.1512(a)-(b) (duty to submit all evidence; developing the complete medical history)', url: 'https://www.ecfr.gov/current/title-20/section-404.1512' },
    profiles: ['ssdi', 'ssi', 'workers_comp', 'personal_injury', 'general'],
    request: { to: 'the billing provider', ask: 'Please send the office/treatment notes for the visits billed on the dates listed.' },
    keyed: true,
  },
  check(ctx) {
    // (A visit log's dated rows written as notes, "01/10/2023  V2  S: Pt reports pain 3/10 … O: …", are each a
    // documented visit; a log of dates and key findings is not the visits' notes.)
    const notes = ctx.encounters ? [...ctx.encounters.values()].filter((e) => e.source !== 'ledger' && e.kind !== 'billing' && e.date)
      .flatMap((e) => [e, ...(e.visitRows ?? []).filter((r) => (r.evidence.quote.match(SOAP_LABEL) ?? []).length >= 2).map((r) => ({ ...e, date: r.date }))]) : [];
    // A billed study that the notes describe ("MRI 04/15/22 reviewed") is imaging-report-missing's request for its
    // report; asking the imaging centre a second time, for an "office note", would be the same request twice.
    const studiesDescribed = ctx.of('treatment').filter((f) => f.attributes.modality === 'imaging_study' && ['performed', 'completed'].includes(f.attributes.status))
      .map((f) => ctx.dateOf(f)).filter((d): d is string => !!d);
    const askedAsImaging = (m: BillingAnalysis['billedWithoutRecord'][number]) => (IMAGING_BILLER.test(m.provider) || m.codes.some((c) => IMAGING_CODE.test(c)))
      && studiesDescribed.some((d) => Math.abs(daysBetween(d, m.date)) <= 3);
    // Likewise a surgery centre's bill, or anyone's bill coded as an operation, for an operation the notes describe
    // ("s/p ORIF 03/21/2023"): its record is the operative report, which procedure-record-missing asks the surgeon for.
    const operationsDescribed = ctx.of('treatment', true).filter((f) => f.attributes.modality === 'surgery' && ['performed', 'completed'].includes(f.attributes.status)
      && ctx.encounterOf(f)?.source !== 'ledger').map((f) => ctx.dateOf(f)).filter((d): d is string => !!d);
    const billsOperation = (m: BillingAnalysis['billedWithoutRecord'][number]) => (!PERSON.test(billerOf(m)) && OPERATING_FACILITY.test(billerOf(m)))
      || m.codes.some((c) => { const meaning = lookupCode(c); return meaning?.kind === 'treatment' && meaning.modality === 'surgery'; });
    const askedAsOperation = (m: BillingAnalysis['billedWithoutRecord'][number]) => billsOperation(m) && operationsDescribed.some((d) => Math.abs(daysBetween(d, m.date)) <= 1);
    const missing = (ctx.billing?.billedWithoutRecord ?? []).filter((m) => !documentedElsewhere(m, notes) && !askedAsImaging(m) && !askedAsOperation(m));
    const byProvider = new Map<string, BillingAnalysis['billedWithoutRecord']>();
    for (const m of missing) pushTo(byProvider, m.provider, m);
    // Many sessions of a therapy course whose notes are in part present, or any session of a therapist whose own notes
    // are in the file (a ledger row that bills "visits 1-8" as one line): the missing daily notes are
    // therapy-notes-missing's request to the same office, not a second one.
    const therapyBiller = (provider: string, items: BillingAnalysis['billedWithoutRecord']) => THERAPY_BILLER.test(provider)
      || items.every((m) => THERAPY_BILLER.test(`${billerOf(m)} ${m.description ?? ''}`) || (m.codes.length && m.codes.every((c) => THERAPY_SESSION_CODE.test(c))));
    const partlyDocumentedCourse = (provider: string, items: BillingAnalysis['billedWithoutRecord']) => {
      if (!therapyBiller(provider, items)) return false;
      const words = distinctive(UNNAMED.test(provider) ? items.map(billerOf).join(' ') : provider);
      return items.some((m) => notes.some((e) => THERAPY.has(e.specialty) && Math.abs(daysBetween(e.date!, m.date)) <= 60
        && (items.length >= 3 || namesBiller(e, words))));
    };
    // A whole episode billed as one line ("OT x8 (episode 2)", "Chiropractic - 38 visits") by a therapist whose own
    // records are in the file, of whatever episode (a clinic's episode summaries): its daily notes are
    // therapy-notes-missing's to ask for, the line is no visit of its own.
    // (Asked once per biller: a ledger may bill one clinic thousands of times.)
    const onFile = new Map<string, boolean>();
    const ownRecordsOnFile = (provider: string) => {
      if (!onFile.has(provider)) {
        const words = distinctive(provider);
        onFile.set(provider, words.length > 0 && notes.some((e) => THERAPY.has(e.specialty) && namesBiller(e, words)));
      }
      return onFile.get(provider)!;
    };
    for (const [provider, items] of byProvider) {
      const lines = items.filter((m) => !(COURSE_LINE.test(m.description ?? '') && therapyBiller(provider, [m]) && ownRecordsOnFile(billerOf(m))));
      if (lines.length) byProvider.set(provider, lines); else byProvider.delete(provider);
    }
    return [...byProvider].filter(([provider, items]) => !partlyDocumentedCourse(provider, items)).map(([provider, items]) => {
      const dates = items.map((i) => i.date);
      const named = dates.slice(0, MAX_DATES_NAMED);
      const more = dates.length - named.length;
      const dateList = `${list(named)}${more > 0 ? ` and ${more} more date${more > 1 ? 's' : ''}` : ''}`;
      const services = [...new Set(items.flatMap((i) => i.codes))];
      // What the codes bill, where the code table knows ("95913" is nerve conduction studies).
      const withLabel = (c: string) => { const label = lookupCode(c)?.label; return label ? `${c} (${label})` : c; };
      // (A test or procedure has a report; a therapy session's record is its note.)
      const billedFor = [...new Set(services.filter((c) => !THERAPY_SESSION_CODE.test(c)).map((c) => lookupCode(c)).filter((m) => m?.kind === 'treatment').map((m) => m!.label))];
      const plural = dates.length > 1;
      const unnamed = UNNAMED.test(provider);
      return makeGap(rule.meta, {
        why: `The ledger bills ${unnamed ? 'a provider it does not name' : provider} for ${dates.length} date${plural ? 's' : ''} of service (${dateList}${services.length ? `; code${services.length > 1 ? 's' : ''} ${list(services.slice(0, 8).map(withLabel))}` : ''}) with no note from that provider in the file.`,
        // The records request goes to the biller; a reading radiologist or an emergency group is asked through its records office.
        to: unnamed ? 'the medical records office of the provider billed in the ledger' : NOT_AN_OPINION_SOURCE.test(provider) ? recordsOffice(undefined, 'the billing provider named in the request') : provider,
        ask: `Please send the office/treatment note${plural ? 's' : ''}${billedFor.length ? ` or report${plural ? 's' : ''} (${list(billedFor.slice(0, 4))})` : ''}${unnamed || !NOT_AN_OPINION_SOURCE.test(provider) ? '' : ` of ${provider}`} for the visit${plural ? 's' : ''} billed on ${dateList}.`,
        evidence: items.flatMap((i) => i.evidence),
      });
    });
  },
};
