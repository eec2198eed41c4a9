import { describe, expect, it } from 'vitest';
import { of } from './helpers/facts-of.js';

/**
 * Reading classes met in claim files written by people who never read this code (synthetic text, no PHI): examiners' opinions the
 * treating doctor reports or disputes.
 */

describe('MMI and prognosis', () => {
  it('a predicted MMI is not an MMI statement', () => {
    const m = of('She will likely reach maximum medical improvement within six months.', 'mmi_statement');
    expect(m.filter((f) => f.attributes.kind === 'mmi' && !f.negated && f.temporality === 'current')).toEqual([]);
  });
  it("a treatment's expected effect is not a prognosis", () => {
    expect(of('We discussed a fusion, which would be expected to improve his back pain somewhat.', 'prognosis')).toEqual([]);
    expect(of('Carpal tunnel release is expected to improve her numbness.', 'prognosis')).toEqual([]);
  });
  it('"Without surgery I do not expect further improvement" is a plateau: "without" conditions the sentence, it does not negate it', () => {
    const m = of('Without surgery I do not expect further meaningful improvement in strength or motion.', 'mmi_statement');
    expect(m.map((f) => [f.attributes.kind, f.negated])).toEqual([['plateau', false]]);
    // (A diagnosis after "without" is still absent.)
    expect(of('Assessment: lumbar strain without radiculopathy.', 'diagnosis').find((f) => f.attributes.name === 'radiculopathy')?.negated).toBe(true);
  });
  it("the claimant's expected course still is", () => {
    expect(of('Overall she is expected to improve slowly over the year.', 'prognosis')).toHaveLength(1);
  });
});

describe('an MMI opinion on the past, and its date further on', () => {
  const mmi = (text: string) => of(text, 'mmi_statement');
  it('"would be expected to have reached MMI no later than" is an opinion, not a prediction', () => {
    const m = mmi('In my opinion the claimant would be expected to have reached MMI no later than 06/22/2023, the date of the last examination.');
    expect(m.filter((f) => f.temporality === 'current').map((f) => [f.attributes.kind, f.attributes.mmiDate])).toEqual([['mmi', '2023-06-22']]);
  });
  it('a date its own words tie to the MMI, across a line', () => {
    const m = mmi('3. Maximum medical improvement. In my opinion Ms. Doe reached maximum medical improvement for any\n   collision-related injury no later than 05/26/2023, when she was discharged from chiropractic care.');
    expect(m.filter((f) => f.temporality === 'current').map((f) => f.attributes.mmiDate)).toContain('2023-05-26');
  });
  it.each([
    ['Maximum medical improvement: Her symptoms and examination have been unchanged since about 02/2024 despite appropriate care.', undefined],
    ['MMI: 06/27/2023', '2023-06-27'],
    ['Date of MMI - as of 05/14/2024.', '2024-05-14'],
    ['Maximum medical improvement: reached as of 05/14/2024.', '2024-05-14'],
  ])('a heading\'s own sentence dates what it speaks of, not the MMI: %s', (text, date) => {
    expect(mmi(text).filter((f) => f.temporality === 'current' && f.attributes.kind === 'mmi').map((f) => f.attributes.mmiDate)).toEqual([date]);
  });
  it('a form whose MMI boxes were left blank, or a letter regarding MMI, states nothing', () => {
    expect(mmi('Date of visit: 10/01/2024 -- same as 08/06/2024 (restrictions per FCE; [X] Permanent; MMI boxes blank)').filter((f) => f.temporality === 'current')).toEqual([]);
    expect(mmi('Letter from adjuster dated 01/06/2025 received regarding MMI and impairment rating.').filter((f) => f.temporality === 'current')).toEqual([]);
    // (An opinion introduced by "regarding" still states it.)
    expect(mmi('Regarding maximum medical improvement, it is my opinion that the claimant reached MMI on 05/01/2023.').some((f) => f.temporality === 'current')).toBe(true);
  });
  it('"I completed your form and indicated that she had reached MMI" looks back on the earlier opinion', () => {
    expect(mmi('On 01/18/2022 I completed your Attending Physician Statement and indicated that Ms. Doe had reached maximum medical improvement.').filter((f) => f.temporality === 'current')).toEqual([]);
  });
  it('"not at MMI, and I expect her function to change": the forecast does not make the statement hypothetical', () => {
    expect(of('She is not at maximum medical improvement, and I expect her function to change with the new therapy.', 'mmi_statement')
      .map((f) => [f.attributes.kind, f.temporality])).toEqual([['not_at_mmi', 'current']]);
  });
  it('an MMI under a "HISTORY (carried forward)" heading repeats an earlier note', () => {
    const m = of('10/17/2023  POST-OP #5 (25 wks)\nHISTORY (carried forward): Twisting injury 03/14/2022.\nPatient has reached MMI as of today. Impairment 2% LE.\nInterval: PT visit 9 of 12.\nPlan: He is NOT at maximum medical improvement.', 'mmi_statement');
    expect(m.map((f) => [f.attributes.kind, f.temporality])).toEqual([['mmi', 'historical'], ['not_at_mmi', 'current']]);
  });
  it('"MMI and rating per ATP" leaves MMI to the treating physician', () => {
    expect(mmi('Released from orthopaedic care; return PRN. MMI and rating per ATP.').filter((f) => f.temporality === 'current')).toEqual([]);
  });
  it('"will reach MMI" stays a prediction', () => {
    expect(mmi('She will reach MMI in about 6 weeks.').filter((f) => f.temporality === 'current')).toEqual([]);
  });
});

