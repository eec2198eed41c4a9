import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFhir } from '../src/ingest/fhir.js';
import { instrumentOf, qualificationOf, treatmentOf } from '../src/ingest/fhir-codes.js';
import type { Fact } from '../src/model/index.js';
import { expectValidCitations } from './helpers/citations.js';

const synthea = path.resolve(import.meta.dirname, '../../shared/data/synthea-dev');

describe('fhir-codes lexicon', () => {
  it.each([
    [{ codes: ['91251008'], text: 'Physical therapy procedure' }, 'physical_therapy'],
    [{ codes: ['872781000000100'], text: 'Musculoskeletal care' }, 'physical_therapy'],
    [{ codes: [], text: 'Manipulation of lumbar spine' }, 'chiropractic'],
    [{ codes: [], text: 'Injection of trigger point' }, 'trigger_point_injection'],
    [{ codes: [], text: 'Intra-articular injection of knee joint' }, 'joint_injection'],
    [{ codes: ['14016003'], text: 'Acupuncture' }, 'acupuncture'],
  ])('%o → %s', (c, modality) => expect(treatmentOf(c)?.modality).toBe(modality));
  it.each([
    { codes: ['183051005'], text: 'Recommendation to rest' },
    { codes: ['229586001'], text: 'Rest, ice, compression and elevation treatment programme' },
    { codes: ['65546002'], text: 'Extraction of wisdom tooth' },
  ])('%o is no claim treatment', (c) => expect(treatmentOf(c)).toBeUndefined());
  it('reads qualifications and instruments; vitals are no instrument', () => {
    expect(qualificationOf('Doctor of Chiropractic')).toMatchObject({ credential: 'DC', specialty: 'chiropractic' });
    expect(qualificationOf('DPT')).toMatchObject({ specialty: 'physical_therapy' });
    expect(instrumentOf({ codes: ['72514-3'], text: 'Pain severity' })).toMatchObject({ instrument: 'NRS', max: 10 });
    expect(instrumentOf({ codes: ['8480-6'], text: 'Systolic blood pressure' })).toBeUndefined();
  });
});

