import { describe, expect, it } from 'vitest';
import type { Encounter, SourceDocument } from '../src/model/index.js';
import { splitEncounters } from '../src/segment/encounters.js';
import { findProviders, pickProvider } from '../src/segment/providers.js';
import { extractFacts } from '../src/extract/index.js';
import { looksLikeLetterhead } from '../src/extract/letterhead.js';
import { reasonIn } from '../src/extract/reasons.js';

function doc(text: string): SourceDocument {
  return { id: 'd1', file: 'note.txt', text, pages: [{ page: 1, start: 0, end: text.length }] } as unknown as SourceDocument;
}
function facts(text: string) {
  const d = doc(text);
  return extractFacts(d, splitEncounters(d));
}
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

describe('reason given in the sentences after a decision', () => {
  it.each([
    ['He explained that he cannot be off work for six weeks with two kids at home.', 'he cannot be off work for six weeks with two kids at home'],
    ['She is worried about anesthesia after a prior reaction.', 'is worried about anesthesia after a prior reaction'],
    ['Pt does not want an operation at this time.', 'does not want an operation at this time'],
  ])('%s', (sentence, reason) => expect(reasonIn(sentence)).toBe(reason));
  it('is none in a plain exam sentence', () => expect(reasonIn('Strength 5/5 throughout.')).toBeUndefined());

  it('attaches the following sentence as the declined surgery reason, with its evidence', () => {
    const t = 'Date of Service: 05/02/2024\nProvider: Tomasz Wielgus, MD\n\nWe reviewed an L5-S1 fusion at length. Mr. Oyelowo declined surgery. He explained that he is the sole earner for his family and cannot take three months off. Follow up as needed.\n';
    const declined = treatments(t).find((f) => f.attributes.status === 'declined');
    expect(declined?.attributes.reasonStopped).toMatch(/sole earner/);
    expect(declined?.evidence.some((e) => e.quote.startsWith('He explained'))).toBe(true);
  });
  it('does not borrow the reason of the next decision', () => {
    const t = 'Date of Service: 05/02/2024\nProvider: Tomasz Wielgus, MD\n\nShe declined surgery. Start duloxetine 30 mg because of neuropathic pain.\n';
    const declined = treatments(t).find((f) => f.attributes.modality === 'surgery' && f.attributes.status === 'declined');
    expect(declined?.attributes.reasonStopped).toBeUndefined();
  });
});

describe('author: header fields beat names in the narrative', () => {
  it('a "seen by Dr. X" sentence never sets the author', () => {
    const t = 'FOLLOW-UP\nDOS: 02/05/2024\nPhysician: Lena Okonkwo-Barros, MD\n\nS: Seen by Dr. Feldstein 01/15/2024, who recommended injections. Pain 5/10.\n';
    const enc: Encounter = splitEncounters(doc(t))[0];
    expect(enc.provider.name).toBe('Lena Okonkwo-Barros');
  });
  it('"Evaluated by:" as a field still names the author', () => {
    const t = 'Evaluated by: Corinne Aboud, PT, DPT\n';
    expect(pickProvider(findProviders(t, 0, t.length))?.provider.name).toBe('Corinne Aboud');
  });
});

describe('summaries and past-tense history', () => {
  const ime = (body: string) => `INDEPENDENT MEDICAL EVALUATION\nDate of Examination: 09/09/2024\nExaminer: Rowan Achterberg, MD\n\nHistory: ${body}\n`;
  it('a counted course in a history is historical and not dated to the injury', () => {
    const pt = treatments(ime('The examinee hurt her low back lifting a patient on 02/02/2023, treated with 14 sessions of physical therapy and two epidurals.')).find((f) => f.attributes.modality === 'physical_therapy');
    expect(pt?.temporality).toBe('historical');
    expect(pt?.date).toBe('2023-02-02'); // on or after the injury: the summary gives no date of its own
  });
  it('a date in the bracket after a mention is its own, not the date of the event before it', () => {
    const surgery = treatments(ime('Acute worsening of the right shoulder after a fall 02/03/2024 in a patient status post rotator cuff repair (06/13/2023).')).find((f) => f.attributes.modality === 'surgery');
    expect(surgery?.date).toBe('2023-06-13');
  });
  it('a leading date phrase still dates the event of its sentence', () => {
    const surgery = treatments(ime('On 03/14/2023, she underwent a left L4-5 microdiscectomy.')).find((f) => f.attributes.modality === 'surgery');
    expect(surgery?.date).toBe('2023-03-14');
  });
  it.each([
    'She was given nonsteroidals at that time, which helped.',
    'He had been on tramadol previously.',
  ])('past-tense history is historical: %s', (s) => {
    const t = `Date of Service: 04/04/2024\nProvider: Inés Calder, MD\n\nHISTORY OF PRESENT ILLNESS: ${s}\n`;
    expect(treatments(t).filter((f) => f.attributes.modality === 'medication').every((f) => f.temporality === 'historical')).toBe(true);
  });
  const visit = (body: string) => `FOLLOW-UP\nDATE OF SERVICE: 05/18/2023\nPROVIDER: Nathan Okafor, MD\n\nASSESSMENT: ${body}\n`;
  it.each<[string, string]>([
    ['Shoulder impingement, failed more than 3 months of non-operative care\n(chiropractic/home exercise, NSAID, subacromial corticosteroid injection with only temporary relief).', 'joint_injection'],
    ['Lumbar radiculopathy refractory to conservative management including physical therapy and an epidural steroid injection.', 'epidural_injection'],
    ['Radicular symptoms persist despite an epidural steroid injection, physical therapy and medications.', 'medication'],
  ])('care listed as failed is history: %s', (body, modality) => {
    const f = treatments(visit(body)).filter((x) => x.attributes.modality === modality);
    expect(f.length).toBeGreaterThan(0);
    expect(f.every((x) => x.temporality === 'historical')).toBe(true);
  });
  it('the next step after a failed-care summary stays current', () => {
    const f = treatments(visit('Failed conservative care (PT, NSAIDs); proceed with right shoulder arthroscopy.')).filter((x) => x.attributes.modality === 'surgery');
    expect(f.every((x) => x.temporality === 'current')).toBe(true);
  });
  it('current-visit narrative of a procedure note stays current', () => {
    const t = 'PROCEDURE NOTE\nDate of Procedure: 04/04/2024\nPhysician: Inés Calder, MD\n\nPROCEDURE: Left L5-S1 transforaminal epidural steroid injection.\nDESCRIPTION: The needle was advanced under fluoroscopy and 80 mg triamcinolone was given. The patient tolerated the procedure well.\n';
    const esi = treatments(t).filter((f) => f.attributes.modality === 'epidural_injection');
    expect(esi.length).toBeGreaterThan(0);
    expect(esi.every((f) => f.temporality === 'current')).toBe(true);
  });
});

describe('IMPRESSION is imaging context only in imaging reports', () => {
  it('a consult impression "status post hip fracture" is no imaging finding', () => {
    const t = 'REHAB CONSULTATION\nDate of Service: 06/01/2023\nPhysician: Abel Moreno, MD\n\nIMPRESSION:\n1. Status post left hip fracture and hemiarthroplasty.\n2. Deconditioning.\n';
    expect(facts(t).filter((f) => f.type === 'objective_finding' && f.attributes.category === 'imaging')).toEqual([]);
  });
});