describe('more MMI wording', () => {
  const mmi = (text: string) => of(text, 'mmi_statement').filter((f) => f.temporality === 'current' && !f.negated).map((f) => f.attributes.kind);
  it('"he has not reached a plateau" is not at MMI', () => {
    expect(mmi('Recovery of cord function can continue for 12 to 18 months; he has not reached a plateau and I would reassess at one year.')).toEqual(['not_at_mmi']);
  });
  it.each([
    'I have reviewed the IME conclusion that Mr. Ferreira-Matos reached MMI in 02/2024.',
    'Per the IME, he reached MMI.',
    'Declared P&S with 0% WPI on 06/28/2022; she disagreed and elected to change PTP within the MPN.',
  ])('a treating note restating the examiner is not its own opinion: %s', (text) => expect(mmi(text)).toEqual([]));
});

describe('MMI statements that are about something else', () => {
  const mmi = (text: string) => of(text, 'mmi_statement').filter((f) => f.temporality === 'current' && !f.negated).map((f) => f.attributes.kind);
  it.each([
    'Functional capacity evaluation to set permanent restrictions, then final visit for MMI and impairment rating.',
    'Workers\' compensation claim; pt states he was "rated at MMI and closed out" in 1998.',
    'Treated with PT, chiropractic and trigger point injections through workers\' compensation; told she was at MMI in October.',
  ])('not an opinion: %s', (text) => expect(mmi(text)).toEqual([]));
  it('one side at MMI, the other not: the injury is not at MMI', () => {
    expect(mmi('Comment: right upper extremity at MMI as of 02/08/2024; left not at MMI - surgery pending.')).toEqual(['not_at_mmi']);
  });
  it('an MMI for one condition that says it leaves the other out is not an MMI of the claim', () => {
    const text = 'From a neurological standpoint, she has reached maximum medical improvement for the concussion and post-concussive headache. Return to neurology as needed. This opinion does not address her cervical spine condition.';
    expect(mmi(text)).toEqual([]);
    expect(mmi('From a neurological standpoint, she has reached maximum medical improvement for the concussion. Return as needed.')).toEqual(['mmi']);
    expect(mmi('P: From an orthopaedic standpoint she has reached maximum medical improvement with regard to the fracture. No further surgery is planned. Ongoing CRPS care per Dr. Roe. Return PRN.')).toEqual([]);
    expect(mmi('P: She has reached maximum medical improvement with regard to the fracture. Return PRN.')).toEqual(['mmi']);
  });
  it('a side at MMI beside a line saying the other side is not', () => {
    const text = 'Assessment:\n- Right: she has reached maximum medical improvement for the right carpal tunnel release.\n- Left: not at MMI; left release pending authorization.\n';
    expect(mmi(text)).toEqual(['not_at_mmi']);
  });
});