const bundle = {
  resourceType: 'Bundle', type: 'collection',
  entry: [
    { fullUrl: 'urn:uuid:pr1', resource: { resourceType: 'Practitioner', id: 'pr1', name: [{ family: 'Okafor', given: ['Ngozi'] }], qualification: [{ code: { text: 'DPT' } }] } },
    { fullUrl: 'urn:uuid:org1', resource: { resourceType: 'Organization', id: 'org1', name: 'Riverside Physical Therapy' } },
    { fullUrl: 'urn:uuid:pr2', resource: { resourceType: 'Practitioner', id: 'pr2', name: [{ family: 'Haas', given: ['Lena'] }] } },
    { fullUrl: 'urn:uuid:role2', resource: { resourceType: 'PractitionerRole', id: 'role2', practitioner: { reference: 'urn:uuid:pr2' }, specialty: [{ coding: [{ system: 'http://nucc.org/provider-taxonomy', code: '208VP0014X' }] }] } },
    { fullUrl: 'urn:uuid:e1', resource: { resourceType: 'Encounter', id: 'e1', status: 'finished', class: { code: 'AMB' }, type: [{ text: 'Physical therapy evaluation' }], participant: [{ individual: { reference: 'urn:uuid:pr1' } }], serviceProvider: { reference: 'urn:uuid:org1' }, period: { start: '2023-03-01T10:00:00Z' } } },
    { fullUrl: 'urn:uuid:e2', resource: { resourceType: 'Encounter', id: 'e2', status: 'finished', class: { code: 'AMB' }, type: [{ text: 'Office visit' }], participant: [{ individual: { reference: 'urn:uuid:role2' } }], period: { start: '2023-06-10' } } },
    { fullUrl: 'urn:uuid:c1', resource: { resourceType: 'Condition', id: 'c1', clinicalStatus: { coding: [{ code: 'active' }] }, code: { text: 'Cervical radiculopathy' }, onsetDateTime: '2023-01-15' } },
    { fullUrl: 'urn:uuid:c2', resource: { resourceType: 'Condition', id: 'c2', code: { text: 'Lumbar strain' }, abatementDateTime: '2019-05-01' } },
    { fullUrl: 'urn:uuid:c3', resource: { resourceType: 'Condition', id: 'c3', verificationStatus: { coding: [{ code: 'entered-in-error' }] }, code: { text: 'Fibromyalgia' } } },
    { resource: { resourceType: 'Procedure', id: 'p1', status: 'not-done', statusReason: { text: 'Patient declined injection, fearful of needles' }, code: { text: 'Cervical epidural steroid injection' }, encounter: { reference: 'urn:uuid:e2' }, reasonReference: [{ reference: 'urn:uuid:c1' }] } },
    { resource: { resourceType: 'Procedure', id: 'p2', status: 'in-progress', code: { coding: [{ system: 'http://snomed.info/sct', code: '91251008', display: 'Physical therapy procedure' }] }, performedPeriod: { start: '2023-03-01' }, encounter: { reference: 'urn:uuid:e1' } } },
    { resource: { resourceType: 'CarePlan', id: 'cp1', status: 'completed', intent: 'order', category: [{ coding: [{ system: 'http://snomed.info/sct', code: '91251008', display: 'Physical therapy procedure' }] }], period: { start: '2023-03-01', end: '2023-05-24' }, addresses: [{ reference: 'urn:uuid:c1' }], activity: [{ detail: { code: { text: 'Recommendation to rest', coding: [{ code: '183051005' }] }, status: 'completed' } }, { detail: { code: { coding: [{ code: '229070002', display: 'Stretching exercises' }] }, status: 'in-progress' } }] } },
    { resource: { resourceType: 'Observation', id: 'o1', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '72514-3', display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported' }] }, valueQuantity: { value: 7, unit: '{score}' }, effectiveDateTime: '2023-03-01' } },
    { resource: { resourceType: 'Observation', id: 'o2', status: 'final', code: { text: 'Neck Disability Index' }, valueQuantity: { value: 44, unit: '%' }, effectiveDateTime: '2023-03-01' } },
    { resource: { resourceType: 'Observation', id: 'o3', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '29463-7', display: 'Body Weight' }] }, valueQuantity: { value: 81 } } },
    { resource: { resourceType: 'MedicationRequest', id: 'm1', status: 'stopped', intent: 'order', statusReason: { text: 'GI upset' }, medicationCodeableConcept: { text: 'Meloxicam 15 MG Oral Tablet' }, authoredOn: '2023-02-01', dosageInstruction: [{ text: '15 mg once daily' }] } },
    { resource: { resourceType: 'ExplanationOfBenefit', id: 'eob1', status: 'active', provider: { reference: 'urn:uuid:org1' }, billablePeriod: { start: '2023-03-01' }, item: [
      { sequence: 1, productOrService: { coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '97162', display: 'PT evaluation, moderate complexity' }] }, servicedDate: '2023-03-01', encounter: [{ reference: 'urn:uuid:e1' }], net: { value: 185 }, adjudication: [{ category: { coding: [{ code: 'benefit' }] }, amount: { value: 120.5 } }] },
      { sequence: 2, productOrService: { coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '97140', display: 'Manual therapy' }] }, servicedDate: '2023-03-08', net: { value: 65 } },
    ], total: [{ category: { coding: [{ code: 'submitted' }] }, amount: { value: 250 } }] } },
  ],
};

