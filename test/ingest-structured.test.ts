import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { lookupCode, modalityFromText, splitCode } from '../src/knowledge/cpt.js';
import { readFileDocuments } from '../src/ingest/index.js';
import { readFhir } from '../src/ingest/fhir.js';
import { expectValidCitations } from './helpers/citations.js';
import { mapHeaders, parseLedgerDate, parseMoney, readCsvLedger } from '../src/ingest/ledger.js';
import { parseJsonSpans } from '../src/ingest/json-spans.js';
import { FactSchema, verifyCitations, type SourceDocument } from '../src/model/index.js';

const synthea = path.resolve(import.meta.dirname, '../../shared/data/synthea-dev');
const texts = (docs: SourceDocument[]) => new Map(docs.map((d) => [d.file, d]));

describe('lexicon/cpt.json', () => {
  it.each([
    ['97161', 'physical_therapy'], ['97164', 'physical_therapy'], ['97110', 'physical_therapy'], ['97530', 'physical_therapy'],
    ['98940', 'chiropractic'], ['98943', 'chiropractic'], ['62323', 'epidural_injection'], ['64483', 'epidural_injection'],
    ['64484', 'epidural_injection'], ['64493', 'medial_branch_block'], ['64635', 'radiofrequency_ablation'],
    ['27096', 'si_joint_injection'], ['20553', 'trigger_point_injection'], ['63650', 'spinal_cord_stimulator'],
    ['63685', 'spinal_cord_stimulator'], ['63030', 'surgery'], ['22630', 'surgery'], ['22551', 'surgery'],
    ['72148', 'imaging_study'], ['73221', 'imaging_study'], ['95886', 'imaging_study'], ['95912', 'imaging_study'],
  ])('%s → %s', (code, modality) => {
    expect(lookupCode(code)).toMatchObject({ kind: 'treatment', modality });
  });
  it.each(['99202', '99205', '99213', '99215'])('%s is an office visit, not a treatment', (code) => {
    expect(lookupCode(code)).toMatchObject({ kind: 'visit' });
  });
  it.each(['99999', '97165x', '6448', '12345', '99216'])('%s is not in the table', (code) => {
    expect(lookupCode(code)?.kind === 'treatment' ? lookupCode(code) : lookupCode(code)?.kind === 'visit' ? 'visit' : undefined).toBeUndefined();
  });
  it('splits codes from modifiers in the ways ledgers write them', () => {
    expect(splitCode('98941-AT')).toEqual({ code: '98941', modifiers: ['AT'] });
    expect(splitCode('64483 50')).toEqual({ code: '64483', modifiers: ['50'] });
    expect(splitCode('G0283')).toEqual({ code: 'G0283', modifiers: [] });
    expect(splitCode('Office visit')).toBeUndefined();
    // An office visit with its injection, each code with its own modifier: the injection keeps its side.
    expect(splitCode('99213 20610-RT J3301')).toEqual({ code: '20610', modifiers: ['RT'] });
    expect(splitCode('TPD 66 2/3% wage loss')).toBeUndefined();
  });
  it.each([
    ['97545/97546', '97545'],
    ['97110,97530', '97110'],
    ['99213/20611/J3301', '20611'],
    ['99204/98941/97014/97012', '98941'],
    ['99213/99070', '99213'],
    ['01630;64415', '01630'],
    ['95911 / 95886 x2', '95911'],
    ['99204;73030;99213', '99204'],
  ])('a cell of several codes "%s" is read by its first treatment code, else its first: %s', (raw, code) => {
    expect(splitCode(raw)?.code).toBe(code);
  });
  it.each([
    ['Transforaminal epidural steroid injection L5-S1', 'epidural_injection'],
    ['Physical therapy procedure', 'physical_therapy'],
    ['Lumbar medial branch block', 'medial_branch_block'],
    ['Radiofrequency ablation of lumbar facet nerves', 'radiofrequency_ablation'],
    ['Magnetic resonance imaging of lumbar spine', 'imaging_study'],
  ])('display text "%s" → %s', (text, modality) => expect(modalityFromText(text)).toBe(modality));
  it.each(['Mental health screening (procedure)', 'Medication reconciliation', 'Depression screening'])('display text "%s" maps to no modality', (text) => {
    expect(modalityFromText(text)).toBeUndefined();
  });
});

