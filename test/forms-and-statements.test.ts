import { describe, expect, it } from 'vitest';
import type { FactOf } from '../src/model/index.js';
import { readFormMarks, formReading } from '../src/knowledge/forms.js';
import { of } from './helpers/facts-of.js';

const stated = (fs: FactOf<'mmi_statement'>[]) => fs.filter((f) => !f.negated && f.temporality === 'current' && f.certainty === 'affirmed');

describe('checkbox forms', () => {
  it('binds a yes/no question to its marked answer', () => {
    const text = 'MMI reached?   [ ] Yes   [X] No\n';
    const marks = readFormMarks(text);
    expect(marks.questions).toEqual([{ start: 0, end: text.indexOf('['), answer: 'no' }]);
    expect(formReading(marks, 0, 3)).toEqual({ kind: 'question', answer: 'no' });
  });
  it('an unmarked option states nothing', () => {
    const text = '[ ] Off work   [X] Modified duty\n';
    const marks = readFormMarks(text);
    expect(formReading(marks, text.indexOf('Off work'), text.indexOf('Off work') + 3)).toEqual({ kind: 'unchecked' });
    expect(formReading(marks, text.indexOf('Modified'), text.indexOf('Modified') + 3)).toBeUndefined();
  });

  it.each([
    ['Work status: modified duty. MMI reached? [ ] Yes [X] No', 'not_at_mmi'],
    ['Has the patient reached MMI? [X] Yes [ ] No', 'mmi'],
    ['P&S: [ ] Yes [X] No     Next visit: 6 weeks', 'not_at_mmi'],
    // A mental source statement's question on all the care: further benefit is expected, as "not at MMI" says.
    ['Has the patient reached maximum benefit from treatment?   [ ] Yes   [X] No', 'not_at_mmi'],
    ['He has not reached maximum benefit from treatment.', 'not_at_mmi'],
  ])('"%s" → %s', (body, kind) => {
    expect(stated(of(body, 'mmi_statement')).map((f) => f.attributes.kind)).toEqual([kind]);
  });
  it('a date in the next clause is its own: "reached MMI; his knee has been unchanged since my 01/24/2023 visit"', () => {
    expect(stated(of('Mr. Doe reached MMI; his knee has been unchanged since my 01/24/2023 visit.', 'mmi_statement')).map((f) => f.attributes.mmiDate)).toEqual([undefined]);
  });
  it.each([
    ['[X] Yes', []],
    ['[ ] Yes [X] No', ['mmi']],
  ])('an MMI box the same form contradicts ("receiving treatment that could improve functioning? %s")', (answer, kinds) => {
    const body = `5. Has the patient reached maximum medical improvement? [X] Yes [ ] No\n6. Is the patient currently receiving treatment that could improve functioning? ${answer}\n`;
    expect([...new Set(stated(of(body, 'mmi_statement')).map((f) => f.attributes.kind))]).toEqual(kinds);
  });
  it('an unanswered MMI question is no statement', () => {
    expect(stated(of('MMI reached?  [ ] Yes  [ ] No', 'mmi_statement'))).toEqual([]);
  });
  it('the answer\'s date field on the next line dates it: "Is the claimant at MMI? [X] Yes" over "Date of MMI: 08/15/2023"', () => {
    const body = 'Is the claimant at MMI for all work-related conditions?      [X] Yes   [ ] No\n  Date of MMI:                                   08/15/2023\n  Permanent impairment:   [X] Yes   [ ] No\n';
    expect([...new Set(stated(of(body, 'mmi_statement')).map((f) => `${f.attributes.kind} ${f.attributes.mmiDate}`))]).toEqual(['mmi 2023-08-15']);
  });
  it.each([
    ['Maximum Medical Improvement: [ ] Patient has reached MMI   Anticipated MMI date: 05/24/2022', []],
    ['MMI status:  [ ] At MMI   [ ] MMI anticipated', []],
    ['Maximum Medical Improvement: [X] Patient has reached MMI   Date of MMI: 06/01/2022', ['mmi']],
  ])('a field label before its options: "%s" → %j', (body, kinds) => {
    expect([...new Set(stated(of(body, 'mmi_statement')).map((f) => f.attributes.kind))]).toEqual(kinds);
  });
  it('one discipline\'s ceiling not reached is no "not at MMI"', () => {
    expect(stated(of('Reached maximum benefit from PT?  [ ] Yes  [X] No', 'mmi_statement'))).toEqual([]);
    expect(stated(of('She has not reached maximum benefit from skilled PT.', 'mmi_statement'))).toEqual([]);
  });
});

