import { describe, expect, it } from 'vitest';
import { of } from './helpers/facts-of.js';
import { textDoc } from './helpers/extract-doc.js';
import { splitEncounters } from '../src/segment/encounters.js';
import { classifyEncounter } from '../src/segment/classify.js';
import { extractFacts } from '../src/extract/index.js';
import { markRefills } from '../src/extract/copy-forward.js';
import { buildContext } from '../src/analyze/case-context.js';
import { profileFor } from '../src/profiles/index.js';
import type { Specialty } from '../src/model/index.js';
import { CaseBuilder } from './helpers/facts.js';
import { processDocument } from '../src/pipeline.js';
import { harmonizeAuthors } from '../src/segment/harmonize.js';
import { patientIdentity } from '../src/segment/identity.js';

const imaging = (text: string) => of(text, 'treatment').filter((f) => f.attributes.modality === 'imaging_study');

describe('"CT" is a scan; "Ct." is a court or a street', () => {
  it.each([
    ['CT lumbar spine 03/02/2024: no fracture.', 1],
    ['ct head neg for bleed; CT chest ordered.', 2],
    ['CTs of the chest were reviewed with him.', 1],
    ['CAT scan of the head in the ED.', 1],
    ['Committed by order of the Probate Ct. on 02/09/2023 for 180 days.', 0],
    ['Lives at 14 Birch Ct. with her mother.', 0],
    ['Superior Ct. docket CV-23-0417 (hearing 05/02).', 0],
  ])('%s', (text, n) => expect(imaging(text)).toHaveLength(n));
});

describe('a study\'s reason for ordering, in brackets, does not make it a plan', () => {
  it.each([
    ['CT chest 04/26/2023 (ordered to exclude bronchiectasis): mild cylindrical bronchiectasis.', 'performed'],
    ['MRI brain (ordered by neurology): no acute infarct.', 'performed'],
    ['MRI lumbar spine ordered to rule out a recurrent disc.', 'planned'],
    ['Will order CT of the lumbar spine.', 'planned'],
  ])('%s', (text, status) => expect(imaging(text)[0]?.attributes.status).toBe(status));
});

describe('a study done during a hospital stay, in a summary dated by the admission', () => {
  const summary = (header: string) => `RIVERBEND GENERAL HOSPITAL
DISCHARGE SUMMARY
Patient: DOE, JOHN        MRN: 0091274
${header}
HOSPITAL COURSE: Brought by EMS with right-sided weakness. MRI brain 02/12/2023: acute infarct left frontal
operculum; no hemorrhagic conversion. Started apixaban 5 mg BID on day 4 per neurology.
`;
  const mri = (header: string) => {
    const doc = textDoc(summary(header));
    return extractFacts(doc, splitEncounters(doc)).find((f) => f.type === 'treatment' && f.attributes.modality === 'imaging_study');
  };
  it('between admission and discharge: done on its own date', () => {
    const f = mri('Admit: 02/11/2023 18:42             Discharge: 02/16/2023 11:15');
    expect(f?.type === 'treatment' && f.attributes.status).toBe('performed');
    expect(f?.date).toBe('2023-02-12');
  });
  it('after the visit, with no stay in the header: a date the visit cannot have done', () => {
    const f = mri('Date of service: 02/11/2023            Anticipated discharge: 02/16/2023');
    expect(f?.type === 'treatment' && f.attributes.status).toBe('planned');
  });
});