describe('an examiner\'s MMI the treating doctor reports or disputes', () => {
  it.each([
    'HPI: Reviewed respondents\' IME (Dr. Vickery, 12/12/2023) which places her at MMI 12/12/2023 and recommends full duty.',
    'Comment: Disagree w/ IME 12/12/23 re MMI - see office note.',
    'S: Section 12 exam by Dr. Oberholtzer 09/20 found MMI and full duty. TTD stopped 10/05/2023.',
    'S: Arbitrator found MMI as of 09/20/2023; his attorney has appealed.',
  ])('%s', (text) => {
    expect(of(text, 'mmi_statement').filter((f) => !f.negated && f.temporality === 'current' && f.attributes.kind === 'mmi')).toEqual([]);
  });
  it('the treating doctor\'s own MMI is still one', () => {
    expect(of('OPINION: Ms. Holloway reached maximum medical improvement on 02/20/2024.', 'mmi_statement').map((f) => f.attributes.kind)).toContain('mmi');
  });
});

describe('MMI named as a point in time, not stated', () => {
  it.each([
    'BCTQ SSS 3.4 (was 1.5 at MMI).',
    'Grip R 33 / L 67 lb (was 52 at MMI).',
    'Seen last 09/19/2023 for C-4.3 (MMI, 10% SLU R hand) - doing well then, full duty.',
    '(5) MMI status will be reassessed after testing.',
    'Status: authorization denied pending IME; IME (Dr. Fishbein) 06/04/2024 opines claimant remains at MMI.',
  ])('%s', (text) => {
    expect(of(text, 'mmi_statement').filter((f) => !f.negated && f.temporality === 'current' && f.attributes.kind === 'mmi')).toEqual([]);
  });
  it('a form line written without its colon: "MMI No."', () => {
    expect(of('- APF: modified duty 6 hr/day; lift 15 lb occasional; MMI No.', 'mmi_statement').map((f) => f.attributes.kind)).toEqual(['not_at_mmi']);
  });
});

describe('a division examiner\'s report names MMI without stating it', () => {
  const current = (text: string) => of(text, 'mmi_statement').filter((f) => f.attributes.kind === 'mmi' && !f.negated && f.temporality === 'current');
  it.each([
    'Issues: MMI; permanent impairment; apportionment (none claimed)',
    'Date of MMI (if yes): N/A',
    'Since the ATP\'s MMI date of 06/27/2023 there has been objective progression.',
    'I reviewed the surgeon\'s MMI opinion of 03/02/2024.',
    '3. Re-rating at MMI by the ATP; the examiner may be asked to perform a follow-up exam.',
    '05/14/2024  F/U + MMI EVAL - see separate narrative report of same date.',
    'Reassess MMI and work capacity after vision therapy and repeat testing.',
    'RIME report (Dr. Roe, 09/27/2023) received 10/03/2023: places him at MMI as of 07/20/2023 with 10% WPI.',
    'Vocational: hold until closer to MMI.',
  ])('%s → no MMI of the author\'s', (text) => {
    expect(current(text)).toEqual([]);
  });
  it.each([
    'In my opinion she reached maximum medical improvement on 06/27/2023.',
    'Date of MMI: 06/27/2023',
  ])('%s → still an MMI', (text) => {
    expect(current(text)).toHaveLength(1);
  });
});

