import { describe, expect, it } from 'vitest';
import type { Fact } from '../src/model/index.js';
import { assessContext } from '../src/context/engine.js';
import { reasonIn } from '../src/extract/reasons.js';
import { bareFacts, of } from './helpers/facts-of.js';

/**
 * Reading classes met in claim files written by people who never read this code (synthetic text, no PHI): a step
 * only contemplated, a procedure looked back on.
 */
const asserted = <T extends Fact>(fs: T[]) => fs.filter((f) => !f.negated && f.temporality !== 'hypothetical');
const contextOf = (sentence: string, target: string) => {
  const i = sentence.indexOf(target);
  return assessContext(sentence, i, i + target.length, { section: 'plan' });
};
const facts = bareFacts;
const treatments = (text: string) => facts(text).filter((f) => f.type === 'treatment');

describe('a step contemplated, not taken', () => {
  it.each([
    ['Increase gabapentin to 600 mg TID; if no better in 3-4 wks, Dr. Kimbrough may switch to pregabalin.', 'pregabalin'],
    ['If the burning persists we could try duloxetine.', 'duloxetine'],
    ['Mr. Doe may add a TENS unit at home.', 'TENS'],
    ['Had the block been positive, we would have proceeded to a confirmatory block and then RFA.', 'RFA'],
  ])('%s', (sentence, target) => {
    const c = contextOf(sentence, target);
    expect(c.temporality).toBe('hypothetical');
    expect(c.negated).toBe(false);
  });
  it('an examiner\'s opinion on the past is not a counterfactual', () => {
    expect(contextOf('In my opinion she would have reached maximum medical improvement by 06/22/2023.', 'maximum medical improvement').temporality).toBe('current');
  });
  it('a title\'s full stop does not end the sentence, a sentence\'s does', () => {
    expect(contextOf('If pain persists, Dr. Ng may consider PT.', 'PT').temporality).toBe('hypothetical');
    expect(contextOf('If pain persists, call. PT twice weekly.', 'PT').temporality).toBe('current');
  });
  it.each([
    ['No better with PT; start duloxetine.', 'PT'],
    ['Not better after gabapentin.', 'gabapentin'],
  ])('an outcome negated is not the treatment negated: %s', (sentence, target) => {
    expect(contextOf(sentence, target).negated).toBe(false);
  });
});

it('an act the surgeon decided against is not performed', () => {
  const t = of('We were unable to advance the catheter past the prior laminectomy scar.', 'treatment');
  expect(asserted(t).filter((f) => f.attributes.status === 'performed')).toEqual([]);
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

describe('a treatment looked back on', () => {
  it.each([
    ['Saw Dr. Colquitt 03/12 - "he said the surgery did what it could and I don\'t need to come back."', 'surgery'],
    ['The injection did not help.', 'injection'],
    ['Her surgery went well.', 'surgery'],
  ])('%s', (sentence, target) => {
    expect(contextOf(sentence, target).temporality).toBe('historical');
  });
  it('a treatment that helps now stays current', () => {
    expect(contextOf('Gabapentin helps at night.', 'Gabapentin').temporality).toBe('current');
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
  it.each<[string, string]>([
    ['Post-laminectomy syndrome with residual left L5 radiculopathy. Three ESIs with diminishing, short-lived benefit.', 'epidural_injection'],
    ['Facet pain; two medial branch blocks gave only brief relief.', 'medial_branch_block'],
  ])('injections counted up in an assessment were given before: %s', (body, modality) => {
    const f = treatments(visit(body)).filter((x) => x.attributes.modality === modality);
    expect(f.length).toBeGreaterThan(0);
    expect(f.every((x) => x.temporality === 'historical')).toBe(true);
  });
  it('current-visit narrative of a procedure note stays current', () => {
    const t = 'PROCEDURE NOTE\nDate of Procedure: 04/04/2024\nPhysician: Inés Calder, MD\n\nPROCEDURE: Left L5-S1 transforaminal epidural steroid injection.\nDESCRIPTION: The needle was advanced under fluoroscopy and 80 mg triamcinolone was given. The patient tolerated the procedure well.\n';
    const esi = treatments(t).filter((f) => f.attributes.modality === 'epidural_injection');
    expect(esi.length).toBeGreaterThan(0);
    expect(esi.every((f) => f.temporality === 'current')).toBe(true);
  });
});

describe('an option weighed and set aside, or a specialty in brackets', () => {
  it.each([
    '1. She is not a surgical candidate at this time. Surgery would not be expected to improve axial, facet-mediated neck pain.',
    'Seen by Dr. Oyelaran (spine surgery, telehealth 09/07/2023): not a surgical candidate; continued nonoperative care recommended.',
  ])('no operation recommended or done: %s', (text) => {
    const t = asserted(of(text, 'treatment')).filter((f) => f.attributes.modality === 'surgery');
    expect(t).toEqual([]);
  });
  it('a procedure in brackets after a name is still a procedure when more follows it', () => {
    expect(of('Dr. Lee (s/p fusion 2019) reports pain.', 'treatment').map((f) => f.attributes.modality)).toContain('surgery');
  });
});

describe('a plan item with its condition after it', () => {
  it.each([
    ['Lumbar MRI if radicular symptoms develop or no improvement in 6 weeks.', 'imaging_study'],
    ['Plan: Continue meloxicam. Repeat ESI if pain returns.', 'epidural_injection'],
    ['Consider RFA should symptoms persist.', 'radiofrequency_ablation'],
    ['2. Continue the current plan with Dr. Roe (HEP, medication, repeat RFA\n    if the benefit wears off).', 'radiofrequency_ablation'],
    ['Recommendations: at counsel\'s request, the current charge estimate for a single-level ACDF is about $98,000.', 'surgery'],
  ])('%s → hypothetical', (text, modality) => {
    const f = of(text, 'treatment').find((x) => x.attributes.modality === modality);
    expect(f?.temporality).toBe('hypothetical');
  });
  it('a study already done, with a follow-up condition later in the sentence, stays done', () => {
    const f = of('She had an MRI of the lumbar spine last month showing stenosis and will follow up if no better.', 'treatment').find((x) => x.attributes.modality === 'imaging_study');
    expect(f?.temporality).not.toBe('hypothetical');
  });
});

describe('an operation named with the year it was done (the note is of 03/14/2024)', () => {
  it.each([
    'Knee pain. L TKA 03/2021, doing well.',
    'Knee pain. S/p R TKA (02/2022); stiffness since.',
  ])('is history in a later note: %s', (text) => {
    const t = of(text, 'treatment').filter((f) => f.attributes.modality === 'surgery');
    expect(t.length).toBeGreaterThan(0);
    expect(t.every((f) => f.temporality === 'historical')).toBe(true);
  });
  it('a date to come is not: "L TKA 03/2024 planned"', () => {
    expect(of('Knee pain. L TKA 03/2024 planned.', 'treatment').filter((f) => f.attributes.modality === 'surgery').map((f) => f.temporality)).toEqual(['current']);
  });
});