describe('MMI words that are not statements', () => {
  it.each([
    ['Letter from the carrier asking whether the claimant has reached MMI.', 'request'],
    ['You asked about causation, treatment, prognosis, maximum medical improvement and future care.', 'request'],
    ['Re-eval 8 weeks for P&S.', 'request'],
    ['MMI cannot be determined until neuropsychological testing is completed and the response to nerve blocks is known.', 'deferral'],
    ['Expected recovery 9-12 months; P&S re-evaluation not before ~12 months post-op.', 'deferral'],
    ['In your opinion, has Mr. Doe reached maximum medical improvement?', 'question'],
    ['I do not perform impairment ratings; I defer MMI to an independent rating physician.', 'deferral'],
    ['He should reach MMI in 6-8 weeks.', 'prediction'],
    ['In my opinion he is at or very near maximum medical improvement.', 'prediction'],
    ['Impairment rating and a decision on knife work will be made at MMI.', 'prediction'],
    ['Return after FCE to discuss permanent restrictions and MMI.', 'request'],
    ['04/04/2023 10:30 AM Roe Follow-up - MMI/rating NO SHOW', 'visit'],
    ['Pt called: LTD letter says she is at "MMI" - asked what that means.', 'paraphrase'],
    ['MMI status is under review pending the EMG.', 'deferral'],
    ['Dr. Pitre places maximum medical improvement on 03/28/2023, the last day of post-operative therapy.', 'paraphrase'],
    ['Claimant appears to be approaching MMI.', 'prediction'],
    ['A functional capacity evaluation will be ordered when he approaches MMI to set permanent restrictions.', 'prediction'],
    ['I believe he is at or near MMI from a surgical standpoint.', 'prediction'],
    ['She is nearing maximum medical improvement.', 'prediction'],
    // An abbreviation's full stop ends no clause: "Est." qualifies the MMI that follows it.
    ['Est. MMI/return to full duty: ~09/2024.', 'prediction'],
    ['est MMI date 10/2024', 'prediction'],
    ['His surgeon has effectively found him permanent and stationary.', 'paraphrase'],
    // An examiner's chronology tells what the treating physician did; the examiner's own opinion comes later.
    ['12/06/2022 - ATP places at MMI, 9% LE, permanent restrictions per FCE.', 'paraphrase'],
    ['06/13/2023 - ATP: "MMI date remains 12/06/2022."', 'paraphrase'],
    ['He was treated by Dr. Haskins and found at MMI with 0% on 06/01/2022.', 'paraphrase'],
    ['S/p L3-5 laminectomy - per neurosurgery at MMI (07/23/2024) with permanent restrictions.', 'paraphrase'],
    ['If the patient is Permanent and Stationary, do not use this form.', 'instruction'],
    ['Statutory MMI in this claim would be 03/19/2025.', 'statutory'],
    ['Last visit 05/16/2023 (MMI; permanent restrictions).', 'history'],
    ['At her last visit Dr. Roe placed her at MMI.', 'history'],
    // An initial's full stop ends no clause: the examiner named before it reports the MMI after it.
    ['Reviewed the IME of Dr. Marjorie L. Roe (01/10/2023) stating the tear is degenerative, that he is at MMI with 0% impairment.', 'paraphrase'],
    ['Dr. Roe released physical conditions at MMI 09/09/2024; TT now on psych basis.', 'paraphrase'],
    // An MMI its author limits to some of the claim's conditions, leaving the others to their own source.
    ['Has the injured worker reached MMI?  [X] Yes  [ ] No\n  Comment: MMI reached for the allowed physical conditions (S33.5XXA, M51.16) only. I do not treat\n  and offer no opinion on F32.1 - defer to Dr. Doe.', 'partial'],
    ['For purposes of this report, MCI is equivalent to maximum medical improvement for those two conditions. I referred her to neurology and I offer no opinion on the status of her concussion.', 'partial'],
  ])('"%s" (%s) is not an MMI opinion', (body) => {
    expect(stated(of(body, 'mmi_statement')).filter((f) => f.attributes.kind === 'mmi' || f.attributes.kind === 'permanent_and_stationary')).toEqual([]);
  });
  it('a date that is not where a stable state began does not date the plateau ("seen since 2019", "stable. Seen 03/2023")', () => {
    for (const body of ['Followed here since 2019; she is not expected to improve significantly.', 'Stable. Last seen 03/2023, and she is not expected to improve significantly.']) {
      expect(stated(of(body, 'mmi_statement')).find((f) => f.attributes.kind === 'plateau')?.attributes.mmiDate).toBeUndefined();
    }
  });
  it('"was not at MMI in February 2024", said to answer another doctor\'s date, is not a finding about now', () => {
    expect(stated(of('She clearly was not at MMI in February 2024; she was improving with treatment through the summer.', 'mmi_statement'))).toEqual([]);
  });
  it.each([
    ['MAXIMUM MEDICAL IMPROVEMENT'],
    ['RE: Jane Doe  DOI 03/14/2022  -  MMI / Impairment / Future Care Report  -  Page 2 of 3'],
  ])('a title line "%s" is not a statement', (body) => {
    expect(of(body, 'mmi_statement')).toEqual([]);
  });
  it.each([
    ['In my opinion she reached maximum medical improvement on December 7, 2022.', 'mmi', '2022-12-07'],
    ['Clinical MMI: 11/28/2023', 'mmi', '2023-11-28'],
    ['MMI reached approx. 12/20/2022 per my exam.', 'mmi', '2022-12-20'],
    ['In light of these findings he is no longer at MMI.', 'not_at_mmi', undefined],
    ['My 05/16/2023 opinion of MMI is withdrawn.', 'not_at_mmi', undefined],
    ['My C-4.3 dated 01/17/2023 (MMI 01/17/2023; 22.5% SLU left leg) is withdrawn.', 'not_at_mmi', undefined],
    ['MMI: NOT at maximum medical improvement.', 'not_at_mmi', undefined],
    ['Until the repeat RFA and an SCS trial have been carried out, I cannot say he has reached MMI.', 'not_at_mmi', undefined],
    ["I can't say she is at MMI.", 'not_at_mmi', undefined],
    ['He was at MMI from 12/06/2022 until his fall on 06/10/2023; that is no longer the case.', 'not_at_mmi', undefined],
    ['At the closing examination today she is medically stationary.', 'mmi', undefined],
    ['In my opinion his condition is fixed and stable as of 04/18/2025.', 'mmi', '2025-04-18'],
    ['She is not yet medically stationary; continue PT.', 'not_at_mmi', undefined],
    ['APF: modified work continues; expected duration 21-30 days; fixed and stable: No.', 'not_at_mmi', undefined],
    // The date is the author's last visit, named to date the opinion: not a restatement of an earlier one.
    ['In my opinion Ms. Doe reached maximum medical improvement on September 10, 2024, the date of her last visit with me.', 'mmi', '2024-09-10'],
    // The stable state the opinion rests on began on the date it names, before the opinion's own words.
    ['Comment: Stable at this level on the current regimen since approximately 09/2023; residual fatigue and pain are not expected to improve significantly.', 'plateau', '2023-09-01'],
    ['She has plateaued since March 2023; no further improvement is expected.', 'plateau', '2023-03-01'],
    // A negated change ("has not improved") is the plateau's own evidence, not a denial of it.
    ['EF has not improved beyond 30-35% despite optimal therapy and is not expected to improve significantly.', 'plateau', undefined],
  ])('"%s" is stated (%s %s)', (body, kind, date) => {
    const s = stated(of(body, 'mmi_statement'));
    expect(s.map((f) => f.attributes.kind)).toContain(kind);
    if (date) expect(s.find((f) => f.attributes.kind === kind)?.attributes.mmiDate).toBe(date);
    if (kind === 'not_at_mmi') expect(s.map((f) => f.attributes.kind)).not.toContain('mmi');
  });
});