describe('an MMI its author is taking back', () => {
  it.each([
    'I am withdrawing my 04/17/2024 MMI opinion and the 4% PPD rating pending further treatment.',
    'I rescind my MMI determination of 03/02/2024.',
    'My prior opinion that she had reached maximum medical improvement (06/11/2024) is withdrawn.',
  ])('%s → not at MMI', (text) => {
    expect(of(text, 'mmi_statement').filter((f) => f.temporality === 'current' && !f.negated).map((f) => f.attributes.kind)).toEqual(['not_at_mmi']);
  });
  it('the rating withdrawn with it is no longer the claimant\'s; a rating given stands', () => {
    expect(of('I am withdrawing my 04/17/2024 MMI opinion and the 4% PPD rating pending further treatment.', 'impairment_rating').map((f) => f.temporality)).toEqual(['historical']);
    expect(of('She has a 4% whole person impairment rating.', 'impairment_rating').map((f) => f.temporality)).toEqual(['current']);
  });
});

describe('disagreeing with another source\'s MMI date is not a "not at MMI"', () => {
  it.each([
    'I do not agree with the IME that she was at MMI on 02/20/2024: her left grip improved from 34 lb to 46 lb since.',
    'I don\'t agree with Dr. Roe that he reached MMI in March.',
  ])('%s', (text) => {
    expect(of(text, 'mmi_statement').filter((f) => f.temporality === 'current' && !f.negated)).toEqual([]);
  });
});

describe('a treating form\'s MMI field answered in words, and a doctor recalling his own letter', () => {
  const current = (text: string) => of(text, 'mmi_statement').filter((f) => f.temporality === 'current' && !f.negated).map((f) => f.attributes.kind);
  it.each([
    ['Work status: Off work (no light duty available). MMI: not reached.', ['not_at_mmi']],
    ['MMI: not yet - FCE pending.', ['not_at_mmi']],
    ['P&S: not yet', ['not_at_mmi']],
    ['MMI: No.', ['not_at_mmi']],
    ['Night splint. Temp impairment 25%. MMI: No.   /s/ DPS', ['not_at_mmi']],
    // Invalid for the new reading: the field that states the MMI still does.
    ['MMI: Mr. Doe has reached maximum medical improvement as of 08/01/2023.', ['mmi', 'mmi']],
  ])('%s', (text, kinds) => {
    expect(current(text)).toEqual(kinds);
  });
  it('"My letter of 01/09/2024 stated that she had reached MMI" recalls that letter; the withdrawal is today\'s opinion', () => {
    expect(current('My letter of 01/09/2024 stated that Ms. Doe had reached maximum medical improvement.')).toEqual([]);
    expect(current('I withdraw my opinion of 01/09/2024 that she had reached maximum medical improvement.')).toEqual(['not_at_mmi']);
    expect(current('In my opinion he is not at MMI while the SCS decision is pending (see my letter of 10/24/2023).')).toEqual(['not_at_mmi']);
  });
  // A state's own word for MMI, and a form's boxes however they are laid out: each states one kind of opinion only.
  it.each([
    ['Vermont\'s "end medical result"', 'END MEDICAL RESULT: He has reached an end medical result as of today, 06/18/2024.', 'mmi'],
    ['Vermont\'s "end medical result"', 'He is no longer at end medical result.', 'not_at_mmi'],
    ['Vermont\'s "end medical result"', 'Off work. Not at end medical result.', 'not_at_mmi'],
    ['Alaska\'s "medical stability"', 'Is the employee medically stable?  [X] Yes  [ ] No     Date of medical stability: 12/05/2023', 'mmi'],
    ['Alaska\'s "medical stability"', 'Is the employee medically stable?  [ ] Yes  [X] No', 'not_at_mmi'],
    ['Alaska\'s "medical stability"', 'In my opinion Ms. Doe is medically stable as of the date of this examination, 05/23/2023.', 'mmi'],
    ['Alaska\'s "medical stability"', 'She has not reached medical stability.', 'not_at_mmi'],
    ['a status answered in its own words', 'Clinic addendum - MMI status: [ ] Reached  [X] Not reached   /s/ K. M. Doe, MD', 'not_at_mmi'],
    ['a status answered in its own words', 'MMI status: [X] Reached  [ ] Not reached', 'mmi'],
    ['boxes before the question', '[X] Yes  [ ] No   Has the employee reached maximum medical improvement (MMI)?', 'mmi'],
    ['boxes before the question', '[ ] Yes  [X] No   Has the employee reached maximum medical improvement (MMI)?', 'not_at_mmi'],
  ])('%s: %s', (_, text, kind) => {
    expect(current(text)).toContain(kind);
    expect(current(text).filter((k) => k !== kind)).toEqual([]);
  });
  it.each([
    'Vitals normal; patient is medically stable for discharge home.',
    'Medically stable; admit to telemetry.',
  ])('a patient "medically stable" in the emergency sense states no MMI: %s', (text) => {
    expect(current(text)).toEqual([]);
  });
  it('an examiner\'s report noted as received is the examiner\'s opinion, not the treating doctor\'s', () => {
    expect(current('IRE report received and reviewed (09/19/2023, Dr. Doe: MMI, 13% WPI).')).toEqual([]);
  });
});

