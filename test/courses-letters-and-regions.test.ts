import { describe, expect, it } from 'vitest';
import { of } from './helpers/facts-of.js';
import { textDoc } from './helpers/extract-doc.js';
import { analyzeCase } from '../src/analyze/index.js';
import { classifyDocument } from '../src/segment/document-role.js';
import { bodyRegionIn } from '../src/knowledge/relevance.js';
import { mapHeaders } from '../src/ingest/ledger.js';
import { splitEncounters } from '../src/segment/encounters.js';
import { CaseBuilder, type ProviderSpec } from './helpers/facts.js';
import { expectValidCitations } from './helpers/citations.js';

const APRN: ProviderSpec = { name: 'T. Blackburn', credential: 'APRN', specialty: 'primary_care' };
const PT: ProviderSpec = { name: 'B. Ratliff', credential: 'PT', specialty: 'physical_therapy', kind: 'pt_progress' };
const DC: ProviderSpec = { name: 'W. Osborne', credential: 'DC', specialty: 'chiropractic' };

function run(b: CaseBuilder, claim: Parameters<CaseBuilder['input']>[0]) {
  const a = analyzeCase(b.input(claim));
  expectValidCitations(a, b.documents());
  return a;
}

describe('MMI: a course of therapy abandoned after a few sessions is not care carried through', () => {
  // A thin primary-care record: chiropractic and PT tried and dropped, PT asked for again at the last visit.
  const thin = (ptSessions: number) => {
    const b = new CaseBuilder();
    for (const d of ['2022-02-14', '2022-11-09']) b.visit(d, APRN).fact('treatment', { modality: 'medication', status: 'ongoing', drug: 'naproxen' }, 'Continue naproxen 500 mg BID.');
    for (const d of ['2022-03-01', '2022-03-04', '2022-03-08']) b.visit(d, DC).fact('treatment', { modality: 'chiropractic', status: 'performed' }, 'Spinal CMT, lumbar.');
    b.fact('treatment', { modality: 'chiropractic', status: 'discontinued', sessions: 3 }, 'Care discontinued after 3 visits: patient cannot afford the co-pay.');
    for (let i = 0; i < ptSessions; i++) b.visit(`2023-05-${String(2 + 3 * i).padStart(2, '0')}`, PT).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'Therapeutic exercise 97110 x 3 units.');
    b.visit('2023-06-20', { ...PT, kind: 'pt_discharge' }).fact('treatment', { modality: 'physical_therapy', status: 'discontinued' }, 'Discharged from PT for non-attendance.');
    b.visit('2023-10-11', APRN).fact('treatment', { modality: 'physical_therapy', status: 'recommended' }, 'Re-refer PT closer to home if available (waitlist).');
    return b;
  };
  it.each([
    ['two PT visits and three chiropractic visits, each broken off, then PT asked for again: no course to judge', 2, true],
    ['six PT visits before the discharge: a course was given', 6, false],
  ])('%s', (_name, sessions, noCourse) => {
    const { mmi } = run(thin(sessions), { type: 'ssi', onset: '2021-06-01' });
    expect(mmi.status).toBe('insufficient_evidence');
    expect(mmi.reasons[0].text.startsWith('No course of active treatment has been carried through')).toBe(noCourse);
  });

  it('an operation years before the onset does not count as care given for the period claimed', () => {
    const b = new CaseBuilder()
      .visit('2011-06-14', { name: 'P. Rowntree', credential: 'MD', specialty: 'orthopedic_surgery', kind: 'operative_report' })
      .fact('treatment', { modality: 'surgery', status: 'performed' }, 'Right proximal femoral derotation osteotomy.');
    for (const d of ['2023-07-11', '2024-01-24', '2024-05-02']) {
      b.visit(d, APRN).fact('treatment', { modality: 'medication', status: 'ongoing', drug: 'baclofen' }, 'Baclofen 10 mg TID refilled.')
        .fact('treatment', { modality: 'physical_therapy', status: 'recommended' }, 'PT evaluation once insured.');
    }
    const { mmi } = run(b, { type: 'ssi', onset: '2023-03-15' });
    expect(mmi.status).toBe('insufficient_evidence');
    expect(mmi.reasons[0].text).not.toContain('2011');
  });
});