describe('words that collide', () => {
  const modalities = (body: string) => of(body, 'treatment').filter((f) => !f.negated).map((f) => f.attributes.modality);
  it.each([
    ['Triage Acuity (ESI): 3. Chief complaint: low back pain.', 'epidural_injection'],
    ['Triage ESI 2, vitals stable.', 'epidural_injection'],
    ['RFA submitted for 6 PT visits.', 'radiofrequency_ablation'],
    ['RFA today: PT 2x/week x 3 weeks.', 'radiofrequency_ablation'],
    ['Core bracing exercises reviewed.', 'brace'],
    ['Pre-SCS psychological evaluation completed.', 'spinal_cord_stimulator'],
    ['RFA to L&I: R open carpal tunnel release CPT 64721, outpatient.', 'radiofrequency_ablation'],
    ['RFA -- R cubital tunnel release, in situ decompression (CPT 64718).', 'radiofrequency_ablation'],
    ['Provider: Jo Doe, MD (family medicine)\nAssessment: 5. Obesity, BMI 34 -- counseling.', 'psychology'],
    ['ACTIVITY PRESCRIPTION FORM (APF)   Washington State Department of Labor & Industries', 'medication'],
  ])('"%s" is not %s', (body, modality) => expect(modalities(body)).not.toContain(modality));
  // Invalid for the muscle reading: therapy named beside an exercise is therapy.
  it('"Continue PT, biceps curls at home." is physical therapy', () => expect(modalities('Continue PT, biceps curls at home.')).toContain('physical_therapy'));
  it.each([
    ['Bilateral L4-5 radiofrequency ablation (RFA) performed under fluoroscopy.', 'radiofrequency_ablation'],
    ['Left L5-S1 transforaminal ESI performed today.', 'epidural_injection'],
  ])('"%s" is %s', (body, modality) => expect(modalities(body)).toContain(modality));
});