describe('two signed statements of one title in one file', () => {
  const form = (date: string, answer: string) => `TOMCZAK DISABILITY ADVOCATES - MULTIPLE SCLEROSIS MEDICAL SOURCE STATEMENT (PHYSICAL)

Patient: Jane Q. Doe        DOB: 02/11/1984
Physician: Tobias L. Arndt, MD (Neurology)     Frequency of treatment: every 3-4 months

1. Diagnosis: Relapsing-remitting multiple sclerosis (G35).
4. Has the patient reached maximum medical improvement?   ${answer}
7. Stand/walk (total):     [X] about 4 h   [ ] at least 6 h

Signature: Tobias L. Arndt, MD                Date: ${date}
`;
  const dates = (text: string) => splitEncounters(textDoc(text)).map((e) => e.date);
  it('a later statement after the first was signed and dated is its own paper, dated by its signature', () => {
    expect(dates(`${form('12/20/2022', '[X] Yes   [ ] No')}\f(Form continuation page - blank)\n\f${form('03/12/2024', '[ ] Yes   [X] No')}`)).toEqual(['2022-12-20', '2024-03-12']);
  });
  it('the same form\'s unsigned first page continues on the next', () => {
    const [first, second] = form('12/20/2022', '[X] Yes   [ ] No').split('7. Stand');
    expect(dates(`${first}\fTOMCZAK DISABILITY ADVOCATES - MULTIPLE SCLEROSIS MEDICAL SOURCE STATEMENT (PHYSICAL)\n7. Stand${second}`)).toEqual(['2022-12-20']);
  });
});

describe('"SCS" after a therapist\'s degrees is a board certification, not a stimulator', () => {
  it.each([
    ['Signed: Alyssa Borkowski, PT, DPT, SCS      Records released 11/14/2023', false],
    ['Treating therapist: J. Moss, DPT, SCS, CSCS', false],
    ['SCS trial planned for April.', true],
    ['Referred for an SCS trial; the DPT notes were reviewed.', true],
  ])('%s', (text, found) => expect(of(text, 'treatment').some((f) => f.attributes.modality === 'spinal_cord_stimulator')).toBe(found));
});

describe('a drug stopped and begun again is a treatment change, not a refill', () => {
  const meds = (text: string) => of(text, 'treatment').filter((f) => f.attributes.modality === 'medication').map((f) => [f.attributes.drug, f.attributes.doseChange]);
  it.each([
    ['Client off sertraline since about 12/2023.', ['sertraline', 'stopped']],
    ['Patient off all opioids since May.', [undefined, 'stopped']],
  ])('%s', (text, read) => expect(meds(text)).toContainEqual(read));
  it.each([
    'She is off work since 03/2023 and takes sertraline 100 mg daily.',
    'He has been off duty, on gabapentin 300 mg TID.',
  ])('%s', (text) => expect(meds(text).some(([, change]) => change === 'stopped')).toBe(false));

  const course = (second: string) => {
    const doc = textDoc(`DATE OF SERVICE: 07/11/2023\nPlan: Start sertraline 50 mg daily.\n\nDATE OF SERVICE: 04/30/2024\n${second}\n`);
    const encounters = splitEncounters(doc);
    const facts = extractFacts(doc, encounters);
    markRefills(facts, encounters);
    return facts.filter((f) => f.type === 'treatment' && f.date === '2024-04-30' && f.attributes.drug === 'sertraline').map((f) => f.type === 'treatment' && f.attributes.doseChange);
  };
  it('begun again after the note says it was stopped', () => expect(course('Client off sertraline since about 12/2023. Plan: Start sertraline 50 mg daily.')).toContain('started'));
  it('prescribed again while taken: a refill', () => expect(course('Taking sertraline daily. Plan: Start sertraline 50 mg daily.')).not.toContain('started'));
});