describe('a law office\'s letter: its title is above the salutation', () => {
  const letter = (heading: string, where: 'above' | 'below') => {
    const head = `HOLLIS & AMANI, LLP
Trial Lawyers
900 SW Alder Crest St, Suite 1700, Portland, OR 97205

July 15, 2024
`;
    const body = `Dear Mr. Tolliver:

This office represents Corinne Thibodeaux for injuries she sustained on 02/17/2023.
`;
    const rest = `
${heading}
Your examiner saw her for twenty minutes and reviewed none of the physiatry records.
`;
    return textDoc(where === 'above' ? `${head}\n${heading}\n\n${body}` : `${head}\n${body}${rest}`, '10_letter.txt');
  };
  it.each([
    ['an examination named as a heading of the argument', 'THE DEFENSE MEDICAL EXAMINATION', 'below', 'administrative'],
    ['a records review named as the paper\'s own title', 'MEDICAL RECORDS REVIEW (NO EXAMINATION)', 'above', 'examining'],
  ])('%s', (_name, heading, where, role) => {
    expect(classifyDocument(letter(heading, where as 'above' | 'below')).role).toBe(role);
  });
});

describe('MMI statements: the point waited for, and Massachusetts\'s "medical end result"', () => {
  it.each([
    ['Comments: Same - reassess at medical stability. - HST', undefined],
    ['Will rate impairment upon reaching MMI.', 'hypothetical'],
    ['Permanency will be addressed at MMI.', 'hypothetical'],
    ['Patient is at medical stability.', 'current'],
    ['He is at MMI as of today.', 'current'],
  ])('%s', (text, temporality) => {
    expect(of(text, 'mmi_statement')[0]?.temporality).toBe(temporality);
  });
  it.each([
    ['Ms. Carvalho reached a medical end result on 02/13/2024.', 'mmi'],
    ['She reached a medical end result as of my 02/13/2024 visit.', 'mmi'],
    ['She has not reached a medical end result.', 'not_at_mmi'],
    ['He has reached an end medical result.', 'mmi'],
  ])('%s', (text, kind) => {
    expect(of(text, 'mmi_statement')[0]?.attributes.kind).toBe(kind);
  });
});

describe('a narrative\'s judgement of the care so far names past care', () => {
  const surgery = (text: string) => of(text, 'treatment').find((f) => f.attributes.modality === 'surgery');
  it('"Treatment to date was reasonable … : surgery" is care already given, not given on the letter\'s day', () => {
    expect(surgery('3. Treatment to date was reasonable, medically necessary and related to the fall: emergency care, surgery and hospitalization, inpatient rehabilitation (02/23-03/10/2023), home health (03/13-04/07/2023), outpatient physical therapy (04/12-07/21/2023, 26 visits) and my office visits with X-rays.')?.temporality).toBe('historical');
  });
  it('"reasonable and necessary" said of an operation proposed is still a recommendation', () => {
    expect(surgery('Surgery is reasonable and necessary, and I recommend a hemiarthroplasty.')?.attributes.status).toBe('recommended');
  });
});

describe('body regions named by their bones', () => {
  it.each([
    ['Displaced right femoral neck fracture', 'hip'],
    ['Neck pain with radiation to the shoulder', 'cervical'],
    ['Bicondylar tibial plateau fracture', 'knee'],
    ['Distal radius fracture, ORIF', 'wrist'],
    ['Trimalleolar fracture, left', 'ankle'],
    ['Full-thickness rotator cuff tear', 'shoulder'],
    ['Intertrochanteric fracture after a fall', 'hip'],
    ['Complex tear of the medial meniscus', 'knee'],
    ['Right carpal tunnel release', 'wrist'],
    ['Lateral epicondylitis, chronic', 'elbow'],
    ['Left sacroiliac joint injection', 'lumbar'],
    ['Achilles tendinopathy', 'ankle'],
  ])('%s', (text, region) => expect(bodyRegionIn(text)).toBe(region));
});

describe('exercise the claimant does at home or in a pool is not a therapy course', () => {
  it.each([
    ['Continue amitriptyline 25 mg qhs. Home/aquatic exercise. RTC 3 months.', 'home_exercise'],
    ['Home and pool exercises daily.', 'home_exercise'],
    ['Aquatic exercises 3x/week for 6 weeks.', 'physical_therapy'],
    ['Aquatic PT twice weekly.', 'physical_therapy'],
  ])('%s', (text, modality) => {
    expect(of(text, 'treatment').find((f) => f.attributes.modality !== 'medication')?.attributes.modality).toBe(modality);
  });
});