describe('FHIR R4 bundles (Synthea)', () => {
  const files = ['Lauren_Witting_0ce798c0-1fc8-455f-944a-28ab12b0b1cd.json', 'Eliseo_Cummings_55c373ad-af55-46ed-8f69-9c7a40a89d46.json'];
  it.each(files)('%s → encounters and schema-valid facts citing resource, JSON path and raw text', (name) => {
    const raw = readFileSync(path.join(synthea, name));
    const docs = readFhir('d1', name, raw, undefined);
    const doc = docs[0];
    expect(doc.kind).toBe('fhir');
    expect(doc.text).toBe(raw.toString('utf8'));
    const { encounters, facts } = doc.structured!;
    const bundle = JSON.parse(raw.toString('utf8')) as { entry: { resource: { resourceType: string } }[] };
    expect(encounters.filter((e) => e.source === 'fhir' && e.kind !== 'billing' && e.date)).toHaveLength(bundle.entry.filter((e) => e.resource.resourceType === 'Encounter').length);
    expect(encounters.every((e, i) => e.id === `d1#e${i + 1}`)).toBe(true);
    expect(new Set(facts.map((f) => f.type))).toEqual(new Set(['diagnosis', 'treatment', 'outcome_measure']));
    for (const f of facts) {
      expect(FactSchema.safeParse(f).success).toBe(true);
      expect(f.evidence[0].resource).toMatch(/^(Condition|Procedure|MedicationRequest|Observation|DiagnosticReport|ServiceRequest|CarePlan|ExplanationOfBenefit|Claim)\//);
      expect(f.evidence[0].path).toMatch(/^entry\[\d+\]\.resource\./);
    }
    expect(verifyCitations(docs.map((d) => d.structured), texts(docs)).problems).toEqual([]);
    const pain = facts.find((f) => f.type === 'outcome_measure');
    expect(pain).toMatchObject({ attributes: { instrument: 'NRS', max: 10 }, dateSource: 'structured' });
    const med = facts.find((f) => f.type === 'treatment' && f.attributes.modality === 'medication');
    expect(med?.evidence[0].quote).toBe((med?.attributes as { drug: string }).drug);
  });

  it('maps procedures, referrals, report conclusions, resolved and refuted conditions, and text attachments', () => {
    const note = 'PT DISCHARGE SUMMARY\nPatient completed 12 visits. ODI 22% at discharge.';
    const bundle = {
      resourceType: 'Bundle', type: 'collection',
      entry: [
        { fullUrl: 'urn:uuid:enc1', resource: { resourceType: 'Encounter', id: 'enc1', status: 'finished', class: { code: 'AMB' }, type: [{ text: 'Pain management consultation' }], period: { start: '2023-05-02T09:00:00Z' } } },
        { resource: { resourceType: 'Procedure', id: 'p1', status: 'completed', code: { coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '64483', display: 'TFESI' }] }, encounter: { reference: 'urn:uuid:enc1' }, performedDateTime: '2023-05-02' } },
        { resource: { resourceType: 'ServiceRequest', id: 's1', status: 'active', intent: 'order', code: { text: 'Referral to spine surgery' }, authoredOn: '2023-05-02', encounter: { reference: 'Encounter/enc1' } } },
        { resource: { resourceType: 'DiagnosticReport', id: 'r1', status: 'final', code: { text: 'MRI lumbar spine' }, effectiveDateTime: '2023-04-01', conclusion: 'L4-5 disc extrusion compressing the left L5 nerve root.' } },
        { resource: { resourceType: 'Condition', id: 'c1', clinicalStatus: { coding: [{ code: 'resolved' }] }, code: { text: 'Acute sinusitis' } } },
        { resource: { resourceType: 'Condition', id: 'c2', verificationStatus: { coding: [{ code: 'refuted' }] }, code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'M51.16', display: 'Lumbar disc disorder with radiculopathy' }] } } },
        { resource: { resourceType: 'Observation', id: 'o1', status: 'final', code: { text: 'Oswestry Disability Index' }, valueQuantity: { value: 42 }, effectiveDateTime: '2023-05-02' } },
        { resource: { resourceType: 'DocumentReference', id: 'dr1', status: 'current', date: '2023-06-30', content: [{ attachment: { contentType: 'text/plain', data: Buffer.from(note).toString('base64') } }] } },
      ],
    };
    const raw = JSON.stringify(bundle, null, 2);
    const docs = readFhir('d7', 'records.json', Buffer.from(raw), '9F');
    const facts = docs[0].structured!.facts;
    const by = (id: string) => facts.find((f) => f.evidence[0].resource === id)!;
    expect(by('Procedure/p1')).toMatchObject({ type: 'treatment', encounterId: 'd7#e1', date: '2023-05-02', attributes: { modality: 'epidural_injection', cpt: '64483', status: 'performed' } });
    expect(by('ServiceRequest/s1')).toMatchObject({ type: 'plan_signal', attributes: { signal: 'referral', target: 'Referral to spine surgery' } });
    expect(by('DiagnosticReport/r1')).toMatchObject({ type: 'objective_finding', attributes: { category: 'imaging', abnormal: true } });
    expect(by('Condition/c1')).toMatchObject({ temporality: 'historical', negated: false });
    expect(by('Condition/c2')).toMatchObject({ negated: true, attributes: { code: 'M51.16' } });
    expect(by('Observation/o1')).toMatchObject({ attributes: { instrument: 'ODI', value: 42, max: 100 } });
    expect(by('Observation/o1').evidence[0]).toMatchObject({ quote: '42', exhibit: '9F/1', path: 'entry[6].resource.valueQuantity.value' });
    expect(docs[1]).toMatchObject({ file: 'records.json#DocumentReference/dr1', kind: 'text', text: note });
    expect(docs[0].structured!.encounters[0]).toMatchObject({ date: '2023-05-02', kind: 'consultation', specialty: 'pain_management' });
    expect(verifyCitations(docs[0].structured, texts(docs)).problems).toEqual([]);
  });

  it('rejects JSON that is not FHIR with a specific message', () => {
    expect(() => readFhir('d1', 'x.json', Buffer.from('{"name": "not fhir"}'), undefined)).toThrow(/not FHIR/);
    expect(() => readFhir('d1', 'x.json', Buffer.from('{"resourceType": "Bundle", "entry": [}'), undefined)).toThrow(/invalid JSON at line 1/);
  });

  it('span parser agrees with JSON.parse and records exact spans', () => {
    const raw = '{ "a": [1, -2.5e3, "x\\"y\\u00e9"], "b": {"c": null, "d": true} }';
    const root = parseJsonSpans(raw);
    expect(root.t).toBe('object');
    const a = root.t === 'object' ? root.props.get('a')! : root;
    expect(a.t === 'array' && a.items.map((n) => raw.slice(n.start, n.end))).toEqual(['1', '-2.5e3', '"x\\"y\\u00e9"']);
    expect(a.t === 'array' && a.items[2].t === 'string' && a.items[2].value).toBe(JSON.parse(raw).a[2]);
  });
});

