import { describe, expect, it } from 'vitest';
import { textDoc } from './helpers/extract-doc.js';
import { splitEncounters } from '../src/segment/encounters.js';
import { looksLikeLetterhead } from '../src/extract/letterhead.js';
import { bareFacts, of } from './helpers/facts-of.js';

/**
 * Reading classes met in claim files written by people who never read this code (synthetic text, no PHI): fax banners above a release cover.
 */
const facts = bareFacts;
const treatments = (text: string) => facts(text).filter((f) => f.type === 'treatment');

describe('letterhead lines are not events', () => {
  it.each([
    'Orthopaedic Spine Surgery', 'Lakeview Pain & Spine', 'Physical Therapy & Rehab', 'SUMMIT PAIN & SPINE, P.C.', 'Interventional Pain Medicine',
  ])('letterhead: %s', (line) => expect(looksLikeLetterhead(line)).toBe(true));
  it.each([
    'Left L4-5 Transforaminal Epidural Steroid Injection', 'OPERATIVE REPORT', 'Procedure Note', 'Patient tolerated the procedure well.',
    'Surgeon: Helen Marchetti, MD', 'She Underwent Fusion',
  ])('not a letterhead: %s', (line) => expect(looksLikeLetterhead(line)).toBe(false));

  it('a practice tag line under the clinic name does not become surgery performed', () => {
    const t = 'HARBORVIEW SPINE INSTITUTE\nComplex Spine Surgery\n\nNEW PATIENT CONSULTATION\nDate of Service: 03/11/2024\nSurgeon: Priya Nandakumar, MD\n\nHPI: Neck pain with right C6 radicular symptoms for 5 months despite PT.\nPlan: Discussed C5-6 ACDF; she will think it over.\n';
    const surgery = treatments(t).filter((f) => f.attributes.modality === 'surgery');
    expect(surgery.some((f) => f.attributes.status === 'performed')).toBe(false);
  });
});

describe('a fax banner above a records release does not date a visit', () => {
  it('the release cover takes no date from the banner', () => {
    const text = `07/02/2024 10:14   FAX 5755550189   MESA FHC MED RECORDS  ->  DOE DISABILITY LAW   P.002/044
MESA FAMILY HEALTH CENTER
RECORDS RELEASE - CERTIFIED COPY
Custodian: Jane Roe, Health Information Tech II
-----------------------------------------------------------------
ENCOUNTER: 03/08/2022  Office Visit - Established
PROVIDER: Ana Gallegos, FNP-C
S: Knee pain. A/P: OA R knee.
`;
    const doc = textDoc(text);
    const dates = splitEncounters(doc).map((e) => e.date);
    expect(dates).not.toContain('2024-07-02');
    expect(dates).toContain('2022-03-08');
  });
});

describe('an urgent-care letterhead ruled off above the visit', () => {
  it('is the visit\'s own, and a nurse practitioner there is urgent care, not primary care', () => {
    const text = `SUNPOINT URGENT CARE - MESA
2145 E Southern Ave Ste 3, Mesa AZ 85204
---------------------------------------------------------------
PATIENT VISIT RECORD
Visit date: 11/19/2024  Arrived 08:31
Provider: Jessamyn Torres, FNP-C
---------------------------------------------------------------
CC: back pain flare x 3 days
Plan: Follow up with PCP within 1-2 weeks; needs new referral to spine clinic.
`;
    const encs = splitEncounters(textDoc(text));
    expect(encs.map((e) => [e.date, e.specialty])).toEqual([['2024-11-19', 'emergency']]);
  });
});

describe('OCR letters in a faxed page', () => {
  it('reads "stab1e" and "Fo1low up in 3 months" as words, quoting the page as printed', async () => {
    const { ocrLetters } = await import('../src/extract/mention.js');
    expect(ocrLetters('Chronic pain - stab1e on current regimen. Fo1low Up: 3 months. c0ntrast')).toBe('Chronic pain - stable on current regimen. Follow Up: 3 months. contrast');
    expect(ocrLetters('L5-S1 TFESI, q1h prn, T1 and C1, 10/10')).toBe('L5-S1 TFESI, q1h prn, T1 and C1, 10/10');
    const signals = of('Chronic pain - stab1e. Fo1low up in 3 months.', 'plan_signal');
    expect(signals.map((f) => f.attributes.signal)).toContain('return_to_clinic');
    expect(signals.every((f) => f.evidence.every((e) => e.quote.includes('1')))).toBe(true);
  });
});