describe('drugs of the conditions claims are made for beside the spine', () => {
  const drug = (text: string) => of(text, 'treatment').find((f) => f.attributes.modality === 'medication');
  it.each([
    ['Vedolizumab 300 mg IV every 8 weeks.', 'vedolizumab', 'biologic DMARD', undefined],
    ['Creon 36,000 units with meals.', 'pancrelipase', 'pancreatic enzyme', undefined],
    ['Tacrolimus 2 mg BID, trough 8.1.', 'tacrolimus', 'immunosuppressant', undefined],
    ['Nintedanib 150 mg BID added 02/2024.', 'nintedanib', 'antifibrotic', undefined],
    ['Meclizine 25 mg prn vertigo.', 'meclizine', 'antivertigo', undefined],
    ['Hydroxyurea 1,000 mg daily.', 'hydroxyurea', 'antisickling agent', undefined],
    ['Biktarvy 1 tab daily, viral load undetectable.', 'bictegravir/emtricitabine/tenofovir', 'antiretroviral', undefined],
    ['Loperamide 4 mg QID for pouch frequency.', 'loperamide', 'antidiarrheal', true],
    ['Ciprofloxacin 500 mg BID x 10 days for UTI.', 'ciprofloxacin', 'antibiotic', true],
    ['Zofran 4 mg prn nausea.', 'ondansetron', 'antiemetic', true],
    ['Opicapone 50 mg qhs added for wearing off.', 'opicapone', 'antiparkinsonian', undefined],
    ['Start droxidopa 100 mg TID for orthostatic hypotension.', 'droxidopa', 'orthostatic hypotension agent', undefined],
    ['Midodrine 10 mg TID, supine BP monitored.', 'midodrine', 'orthostatic hypotension agent', undefined],
    ['Add fludrocortisone 0.1 mg daily.', 'fludrocortisone', 'orthostatic hypotension agent', undefined],
    ['Started Epclusa 1 tab daily x 12 weeks.', 'sofosbuvir/velpatasvir', 'hepatitis C antiviral', undefined],
    ['Mavyret 3 tabs daily with food, week 4 of 8.', 'glecaprevir/pibrentasvir', 'hepatitis C antiviral', undefined],
  ])('%s', (text, name, drugClass, other) => {
    const f = drug(text);
    expect([f?.attributes.drug, f?.attributes.drugClass, f?.attributes.otherCondition]).toEqual([name, drugClass, other]);
  });
});

describe('diagnostic studies reviewers list with the imaging', () => {
  const studies = (text: string) => of(text, 'treatment').filter((f) => f.attributes.modality === 'imaging_study').map((f) => [f.attributes.subtype, f.attributes.status]);
  it.each([
    ['EMG/NCS was done on 01/10/2023: moderate right median neuropathy.', ['EMG/NCS', 'performed']],
    ['Nerve conduction studies showed moderate median neuropathy at the wrist.', ['EMG/NCS', 'performed']],
    ['Will order EMG of the right arm.', ['EMG/NCS', 'planned']],
    ['Echo EF 55%, no thrombus.', ['echocardiogram', 'performed']],
    ['Serial TTE: LVEF 25%.', ['echocardiogram', 'performed']],
    ['XR R elbow 3 views: no osteophytes.', ['x-ray', 'performed']],
    ['Repeat MRI in 6 months.', ['MRI', 'planned']],
    ['Repeat echocardiogram in 6 months.', ['echocardiogram', 'planned']],
  ])('%s', (text, read) => expect(studies(text)).toContainEqual(read));
  it.each([
    'R moderate-severe CTS on exam; night splints.',
    'She can echo the instructions back.',
  ])('%s', (text) => expect(studies(text)).toEqual([]));
});

describe('a function that declines is not a claimant who declines', () => {
  it.each([
    ['Return to PT with new referral if function declines.', 'planned'],
    ['Patient declines PT.', 'declined'],
  ])('%s', (text, status) => expect(of(text, 'treatment').find((f) => f.attributes.modality === 'physical_therapy')?.attributes.status).toBe(status));
});

describe('what a referral is for is not yet care', () => {
  it('"referral … for consideration of" a transplant: the referral is the step taken', () => {
    const text = 'Referral to a comprehensive MS center for consideration of autologous hematopoietic stem cell transplant.';
    expect(of(text, 'treatment').find((f) => f.attributes.modality === 'surgery')?.temporality).toBe('hypothetical');
    expect(of(text, 'plan_signal').find((f) => f.attributes.signal === 'referral')?.temporality).toBe('current');
  });
});

describe('words of other trades', () => {
  it.each([
    ['Doppler: monophasic DP, biphasic PT.', 'physical_therapy', false],
    ['HEP: prone press-ups, bridges, TA bracing.', 'brace', false],
    ['Lumbar corset (LSO) for lifting; bracing at work.', 'brace', true],
  ])('%s', (text, modality, found) => expect(of(text, 'treatment').some((f) => f.attributes.modality === modality)).toBe(found));
});