const LEDGER = `Patient Account Ledger - Acct 55102
Date of Service,Provider,CPT/HCPCS,Mod,ICD-10,Description,Units,Charge,Paid,Adjustment,Balance
01/09/2023,Alan Ortiz MD,99204,,M54.16,"New patient visit, level 4",1,$325.00,$210.00,$115.00,$0.00
01/23/2023,Back In Motion PT,97161,GP,M54.16,PT evaluation low complexity,1,$180.00,$120.00,$60.00,$0.00
01/23/2023,Back In Motion PT,97110,GP,M54.16,Therapeutic exercise,2,$140.00,$96.00,$44.00,$0.00
02/14/2023,Spine Interventional,64483,LT,"M54.16, M51.26",TFESI L5-S1 left,1,"$1,450.00",$980.00,$470.00,$0.00
2/30/2023,Spine Interventional,64484,LT,M54.16,TFESI addl level,1,$420.00,$0.00,$0.00,$420.00
03/02/2023,Harbor Chiropractic,98941,AT,M99.03,CMT 3-4 regions,1,$75.00,$52.00,$23.00,$0.00
04/27/2023,Harbor Chiropractic,98941,,M99.03,CMT 3-4 regions,1,$75.00,$0.00,$0.00,$75.00
,,,,,Total,,,,,$495.00
`;