describe('headers, signatures and scanner damage', () => {
  const dates = (text: string) => splitEncounters(textDoc(text)).map((e) => e.date);
  it('an addendum signed "L. Doe MD" (no comma) names its author', () => {
    const text = 'FOLLOW-UP   04/17/2023   L. Featherstone, MD\nPlan: MRI.\n----------\nADDENDUM  4/21/2023   L. Featherstone MD\nMRI: L5-S1 extrusion. The MMI designation is RESCINDED.\n';
    expect(splitEncounters(textDoc(text)).map((e) => e.provider.name)).toEqual(['L. Featherstone', 'L. Featherstone']);
  });
  it('a letterhead line "Jane Doe, MD (Family Medicine)" names the author of unsigned visits', () => {
    const text = 'WIREGRASS FAMILY MEDICINE  ::  702 S. Poplar St\nOdessa M. Whitlock, MD (Family Medicine)  ::  Provider ID on file\n====================\nOFFICE VISIT 09/17/2019\nAnnual exam.\n--------------------\nOFFICE VISIT 04/18/2022\nAcute stress reaction.\n';
    expect(splitEncounters(textDoc(text)).map((e) => e.provider.name)).toEqual(['Odessa M. Whitlock', 'Odessa M. Whitlock']);
  });
  it('date-led visit headings are no letterheads: unsigned visits in a one-surgeon file are his', () => {
    const text = 'COMAL HAND & UPPER EXTREMITY SURGERY, P.A.\nMarcus T. Oyelaran, MD, FAAOS - Hand, Wrist & Elbow\n====================\n10/18/2022  NEW PATIENT\nFOOSH. ORIF planned.\n\n03/14/2023  FOLLOW-UP\nWrist ext 45.\n\n11/06/2023  FOLLOW-UP\nNothing further to offer surgically.\nM. T. Oyelaran, MD\n';
    const encounters = splitEncounters(textDoc(text));
    expect(encounters.map((e) => e.provider.name)).toEqual(['Marcus T. Oyelaran', 'Marcus T. Oyelaran', 'M. T. Oyelaran']);
    expect(encounters[0].specialty).toBe('orthopedic_surgery');
  });
  it('an operative report\'s "Findings:" under fluoroscopy do not make its author a radiologist', () => {
    const text = 'NEW BRAUNFELS SURGICAL PAVILION  -  OPERATIVE REPORT\nPatient: DOE, JANE   DOB 07/19/1988   DOS: 10/21/2022   Surgeon: Marcus T. Oyelaran, MD\nProcedure: ORIF R distal radius (CPT 25609), volar locking plate.\nFindings: Depressed lunate facet fragment elevated. Articular reduction anatomic under fluoroscopy.\nM. T. Oyelaran, MD\n';
    expect(splitEncounters(textDoc(text)).map((e) => [e.kind, e.specialty])).toEqual([['operative_report', 'unknown']]);
  });
  it('a fax transmission line at the top of a file is not a visit', () => {
    const text = '08/01/2024 11:26  FAX 5205550175  SAGUARO PHYSICAL THERAPY  ->  SAGUARO INJURY LAW   P.1/4\nPT INITIAL EVALUATION   Date: 07/05/2022\nKnee ROM 0-95.\n';
    expect(dates(text)).not.toContain('2024-08-01');
  });
  it('a rule drawn in box characters sets off the next visit', () => {
    const text = 'RILLITO FAMILY HEALTH\n\nMay 9, 2023 — NEW PATIENT VISIT — Jonah Doe, DO\nS: knee.\n— J. Doe, DO (e-signed 05/09/2023 17:04)\n══════════════════════════════\nAugust 15, 2023 — FOLLOW-UP — Jonah Doe, DO\nS: Knee about the same.\n';
    expect(dates(text)).toEqual(['2023-05-09', '2023-08-15']);
  });
  it('"MED MGMT" is a visit title', () => {
    const text = 'SANDHILLS BEHAVIORAL HEALTH\n----------\n05/10/2022  PSYCHIATRIC DIAGNOSTIC EVALUATION (90792)\nPLAN: Sertraline 50 mg daily.\n----------\n06/21/2022  MED MGMT (99214)   PCL-5 55  PHQ-9 17\nPLAN: sertraline 100 mg.\n';
    expect(dates(text)).toEqual(['2022-05-10', '2022-06-21']);
  });
  it('"rnaximum medical improvernent": an OCR-damaged "not reached" is still a no', () => {
    expect(of('2. MMI: In my opinion Mr. Doe has not reached rnaximum medical improvernent with respect to the SI joint.', 'mmi_statement').map((f) => f.attributes.kind)).toEqual(['not_at_mmi']);
  });
  it.each([
    ['Raise gabapentin to 600 mg TID.', 'increased'],
    ['Meloxicam may raise BP; recheck in 2 weeks.', undefined],
  ])('a dose raised, not a side effect: %s', (text, change) => {
    expect(of(text, 'treatment').find((f) => f.attributes.modality === 'medication')?.attributes.doseChange).toBe(change);
  });
  it('"not yet at maximal improvement" is a no', () => {
    expect(of('P: Not yet at maximal improvement of the nerve; sensory recovery can continue.', 'mmi_statement').map((f) => f.attributes.kind)).toContain('not_at_mmi');
  });
});