describe('limitations and sessions that are not', () => {
  it('"No driving restrictions at this time" is no limitation', () => {
    expect(of('Work status: No driving restrictions at this time.', 'limitation')).toEqual([]);
  });
  it('a cancelled therapy visit is not a session', () => {
    expect(of('Physical therapy: pt cancelled - ill. Not seen.', 'treatment').filter((f) => !f.negated && f.attributes.modality === 'physical_therapy')).toEqual([]);
  });
  it('a procedure dated after the note is scheduled, not done', () => {
    const t = of('Left knee arthroscopy on 05/14/2024 at the surgery center.', 'treatment').filter((f) => f.attributes.modality === 'surgery');
    expect(t.length).toBeGreaterThan(0);
    expect(t.every((f) => f.attributes.status !== 'performed')).toBe(true);
  });
});

describe('more words that collide', () => {
  const modalities = (body: string) => of(body, 'treatment').filter((f) => !f.negated).map((f) => f.attributes.modality);
  it.each([
    ['Neurovascular: DP/PT pulses 2+ bilaterally.', 'physical_therapy'],
    ['  PT                                           11.8 sec                9.6-12.3', 'physical_therapy'],
    ['Needle EMG: R APB, FDI, EDC, PT, biceps, triceps, C6-C7 paraspinals: no fibrillations or positive sharp waves.', 'physical_therapy'],
    ['MR arthrogram (fluoroscopic intra-articular gadolinium injection followed by MRI).', 'other_injection'],
    ['Referral to Helen Ostrowski, MD (spine surgery) - appointment 12/07/2022.', 'surgery'],
    ['Referral: Orthopedic surgery (Mesa Valley Orthopedics) - placed.', 'surgery'],
  ])('"%s" is not %s', (body, modality) => expect(modalities(body)).not.toContain(modality));
  // Invalid for the muscle reading: therapy named beside an exercise is therapy.
  it('"Continue PT, biceps curls at home." is physical therapy', () => expect(modalities('Continue PT, biceps curls at home.')).toContain('physical_therapy'));
});

describe('MMI terms that name a document or a visit', () => {
  it.each([
    ['Next appointment: 04/02/2024 -- permanent and stationary evaluation.'],
    ['Scheduled for MMI / impairment rating exam next month.'],
    ['Capital Region Hernia Center (Vandenberg) - consult, op report, pathology, post-op, MMI note & work ability form'],
    ['The form should be completed by the primary treating physician when the patient\'s condition has become permanent and stationary.'],
  ])('"%s" is not an MMI statement', (body) => {
    expect(stated(of(body, 'mmi_statement')).filter((f) => f.attributes.kind !== 'not_at_mmi')).toEqual([]);
  });
});

describe('references and anaesthesia that are not injections given', () => {
  const given = (body: string) => of(body, 'treatment').filter((f) => !f.negated && f.temporality === 'current' && f.attributes.status !== 'recommended').map((f) => f.attributes.modality);
  it.each([
    ['Injection helped about 3 weeks, then pain back to 6/10.'],
    ['Anesthesia: General endotracheal with preoperative right interscalene nerve block.'],
    ['Keep spine surgery consult 04/11/2023.'],
  ])('"%s" gives no injection or surgery', (body) => {
    expect(given(body).filter((m) => /injection|surgery/.test(m))).toEqual([]);
  });
});