describe('a drug started "as a trial" whose benefit the next visit will judge', () => {
  it.each([
    ['Tramadol 50 mg q8h prn, as a trial - will judge benefit at next visit.', true],
    ['Will assess response to the new dose at the next appointment.', true],
    ['Continue tramadol prn. RTC 3 months.', false],
  ])('%s', (text, pending) => {
    expect(of(text, 'plan_signal').some((f) => f.attributes.signal === 'response_pending')).toBe(pending);
  });
});

describe('Massachusetts: the s. 11A impartial examiner\'s medical end result governs', () => {
  const impartial: ProviderSpec = { name: 'C. Brannigan', credential: 'MD', specialty: 'orthopedic_surgery', kind: 'ime', documentRole: 'examining', documentTitle: 'IMPARTIAL MEDICAL EXAMINATION - G.L. c. 152, Section 11A' };
  const insurer: ProviderSpec = { name: 'H. Pressman', credential: 'MD', specialty: 'orthopedic_surgery', kind: 'ime', documentRole: 'examining', documentTitle: 'SECTION 45 INDEPENDENT MEDICAL EXAMINATION' };
  const surgeon: ProviderSpec = { name: 'G. Almeida', credential: 'MD', specialty: 'orthopedic_surgery' };
  const record = () => new CaseBuilder()
    .visit('2023-06-20', insurer).fact('mmi_statement', { kind: 'mmi' }, 'She has reached a medical end result.')
    .visit('2023-08-08', surgeon).fact('mmi_statement', { kind: 'not_at_mmi' }, 'She has not reached a medical end result; MRI shows an insufficiency fracture.')
    .visit('2024-05-14', impartial).fact('mmi_statement', { kind: 'mmi', mmiDate: '2024-02-13' }, 'Ms. Carvalho reached a medical end result on 02/13/2024.');
  it('in MA the impartial\'s date is the verdict, with its authority', () => {
    const { mmi } = run(record(), { type: 'workers_comp', state: 'MA', onset: '2022-09-14' });
    expect([mmi.status, mmi.date, mmi.statedBy]).toEqual(['explicit', '2024-02-13', 'C. Brannigan, MD (orthopedic surgery)']);
    expect(mmi.reasons.map((r) => r.text).join(' ')).toContain('s. 11A');
  });
});

describe('requests and reports of an earlier paper are not findings of the visit', () => {
  it.each([
    ['01/16/2024  Request rec\'d from Ruiz & Calloway, P.A.: records + physician narrative (MMI, impairment rating, future care).', 'hypothetical'],
    ['Please provide a narrative report addressing MMI, impairment rating and future care.', 'hypothetical'],
    ['Of note, the Attending Physician Statement I completed for Longview LTD on 06/20/2022 indicated MMI.', 'historical'],
    ['She reached MMI on 03/04/2024.', 'current'],
  ])('%s', (text, temporality) => expect(of(text, 'mmi_statement')[0]?.temporality).toBe(temporality));
});

describe('MMI: an old MMI told of and taken back at the same visit', () => {
  const NEURO: ProviderSpec = { name: 'S. Achterberg', credential: 'MD', specialty: 'neurology' };
  it('is the prior MMI, not the verdict', () => {
    const b = new CaseBuilder()
      .visit('2022-06-20', NEURO).fact('mmi_statement', { kind: 'plateau' }, 'No further improvement expected.')
      .visit('2022-09-13', NEURO).fact('mmi_statement', { kind: 'mmi' }, 'The Attending Physician Statement I completed on 06/20/2022 indicated MMI.', { temporality: 'historical' })
      .fact('mmi_statement', { kind: 'not_at_mmi' }, 'That statement is withdrawn; a corrected APS (MMI: No) was faxed today.')
      .fact('treatment', { modality: 'surgical_consultation', status: 'planned' }, 'Epilepsy surgery evaluation scheduled for 10/17/2022.');
    const { mmi } = run(b, { type: 'ssdi', onset: '2021-03-01' });
    expect(mmi.status).not.toBe('explicit');
    expect(mmi.reasons.some((r) => /no longer at MMI/.test(r.text))).toBe(true);
  });
});