describe('billing ledgers', () => {
  it('a pharmacy fill history is named as such, kept as a paper of the file, not failed as a ledger missing its date column', () => {
    const csv = 'fill_date,rx_no,drug,qty,days_supply,prescriber\n10/24/2022,6120400,"cyclobenzaprine 10 mg tab",30,30,Fenstermaker\n';
    const doc = readCsvLedger('d8', 'fills.csv', Buffer.from(csv), undefined);
    expect(doc.warnings.join(' ')).toMatch(/pharmacy fill history/);
    expect(doc.structured).toEqual({ encounters: [], facts: [] });
  });

  it('a carrier\'s payment register: title lines skipped, service from-date read, wage benefits are not visits', () => {
    const csv = [
      'BUCKEYE CLAIMS MANAGEMENT SERVICES - CLAIM PAYMENT REGISTER',
      'Claim: 23-811742,IW: KESSLER RAYMOND T,DOI: 08/08/2023',
      'paid_date,type,payee,service_from,service_to,code,description,amount,status',
      '08/29/2023,MED,LAKE ERIE ORTHOPAEDIC,08/15/2023,08/15/2023,99204,NEW PT VISIT,248.10,PAID',
      '09/26/2023,TTD,KESSLER RAYMOND T,09/12/2023,09/25/2023,TT,TEMP TOTAL COMP @ 892.80/WK,1785.60,PAID',
      '03/31/2023,INDEMNITY,KESSLER RAYMOND T,03/15/2023,03/28/2023,TPD,TEMP PARTIAL DISABILITY,412.18,PAID',
    ].join('\n');
    const { encounters } = readCsvLedger('d9', 'register.csv', Buffer.from(csv), undefined).structured!;
    expect(encounters.map((e) => [e.date, e.provider.name, e.billing!.map((b) => b.code)])).toEqual([['2023-08-15', 'LAKE ERIE ORTHOPAEDIC', ['99204']]]);
  });

  it('a register by benefit period: medical rows dated by "service or period from"; a register of wage benefits only is read, not failed', () => {
    const mixed = [
      'claim_no,payee,benefit_or_service,service_or_period_from,period_to,date_paid,amount,check_or_eft,memo',
      'HRC-00-000001,Valley Occupational Medicine,PR-2 E&M,2021-02-23,2021-02-23,2021-03-29,118.40,EFT-1,',
      'HRC-00-000001,Example Worker,TTD,2021-02-09,2021-03-08,2021-03-10,1800.00,EFT-2,',
    ].join('\n');
    const { encounters } = readCsvLedger('d12', 'payments.csv', Buffer.from(mixed), undefined).structured!;
    expect(encounters.map((e) => [e.date, e.provider.name])).toEqual([['2021-02-23', 'Valley Occupational Medicine']]);
    const wages = [
      'carrier_case,wcb_case,payment_type,period_from,period_to,weeks,weekly_rate,amount,date_issued,check_no,memo',
      'EKM-00-000001,G0000001,TTD,2021-05-12,2021-10-03,20.71,699.00,14479.29,various,see detail,',
      'EKM-00-000001,G0000001,TPD (reduced earnings),2021-10-04,2022-01-02,13.00,228.00,2964.00,various,see detail,',
      'EKM-00-000001,G0000001,SLU award (NOD 08/24/2022),2022-01-03,2022-12-10,48.80,699.00,34111.20,2022-09-09,700441907,',
    ].join('\n');
    const doc = readCsvLedger('d13', 'indemnity.csv', Buffer.from(wages), undefined);
    expect(doc.structured!.encounters).toEqual([]);
    expect(doc.warnings.join(' ')).toMatch(/benefit payment register \(3 wage-benefit or award rows\)/);
    // Texas income benefits (TIBs, IIBs) and California's TD/PD are wage benefits too.
    const texas = [
      'Claim,Pay Date,Benefit Type,Period From,Period To,Weeks,Weekly Rate,Amount,Note',
      'XX-00-0000001,2022-11-25,TIBS,2022-11-11,2022-11-24,2.00,568.68,1137.36,1st pmt',
      'XX-00-0000001,2023-06-09,TIBS-PARTIAL,2023-06-06,2023-06-19,,,214.40,modified duty wage diff',
      'XX-00-0000001,2023-10-20,IIBS,2023-10-06,2023-10-19,2.00,398.08,796.16,',
      'XX-00-0000001,2024-02-02,TD,2024-01-20,2024-02-02,2.00,700.00,1400.00,',
      'XX-00-0000001,2024-02-16,PD-ADV,2024-02-03,2024-02-16,2.00,290.00,580.00,PD advance 8% est',
    ].join('\n');
    const tx = readCsvLedger('d14', 'carrier.csv', Buffer.from(texas), undefined);
    expect(tx.structured!.encounters).toEqual([]);
    expect(tx.warnings.join(' ')).toMatch(/benefit payment register \(5 wage-benefit or award rows\)/);
  });

  it('an injection log\'s booked row ("SCHEDULED - not yet performed") is no service billed, but a procedure planned for its date', () => {
    const csv = [
      'patient,mrn,dos,knee,cpt,medication,provider,notes',
      '"DOE, JANE",M1,04/09/2024,RIGHT,20610,triamcinolone 40mg,TRB FNP-C,',
      '"DOE, JANE",M1,07/09/2024,BILATERAL,20610-50,triamcinolone 40mg,TRB FNP-C,SCHEDULED - not yet performed',
    ].join('\n');
    const { encounters, facts } = readCsvLedger('d11', 'injections.csv', Buffer.from(csv), undefined).structured!;
    expect(encounters.filter((e) => e.billing?.length).map((e) => e.date)).toEqual(['2024-04-09']);
    expect(facts.filter((f) => f.type === 'treatment').map((f) => f.type === 'treatment' && [f.date, f.attributes.status])).toEqual([['2024-04-09', 'performed'], ['2024-07-09', 'planned']]);
  });

  it('reads what each row says of itself: a voided charge, a booked operation, care of another condition, supportive care, codes in the description', () => {
    const csv = [
      'Acct,DOS,Rendering,CPT,Mod,Description,Charge,Note',
      'A1,2022-10-12,Raman-Holt P MD,64721,RT,Neuroplasty median nerve at carpal tunnel,1310.00,',
      'A1,2022-10-12,Raman-Holt P MD,64721,RT,VOID - charge posted to wrong account (belongs to A2),-1310.00,corrected',
      'A1,2024-11-19,Okafor N MD,64721,LT,Neuroplasty median nerve,,AUTHORIZED - SCHEDULED NOT BILLED',
      'A1,2023-08-14,Lindqvist G MD,20550,,Injection tendon sheath R ring finger,225.00,Not a WC charge - billed to Blue Oak Health PPO (non-industrial)',
      'A1,2023-09-14,Keystone Family Chiropractic,98941/97014,,"Chiro visit 42: CMT 3-4 reg, EMS (supportive)",95.00,',
      'A1,2023-04-14,Rutherford Spine & Injury Center,,,Chiropractic - 38 visits (98940/98941/97014/97110),4180.00,',
    ].join('\n');
    const { encounters, facts } = readCsvLedger('d15', 'account.csv', Buffer.from(csv), undefined).structured!;
    const treatments = facts.flatMap((f) => (f.type === 'treatment' ? [[f.date, f.attributes.modality, f.attributes.status, f.attributes.cpt, f.attributes.otherCondition ?? false, f.attributes.subtype]] : []));
    expect(treatments).toEqual([
      ['2024-11-19', 'surgery', 'planned', '64721', false, 'carpal tunnel release'],
      ['2023-08-14', 'other_injection', 'performed', '20550', true, 'tendon sheath/ligament injection'],
      ['2023-09-14', 'chiropractic', 'performed', '98941', false, 'spinal CMT (maintenance)'],
      ['2023-04-14', 'chiropractic', 'performed', '98940', false, 'spinal CMT'],
    ]);
    expect(encounters.some((e) => e.date === '2022-10-12')).toBe(false);
    expect(facts.some((f) => f.type === 'plan_signal' && f.date === '2023-09-14' && f.attributes.signal === 'maintenance_care')).toBe(true);
  });

  it('a therapy clinic\'s flowsheet export is the visits\' own record: therapist, therapy per row, pain and ODI scores', () => {
    const csv = [
      'clinic,Lakeshore Physical Therapy,,,,,,,',
      'date,episode,visit_no,therapist,back_nprs,odi_pct,interventions,note,cpt_billed',
      '10/07/2022,2,8,"Ann Tien, PTA",3,,"core; lift 25 lb",,"97110,97530"',
      '11/04/2022,2,12,"Nolan Brook, PT, DPT",3,26,"discharge; HEP final","D/C to independent HEP - auth exhausted.","97164,97110"',
    ].join('\n');
    const doc = readCsvLedger('d12', 'flowsheet.csv', Buffer.from(csv), undefined);
    const { encounters, facts } = doc.structured!;
    expect(encounters.map((e) => [e.date, e.provider.name, e.kind, e.source, e.specialty])).toEqual([
      ['2022-10-07', 'Ann Tien, PTA', 'pt_progress', 'note', 'physical_therapy'],
      ['2022-11-04', 'Nolan Brook, PT, DPT', 'pt_progress', 'note', 'physical_therapy'],
    ]);
    expect(facts.filter((f) => f.type === 'treatment').map((f) => [f.date, f.type === 'treatment' && f.attributes.modality])).toEqual([['2022-10-07', 'physical_therapy'], ['2022-11-04', 'physical_therapy']]);
    expect(facts.filter((f) => f.type === 'outcome_measure').map((f) => f.type === 'outcome_measure' && [f.date, f.attributes.instrument, f.attributes.value]))
      .toEqual([['2022-10-07', 'NRS', 3], ['2022-11-04', 'NRS', 3], ['2022-11-04', 'ODI', 26]]);
    expectValidCitations(facts, [doc]);
  });

  it('a "Therapist note" column is what the therapist wrote, not who the provider is: the rows are the visits\' record', () => {
    const csv = [
      'DOS,Episode,Visit#,Pain(0-10),Flex AROM(deg),CPT billed,Therapist note',
      '10/11/2022,1 - conservative,1,6,100,97161/97110/97140,"Initial eval. DASH 58."',
      '11/08/2022,1 - conservative,8,5,130,97110/97140,Pt reports improvement. Night pain persists.',
    ].join('\n');
    const { encounters } = readCsvLedger('d15', 'visit-log.csv', Buffer.from(csv), undefined).structured!;
    expect(encounters.map((e) => [e.date, e.source, e.provider.name ?? null])).toEqual([['2022-10-11', 'note', null], ['2022-11-08', 'note', null]]);
  });

  it('a flowsheet row with no billing code is still the therapist\'s visit, by the signer\'s credential', () => {
    const csv = [
      'date,visit_no,visit_type,pain_pre_0_10,interventions,therapist,comments',
      '07/07/2021,1,Initial evaluation,7,"Eval; 6MWT 338 m; HEP issued",B. Kowalski DPT,"Prognosis fair."',
      '07/09/2021,2,Treatment,6,"Pool walking 20 min",M. Getz PTA,',
      '07/12/2021,3,Treatment,6,"Pool walking 25 min",Front desk,',
    ].join('\n');
    const { encounters } = readCsvLedger('d14', 'aquatic.csv', Buffer.from(csv), undefined).structured!;
    expect(encounters.map((e) => e.specialty)).toEqual(['physical_therapy', 'physical_therapy', 'unknown']);
  });

  it('a payer\'s ledger with a "note" column is still a bill, and an estimate row is no service billed', () => {
    const csv = [
      'claim_no,pay_date,payee,service_from,category,code,description,billed,paid,note',
      'C-1,2021-08-20,Lehigh Occupational Medicine,2021-08-10,medical,99204,Initial injury visit,412.00,286.55,PA fee schedule',
      'C-1,2023-12-05,Northeast Surgery Center,2023-12-05,medical,29827;29828,ESTIMATE - revision arthroscopy,24800.00,0.00,ESTIMATE - scheduled 12/05/2023 - not performed',
    ].join('\n');
    const { encounters, facts } = readCsvLedger('d13', 'payments.csv', Buffer.from(csv), undefined).structured!;
    expect(encounters.filter((e) => e.billing?.length).map((e) => [e.date, e.kind, e.source])).toEqual([['2021-08-10', 'billing', 'ledger']]);
    expect(facts.filter((f) => f.type === 'treatment' && f.date === '2023-12-05').map((f) => f.type === 'treatment' && f.attributes.status)).toEqual(['planned']);
  });

  it('a paralegal\'s specials summary: a title line without commas above a "DOS From" header', () => {
    const csv = [
      'DOE & ROE CO. LPA - MEDICAL SPECIALS SUMMARY - Doe v. Roe Apartments - prepared 05/15/2024 (paralegal)',
      'Provider,DOS From,DOS To,Description,CPT/HCPCS,Dx,Billed,Health Plan Paid',
      'Valley Medical Center,01/21/2022,01/21/2022,"ED facility - level 4 visit; XR ankle 3V",99284; 73610,S82.852A,5284.00,2118.40',
    ].join('\n');
    const { encounters } = readCsvLedger('d10', 'specials.csv', Buffer.from(csv), undefined).structured!;
    expect(encounters.map((e) => [e.date, e.provider.name])).toEqual([['2022-01-21', 'Valley Medical Center']]);
  });

  it('CSV rows → dated billing encounters, treatment facts from the CPT table, row-span evidence', () => {
    const doc = readCsvLedger('d2', 'ledger.csv', Buffer.from(LEDGER), '12F');
    const { encounters, facts } = doc.structured!;
    expect(encounters.map((e) => [e.date, e.provider.name, e.billing!.length, e.specialty])).toEqual([
      ['2023-01-09', 'Alan Ortiz MD', 1, 'unknown'],
      ['2023-01-23', 'Back In Motion PT', 2, 'physical_therapy'],
      ['2023-02-14', 'Spine Interventional', 1, 'pain_management'],
      ['2023-03-02', 'Harbor Chiropractic', 1, 'chiropractic'],
      ['2023-04-27', 'Harbor Chiropractic', 1, 'chiropractic'],
    ]);
    expect(encounters.every((e) => e.source === 'ledger' && e.kind === 'billing')).toBe(true);
    const tfesi = encounters[2].billing![0];
    expect(tfesi).toMatchObject({ code: '64483', icd10: ['M54.16', 'M51.26'], charge: 1450, paid: 980, adjustment: 470, balance: 0, units: 1 });
    expect(tfesi.evidence.quote).toBe('02/14/2023,Spine Interventional,64483,LT,"M54.16, M51.26",TFESI L5-S1 left,1,"$1,450.00",$980.00,$470.00,$0.00');
    expect(tfesi.evidence).toMatchObject({ exhibit: '12F/1', path: 'row 6' });
    const treatments = facts.filter((f) => f.type === 'treatment');
    expect(treatments.map((f) => [f.date, f.attributes.modality, f.attributes.cpt])).toEqual([
      ['2023-01-23', 'physical_therapy', '97161'], ['2023-01-23', 'physical_therapy', '97110'],
      ['2023-02-14', 'epidural_injection', '64483'], ['2023-03-02', 'chiropractic', '98941'], ['2023-04-27', 'chiropractic', '98941'],
    ]);
    expect(treatments[2].attributes).toMatchObject({ side: 'left', status: 'performed' });
    // CMT billed without AT by a biller who uses AT elsewhere is coded maintenance care.
    expect(facts.filter((f) => f.type === 'plan_signal').map((f) => [f.date, f.attributes])).toEqual([['2023-04-27', { signal: 'maintenance_care', target: 'chiropractic' }]]);
    expect(doc.warnings).toEqual(['1 row with an unreadable date of service skipped (line 7)']);
    for (const f of facts) expect(FactSchema.safeParse(f).success).toBe(true);
    expect(verifyCitations({ encounters, facts }, texts([doc])).problems).toEqual([]);
  });

  it('XLSX sheets are rendered to text and cited like CSV', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Charges');
    ws.addRow(['DOS', 'Rendering Provider', 'Proc Code', 'Dx', 'Service', 'Qty', 'Billed', 'Ins Paid', 'Write-off', 'Pt Balance']);
    ws.addRow([new Date(Date.UTC(2023, 5, 5)), 'Spine Interventional', '64635', 'M47.816', 'RFA lumbar facet', 1, 2100, 1500, 600, 0]);
    ws.addRow(['06/19/2023', 'Back In Motion PT', '97530', 'M54.5', 'Therapeutic activities', 2, 150, 100, 50, 0]);
    const dir = await mkdtemp(path.join(tmpdir(), 'plateau-xlsx-'));
    const file = path.join(dir, 'billing.xlsx');
    await writeFile(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const [doc] = await readFileDocuments('d3', 'billing.xlsx', file);
    expect(doc.kind).toBe('ledger');
    expect(doc.text.split('\n')[1]).toBe('2023-06-05,Spine Interventional,64635,M47.816,RFA lumbar facet,1,2100,1500,600,0');
    const facts = doc.structured!.facts;
    expect(facts.map((f) => [f.date, f.type === 'treatment' && f.attributes.modality])).toEqual([['2023-06-05', 'radiofrequency_ablation'], ['2023-06-19', 'physical_therapy']]);
    expect(doc.structured!.encounters[0].billing![0]).toMatchObject({ charge: 2100, paid: 1500, adjustment: 600, balance: 0 });
    expect(verifyCitations(doc.structured, texts([doc])).problems).toEqual([]);
  });

  it('a managed-care claims history: pharmacy fills, referral records and summary rows are not visits', () => {
    const csv = [
      'member_id,svc_date,provider,provider_type,code_type,code,description,billed,paid,status',
      'M1,01/16/2024,FIRSTSTOP URGENT CARE,URGENT CARE,CPT,99204,OFFICE VISIT NEW LVL 4,245.00,118.30,PAID',
      'M1,01/16/2024,LAGONDA ORTHOPAEDIC ASSOCIATES,SPECIALIST,REF,SPEC-REF,SPECIALIST REFERRAL/AUTH REQUEST - ORTHOPEDICS,0.00,0.00,PENDED',
      'M1,01/16/2024,CAREFIRST PHARMACY #22,PHARMACY,NDC,IBUPROFEN 600 MG TAB,ibuprofen 600 mg,9.80,4.15,PAID',
      'M1,06/01/2024,EASTWOOD COMMUNITY HEALTH CENTER,PCP,ADMIN,PCP-ASSIGN,PCP ASSIGNMENT,0.00,0.00,INFO',
      'M1,09/30/2024,,SUMMARY,,,Period summary,,,INFO',
    ].join('\n');
    const { encounters } = readCsvLedger('d9', 'claims.csv', Buffer.from(csv), undefined).structured!;
    expect(encounters.map((e) => [e.date, e.provider.name])).toEqual([['2024-01-16', 'FIRSTSTOP URGENT CARE']]);
  });

  it('therapy codes billed with the GO modifier or by a hand-therapy clinic are occupational therapy', () => {
    const csv = ['Claim,DOS,Provider,Specialty,CPT,Mod,Units,Billed',
      'BN1,2023-06-27,Riverfront Hand Therapy,OT,97110,GO,2,150.00',
      'BN1,2023-06-28,Valley Rehab,PT,97110,GP,2,150.00'].join('\n');
    const { facts } = readCsvLedger('d9', 'ot.csv', Buffer.from(csv), undefined).structured!;
    expect(facts.filter((f) => f.type === 'treatment').map((f) => [f.date, (f.attributes as { modality: string }).modality]))
      .toEqual([['2023-06-27', 'occupational_therapy'], ['2023-06-28', 'physical_therapy']]);
  });

  it('a pediatric therapy clinic\'s row that says "OT treatment" is occupational therapy', () => {
    const csv = ['DOS,Patient,Provider,CPT,Description,Billed',
      '11/16/2023,Maya Doe,Little Steps Pediatric Therapy,97110 x2; 97530,OT treatment,265.00',
      '11/20/2023,Maya Doe,Little Steps Pediatric Therapy,97110 x2,PT treatment,180.00'].join('\n');
    const { facts } = readCsvLedger('d11', 'specials.csv', Buffer.from(csv), undefined).structured!;
    expect([...new Set(facts.filter((f) => f.type === 'treatment').map((f) => `${f.date} ${(f.attributes as { modality: string }).modality}`))])
      .toEqual(['2023-11-16 occupational_therapy', '2023-11-20 physical_therapy']);
  });

  it('a nerve block billed by the anesthesia group is the operation\'s anesthesia; an office visit\'s injection is read past the visit code', () => {
    const csv = ['DOS,Provider,CPT,Description,Billed',
      '2022-06-14,Brazos Valley Anesthesia Assoc,64415,Injection anesthetic agent brachial plexus,900.00',
      '2022-08-02,Valley Anesthesia & Pain Consultants,64405,Greater occipital nerve block,450.00',
      '04/18/2023,Alpharetta Ortho & Sports,99213/20611/J3301,F/u + SA injection #2,665.00'].join('\n');
    const { facts } = readCsvLedger('d10', 'specials.csv', Buffer.from(csv), undefined).structured!;
    expect(facts.filter((f) => f.type === 'treatment').map((f) => [f.date, (f.attributes as { modality: string }).modality]))
      .toEqual([['2022-08-02', 'other_injection'], ['2023-04-18', 'joint_injection']]);
  });

  it('a ledger without a date column fails with the headers it found', () => {
    expect(() => readCsvLedger('d4', 'x.csv', Buffer.from('Provider,CPT,Charge\nA,97110,$50\n'), undefined)).toThrow(/no date-of-service column found \(headers: Provider, CPT, Charge\)/);
  });

  it.each([
    ['03/14/2024', '2024-03-14'], ['3/4/24', '2024-03-04'], ['2024-03-14', '2024-03-14'], ['14-Mar-2024', '2024-03-14'],
    ['Mar 14, 2024', '2024-03-14'], ['45365', '2024-03-14'], ['2/30/2023', undefined], ['13/01/2023', undefined], ['pending', undefined],
    ['04/04/2022-05/13/2022', '2022-04-04'], ['03/15/22 to 04/04/22', '2022-03-15'],
  ])('date %s → %s', (raw, iso) => expect(parseLedgerDate(raw)).toBe(iso));
  it.each([['$1,234.50', 1234.5], ['(45.00)', -45], ['-12', -12], ['', undefined], ['n/a', undefined]])('money %s → %s', (raw, v) => expect(parseMoney(raw)).toBe(v));
  it('header synonyms', () => {
    expect(mapHeaders(['DOS', 'Rendering Provider', 'HCPCS', 'Modifier', 'Dx Codes', 'Service Description', 'Units', 'Amount', 'Payment', 'Adj', 'Balance Due']))
      .toEqual({ date: 0, provider: 1, code: 2, modifier: 3, icd10: 4, description: 5, units: 6, charge: 7, paid: 8, adjustment: 9, balance: 10 });
  });

  it('reads billing-system abbreviations (Svc Dt, Proc, Amt, Ins Pd, Pt Bal)', () => {
    expect(mapHeaders(['Provider', 'DOS From', 'DOS To', 'Description', 'CPT/HCPCS']).date).toBe(1);
    expect(mapHeaders(['Svc Dt', 'Rendering Provider', 'Proc', 'Proc Desc', 'Dx1', 'Amt', 'Ins Pd', 'Pt Bal']))
      .toEqual({ date: 0, provider: 1, code: 2, description: 3, icd10: 4, charge: 5, paid: 6, balance: 7 });
    expect(mapHeaders(['Serv Dt', 'Proc Cd', 'Pmt'])).toEqual({ date: 0, code: 1, paid: 2 });
    // Carrier payment registers: the service date is the from-date, not the payment date; the payee is the provider.
    expect(mapHeaders(['txn_date', 'service_from', 'service_to', 'payee', 'category', 'code', 'description', 'units', 'billed', 'allowed', 'paid']))
      .toEqual({ date: 1, provider: 3, category: 4, code: 5, description: 6, units: 7, charge: 8, paid: 10 });
    expect(mapHeaders(['txn_date', 'service_dates', 'payee', 'category', 'code', 'description', 'billed', 'paid']))
      .toEqual({ date: 1, provider: 2, category: 3, code: 4, description: 5, charge: 6, paid: 7 });
  });

  it.each([
    [['paid_date', 'payee', 'category', 'service_from', 'service_to', 'code_or_benefit', 'billed', 'paid', 'note'], { date: 3, provider: 1, category: 2, code: 5, charge: 6, paid: 7, description: 8 }],
    [['Date of service', 'Provider', 'Code(s)', 'Description', 'Billed', 'Paid'], { date: 0, provider: 1, code: 2, description: 3, charge: 4, paid: 5 }],
    [['Pay Date', 'Category', 'Payee', 'Svc/Period From', 'Svc/Period To', 'Code/Benefit', 'Description', 'Billed', 'Paid'], { date: 3, category: 1, provider: 2, code: 5, description: 6, charge: 7, paid: 8 }],
    [['paid_date', 'payee', 'type', 'service_dates', 'codes', 'description', 'billed', 'paid'], { date: 3, provider: 1, category: 2, code: 4, description: 5, charge: 6, paid: 7 }],
  ])('finds the codes and the amount paid in a carrier register whose columns are %j', (cells, expected) => {
    expect(mapHeaders(cells)).toEqual(expected);
  });
});