describe('visit headings and papers', () => {
  it('a dated heading with the referring doctor beside it starts the visit, not the print date above it', () => {
    const text = `NORTH STAR HEADACHE & NEUROLOGY CENTER
Miriam E. Castellano, MD - Neurology
Records produced to: SSA / DDS      Print date: 04/30/2024     Pages: 22 (excerpted)
Patient: DOE, JANE A      DOB: 06/09/1984
=====================================================================================
02/08/2022   NEW PATIENT CONSULTATION       Referring: Kevin P. Rasmussen, MD
HEADACHE HISTORY: migraine since age 14, near-daily since 2021.
PLAN: Start erenumab 70 mg SC monthly.

05/10/2022   FOLLOW-UP
Headache days 23 -> 19. PLAN: Increase erenumab to 140 mg monthly.
`;
    const encounters = splitEncounters(textDoc(text));
    expect(encounters.map((e) => [e.date, e.provider.name])).toEqual([['2022-02-08', 'Miriam E. Castellano'], ['2022-05-10', 'Miriam E. Castellano']]);
  });
  it.each([
    ['SOUTH CAROLINA WORKERS\' COMPENSATION COMMISSION\nFORM 14B - PHYSICIAN\'S STATEMENT  (Rev. 09/2016)', 'impairment_rating'],
    ['MERIDIAN MUTUAL LIFE\nPHYSICIAN\'S STATEMENT - LONG TERM DISABILITY CLAIM', 'medical_source_statement'],
    ['PHYSICIAN\'S STATEMENT OF ACCOUNT\nBalance due: $240.00', 'unknown'],
  ])('%s', (head, kind) => expect(classifyEncounter(head, head).kind).toBe(kind));
  it.each([
    ['SOUTHEAST PATHWAYS EMPLOYMENT SERVICES (Community Rehabilitation Program)\nEmployment Specialist/Job Coach: Dale Doe', 'other'],
    ['REPORT #4 - Riverside Nursing & Rehab Center (Dishwasher) - period 05/15/2023 - 06/30/2023\nCoach presence: 100%.', 'unknown'],
    ['LAKESIDE REHABILITATION CENTER\nPT daily note', 'physical_therapy'],
  ])('%s', (head, specialty) => expect(classifyEncounter(head, head).specialty).toBe(specialty));
});

describe('a claim is mental when mental-health care makes up most of it', () => {
  const ctxOf = (visits: [number, Specialty][]) => {
    const b = new CaseBuilder();
    let day = 1;
    for (const [n, specialty] of visits) for (let i = 0; i < n; i++, day++) {
      b.visit(`2023-${String(1 + (day % 12)).padStart(2, '0')}-${String(1 + (day % 27)).padStart(2, '0')}`, { name: `Dr. ${specialty}`, credential: 'MD', specialty })
        .fact('outcome_measure', { instrument: 'NRS', value: 6, max: 10 }, 'Pain 6/10.');
    }
    const input = b.input({ type: 'ssdi' });
    return buildContext(input.claim, profileFor('ssdi'), input.encounters, input.facts);
  };
  it.each([
    ['eight psychiatry visits and two cardiology visits', [[8, 'psychiatry'], [2, 'cardiology']], true],
    ['a colitis followed by gastroenterology, with six counselling sessions beside it', [[6, 'psychology'], [15, 'gastroenterology'], [1, 'primary_care']], false],
    ['seven psychiatry visits and ten by the family doctor', [[7, 'psychiatry'], [10, 'primary_care']], false],
  ] as [string, [number, Specialty][], boolean][])('%s', (_name, visits, mental) => expect(ctxOf(visits).mentalClaim).toBe(mental));
});