describe('MMI: an examiner\'s "not at MMI" is a conflict, not the verdict', () => {
  const SURGEON: ProviderSpec = { name: 'P. Venkataraman', credential: 'MD', specialty: 'orthopedic_surgery' };
  const EXPERT: ProviderSpec = { name: 'L. Fairbanks', credential: 'MD', specialty: 'orthopedic_surgery', kind: 'ime', documentRole: 'examining' };
  it('after a year of maintenance visits the pattern of care decides, and the expert is listed as disagreeing', () => {
    const b = new CaseBuilder()
      .visit('2023-03-09', { ...SURGEON, kind: 'operative_report' }).fact('treatment', { modality: 'surgery', status: 'performed' }, 'Removal of flexible nails, left femur.')
      .visit('2023-05-04', SURGEON).fact('plan_signal', { signal: 'follow_up_prn' }, 'Full activity. Return in 6 months for leg-length check.')
      .visit('2023-11-09', SURGEON).fact('plan_signal', { signal: 'continue_current_management' }, 'Leg lengths stable. Continue observation.')
      .visit('2024-05-16', SURGEON).fact('plan_signal', { signal: 'continue_current_management' }, 'Stable 9 mm difference. Observation.')
      .visit('2024-07-11', EXPERT).fact('mmi_statement', { kind: 'not_at_mmi' }, 'He will not reach maximum medical improvement until skeletal maturity.');
    const { mmi } = run(b, { type: 'personal_injury' });
    expect([mmi.status, mmi.date]).toEqual(['implied', '2023-05-04']);
    expect(mmi.conflicts.map((c) => c.text).join(' ')).toContain('L. Fairbanks');
  });
});

describe('ledger date columns as carriers and firms name them', () => {
  it.each([
    [['Type', 'Date of Service / Period', 'Payee', 'Code', 'Description', 'ICD-10', 'Billed', 'Allowed'], 1],
    [['claim_no', 'txn_date', 'payee', 'category', 'service_or_period', 'cpt_or_code', 'billed', 'paid'], 4],
    [['provider', 'first_dos', 'last_dos', 'visits', 'billed', 'paid_by_health_ins', 'balance_lop', 'notes'], 1],
    [['provider', 'date_from', 'date_to', 'service', 'billed', 'paid_by_health_plan', 'balance'], 1],
    [['Paid Date', 'Payee', 'Type', 'Code(s)', 'Description', 'Service/Period', 'Billed', 'Paid'], 5],
    [['provider', 'dates_of_service', 'description', 'cpt', 'charges', 'balance'], 1],
    [['line', 'service_or_paid_date', 'payee', 'type', 'code', 'description', 'billed', 'paid'], 1],
  ])('%j: column %i', (cells, at) => expect(mapHeaders(cells).date).toBe(at));
});

describe('a tribunal\'s notice of hearing is an administrative paper', () => {
  it('its list of issues and directions yields no care', () => {
    const doc = textDoc(`                        THE INDUSTRIAL COMMISSION OF ARIZONA
                               ADMINISTRATIVE LAW JUDGE DIVISION
                   800 W. Washington St, Phoenix, AZ 85007

JANE R. DOE, Applicant                                   ICA Claim No. 20243-290614
ACME HOME SUPPLY, LLC, Defendant Employer                Date of injury: 10/07/2024

                                  NOTICE OF HEARING
                                   Mailed: 06/27/2025

ISSUES:
   1. Whether the applicant's condition became medically stationary on 02/11/2025.
4. Applicant shall disclose all records of Pinal Hand & Physical Therapy in her possession.
`, '09_ICA_Notice_of_Hearing.txt');
    expect(classifyDocument(doc)).toMatchObject({ role: 'administrative', kind: 'adjudication' });
  });
});

describe('a release line carried onto the next line is not a visit date', () => {
  it('"Released to: SSA …; supplemented / 10/30/2024 for counsel" above the first note', () => {
    const doc = textDoc(`                                                                   EXHIBIT 4F   Page 1 of 6
LAKESHORE BEHAVIORAL HEALTH CENTER - ELECTROCONVULSIVE THERAPY SERVICE
1180 Tokay Blvd, Madison, WI 53711      ECT Suite Ph (608) 555-0377   HIM Fax (608) 555-0389
-----------------------------------------------------------------------------------------------
Patient: DOE, JANE K      DOB: 05/23/1986      MRN: LBH-0192284
Released to: Social Security Administration / DDS (request dated 05/02/2023); supplemented
  10/30/2024 for Doe Disability Advocates
-----------------------------------------------------------------------------------------------

ECT CONSULTATION                                    Date of service: 10/27/2022 (inpatient)
Consultant: Martin J. Roe, MD (Director, ECT Service)

Reason: Severe bipolar I depression with suicidal ideation. ECT is indicated.
`, 'ect.txt');
    expect(splitEncounters(doc).map((e) => e.date)).not.toContain('2024-10-30');
  });
});