describe('hand-written bundle: each mapping', () => {
  const raw = JSON.stringify(bundle, null, 2);
  const docs = readFhir('d1', 'case.json', Buffer.from(raw), undefined);
  const { encounters, facts } = docs[0].structured!;
  const by = (r: string) => facts.filter((f) => f.evidence[0].resource === r);
  const one = (r: string) => by(r)[0] as Fact;

  it('encounters: practitioner, credential, organisation, specialty, kind', () => {
    expect(encounters[0]).toMatchObject({ date: '2023-03-01', kind: 'pt_evaluation', specialty: 'physical_therapy', provider: { name: 'Ngozi Okafor', credential: 'DPT', organization: 'Riverside Physical Therapy' } });
    expect(encounters[0].evidence.map((e) => e.quote)).toEqual(['Physical therapy evaluation', '2023-03-01T10:00:00Z', 'Okafor', 'Riverside Physical Therapy']);
    expect(encounters[1]).toMatchObject({ specialty: 'pain_management', provider: { name: 'Lena Haas' } });
  });
  it('conditions: active current, abated historical, entered-in-error skipped', () => {
    expect(one('Condition/c1')).toMatchObject({ temporality: 'current', date: '2023-01-15' });
    expect(one('Condition/c2')).toMatchObject({ temporality: 'historical' });
    expect(by('Condition/c3')).toEqual([]);
  });
  it('procedures: not-done → declined with reason; in-progress → ongoing', () => {
    expect(one('Procedure/p1')).toMatchObject({ encounterId: 'd1#e2', attributes: { modality: 'epidural_injection', status: 'declined', reasonStopped: 'Patient declined injection, fearful of needles' } });
    expect(one('Procedure/p1').evidence[1]).toMatchObject({ resource: 'Condition/c1', quote: 'Cervical radiculopathy' });
    expect(one('Procedure/p2')).toMatchObject({ date: '2023-03-01', attributes: { modality: 'physical_therapy', status: 'ongoing' } });
  });
  it('care plan: a course from period start to end; rest is no treatment; activity status kept', () => {
    const plan = by('CarePlan/cp1');
    expect(plan.map((f) => [(f.attributes as { modality: string }).modality, f.date, (f.attributes as { status: string }).status])).toEqual([
      ['physical_therapy', '2023-03-01', 'completed'], ['physical_therapy', '2023-05-24', 'completed'], ['home_exercise', '2023-03-01', 'ongoing'],
    ]);
  });
  it('observations: NRS and NDI kept, vitals skipped', () => {
    expect(one('Observation/o1')).toMatchObject({ type: 'outcome_measure', attributes: { instrument: 'NRS', value: 7, max: 10 } });
    expect(one('Observation/o2')).toMatchObject({ attributes: { instrument: 'NDI', value: 44, max: 100 } });
    expect(by('Observation/o3')).toEqual([]);
  });
  it('medication stopped → discontinued with dose and reason', () => {
    expect(one('MedicationRequest/m1')).toMatchObject({ date: '2023-02-01', attributes: { status: 'discontinued', dose: '15 mg once daily', reasonStopped: 'GI upset' } });
  });
  it('EOB items → billing lines on the referenced encounter; unlinked item on a billing encounter, with a treatment', () => {
    expect(encounters[0].billing).toEqual([expect.objectContaining({ date: '2023-03-01', code: '97162', charge: 185, paid: 120.5, provider: 'Riverside Physical Therapy' })]);
    const billed = encounters.find((e) => e.kind === 'billing')!;
    expect(billed).toMatchObject({ date: '2023-03-08', billing: [expect.objectContaining({ code: '97140', charge: 65 })] });
    expect(facts.find((f) => f.encounterId === billed.id)).toMatchObject({ attributes: { modality: 'physical_therapy', cpt: '97140', status: 'performed' } });
    expect(facts.filter((f) => f.encounterId === encounters[0].id && f.evidence[0].resource === 'ExplanationOfBenefit/eob1')).toEqual([]);
  });
  it('every quote is the raw file slice', () => {
    expect(expectValidCitations(docs[0].structured, docs)).toBeGreaterThan(20);
  });
});

describe('Synthea bundles', () => {
  const read = (name: string) => readFhir('s', name, readFileSync(path.join(synthea, name)), undefined);
  it('Korey Toy: whiplash → musculoskeletal care course with dates, NRS pain scores, EOB costs', () => {
    const docs = read('Korey_Toy_1b643ea7-c9f8-40e6-b32c-88a3cc1d71f0.json');
    const { encounters, facts } = docs[0].structured!;
    const pt = facts.filter((f) => f.type === 'treatment' && (f.attributes as { modality: string }).modality === 'physical_therapy');
    expect(pt.map((f) => f.date)).toEqual(['1987-01-20', '1987-02-10']);
    expect(pt[0].evidence.map((e) => e.quote)).toContain('Whiplash injury to neck');
    expect(facts.filter((f) => f.type === 'outcome_measure' && f.attributes.instrument === 'NRS').length).toBeGreaterThan(5);
    const lines = encounters.flatMap((e) => e.billing ?? []);
    expect(lines.length).toBeGreaterThanOrEqual(29);
    expect(lines.every((l) => l.charge === undefined || l.charge >= 0)).toBe(true);
    expect(encounters.find((e) => e.date === '1987-01-20')?.billing?.some((l) => (l.charge ?? 0) > 0)).toBe(true);
    expectValidCitations(docs.map((d) => d.structured), docs);
  });
});