describe('readings and possibilities a narrative or a table holds', () => {
  it('a measures table\'s row is read at its last column, the note\'s own reading, with the first as the earlier one', () => {
    const m = of('  NDI                 48%        40%        30%        22%', 'outcome_measure');
    expect(m.map((f) => [f.attributes.instrument, f.attributes.value, f.attributes.previous])).toEqual([['NDI', 22, 48]]);
    // Invalid: one reading with its raw score in brackets stays that reading.
    expect(of('NDI 40% (20/50).', 'outcome_measure').map((f) => f.attributes.value)).toEqual([40]);
  });
  it('a narrative\'s "INITIAL FINDINGS:" recall the first visit', () => {
    const m = of('INITIAL FINDINGS: Neck pain 7/10. Neck Disability Index 48%.\n\nCURRENT STATUS: NDI 22%.\n', 'outcome_measure').filter((f) => f.attributes.instrument === 'NDI');
    expect(m.map((f) => [f.attributes.value, f.temporality])).toEqual([[48, 'historical'], [22, 'current']]);
  });
  it('"in severe cases, ankle arthrodesis or total ankle replacement" is a possibility, not an operation', () => {
    const t = of('If arthritis develops, treatment would begin with bracing; in severe cases, ankle arthrodesis or total ankle replacement.', 'treatment')
      .filter((f) => f.attributes.modality === 'surgery');
    expect(t.filter((f) => f.temporality === 'current')).toEqual([]);
  });
});

describe('a work-status box beside the MMI question, and an offer answered', () => {
  it('"[X] No work (temporary).   MMI: [ ] Yes [X] No" answers the MMI question No', () => {
    const m = of('WORK STATUS: [X] No work (temporary).   MMI: [ ] Yes [X] No', 'mmi_statement');
    expect(m.map((f) => f.attributes.kind)).toEqual(['not_at_mmi']);
    // Invalid: the Yes box marked still answers Yes.
    expect(of('WORK STATUS: [X] Permanent restrictions as above.   MMI: [X] Yes [ ] No   Date: 04/16/2024', 'mmi_statement').map((f) => f.attributes.kind)).toContain('mmi');
  });
  it.each([
    ['- Hand surgery re-offered; still declines.', 'surgery', 'declined'],
    ['We discussed switching to atogepant. She prefers not to change, as she feels better.', 'medication', 'declined'],
    // Invalid: an offer with nothing said back stays an offer.
    ['We discussed switching to atogepant. Diary reviewed.', 'medication', 'recommended'],
  ])('%s', (text, modality, status) => {
    expect(of(text, 'treatment').filter((f) => f.attributes.modality === modality).map((f) => f.attributes.status)).toEqual([status]);
  });
});