describe('a physician\'s own electrodiagnostic report keeps its kind under the practice\'s letterhead', () => {
  const text = `NORTHERN PLAINS SPINE & PAIN - Kristin M. Aune, MD (Physical Medicine & Rehabilitation)
Patient: DOE, JOHN     DOB 01/02/1980

CONSULTATION   DOS 05/03/2023          Kristin M. Aune, MD
HPI: neck and left arm pain since a fall. Plan: EMG/NCS next week; consider C6 TFESI.

ELECTRODIAGNOSTIC REPORT   DOS 05/10/2023          Performed/interpreted: Kristin M. Aune, MD
NCS: L median motor DL 3.4 ms. EMG (needle): L biceps 2+ fibrillations.
IMPRESSION: Acute left C6 radiculopathy. No carpal tunnel syndrome.

FOLLOW-UP   DOS 06/14/2023          Kristin M. Aune, MD
Arm pain 4/10 after the ESI. Plan: home exercise, RTC 6 weeks.
`;
  it('the EMG day is an EMG report; the visits around it stay office visits', () => {
    const { encounters } = processDocument(textDoc(text));
    harmonizeAuthors(encounters);
    expect(encounters.map((e) => [e.date, e.kind])).toEqual([['2023-05-03', 'consultation'], ['2023-05-10', 'emg'], ['2023-06-14', 'office_visit']]);
  });
});

describe('Montana\'s "maximum medical healing" is MMI by its own name', () => {
  it.each([
    ['P: Mr. Doe has reached maximum medical healing as of today\'s date.', 'mmi'],
    [' 3. MMH reached? [X] Yes  Date of MMH: 08/30/2022', 'mmi'],
    ['He is not at MMH.', 'not_at_mmi'],
    ['I am withdrawing the maximum medical healing determination I made on 08/30/2022.', 'not_at_mmi'],
  ])('%s', (text, kind) => expect(of(text, 'mmi_statement').map((f) => f.attributes.kind)).toContain(kind));
  it('"mmHg" is a pressure', () => expect(of('BP 128/84 mmHg.', 'mmi_statement')).toEqual([]));
});

describe('a faxed header whose birth date is all look-alikes', () => {
  it('"D0B: ll/O2/l998" is 1998-11-02', () => {
    const doc = textDoc('PR0GRESS N0TE - EATlNG DlS0RDER F0LL0W-UP          Date of service: O8/l4/2O24\nClient: DOE, JANE M       D0B: ll/O2/l998       Client lD: MC-5l934\n');
    expect(patientIdentity(doc).dob).toBe('1998-11-02');
  });
});

describe('a drug titrated again after a lapse is a dose being raised', () => {
  it('"Lamotrigine re-titration: 50 mg x 1 wk, 100 mg x 1 wk, then 200 mg daily"', () => {
    expect(of('Lamotrigine re-titration (gap > 5 half-lives): 50 mg x 1 wk, 100 mg x 1 wk, then 200 mg daily.', 'treatment')[0]?.attributes.doseChange).toBe('increased');
  });
});

describe('a wound centre named is not wound care given', () => {
  it.each([
    ['WOUND CENTER SURVEILLANCE VISIT                   DOS: 02/27/2024', false],
    ['Told her the wound center does not complete disability forms.', false],
    ['Seen at the wound center weekly; serial debridement of the medial ulcer.', true],
  ])('%s', (text, care) => expect(of(text, 'treatment').some((f) => f.attributes.modality === 'wound_care')).toBe(care));
  it('a surveillance visit is maintenance', () => {
    expect(of('WOUND CENTER SURVEILLANCE VISIT                   DOS: 02/27/2024', 'plan_signal').map((f) => f.attributes.signal)).toContain('maintenance_care');
  });
});

describe('a print date above the first visit is when the copy was made', () => {
  it('the first visit keeps its own date when its heading is not a header', () => {
    const text = `NORTH STAR NEUROLOGY
Records produced to: SSA / DDS      Print date: 04/30/2024     Pages: 22
Patient: DOE, JANE A      DOB: 06/09/1984
=====================================================
02/08/2022   NEW PATIENT CONSULTATION       Seen with her husband, who drove.
HPI: migraine since age 14.
`;
    expect(splitEncounters(textDoc(text)).map((e) => e.date)).toEqual(['2022-02-08']);
  });
  it('"Patient: … DOB: …     Date: 04/05/2022" is still the visit\'s date', () => {
    expect(splitEncounters(textDoc('VALLEY CLINIC\nPatient: Doe, Jane     DOB: 05/22/1986     Date: 04/05/2022\nHPI: knee pain.\n')).map((e) => e.date)).toEqual(['2022-04-05']);
  });
});
