import { describe, expect, it } from 'vitest';
import { isAssertedFact, type Fact, type FactOf } from '../src/model/index.js';
import { findDates } from '../src/knowledge/dates.js';
import { factsOf } from './helpers/extract-doc.js';

/** Issue-5 fixes (H7): durations are not dates, status cues, prescriptions, back-references, imaging context. */

function of<T extends Fact['type']>(body: string, type: T): FactOf<T>[] {
  return factsOf(body).facts.filter((f): f is FactOf<T> => f.type === type);
}

describe('durations are not dates', () => {
  const durations = [
    'She got 70% relief lasting about 12 weeks.',
    'Relief for 3 weeks, then pain returned.',
    'Benefit lasted approximately 2-3 weeks.',
    'Symptoms improved about 6 weeks after the fusion.',
    'Pain recurred 3 weeks later.',
  ];
  it.each(durations)('%s has no date', (text) => expect(findDates(text, '2024-03-14')).toEqual([]));

  const dates: [string, string][] = [
    ['Follow up in 6 weeks.', '2024-04-25'],
    ['RTC in 2-3 weeks.', '2024-03-28'],
    ['Seen in the ED 2 weeks ago.', '2024-02-29'],
  ];
  it.each(dates)('%s is still a date', (text, iso) => expect(findDates(text, '2024-03-14').map((d) => d.date)).toEqual([iso]));

  it('a benefit with a duration is dated to the visit', () => {
    const [b] = of('Reports 60% pain relief x 8 weeks after the ESI.', 'benefit');
    expect(b.attributes).toMatchObject({ percentRelief: 60, durationDays: 56 });
    expect(b.date).toBe('2024-03-14');
  });
});

describe('treatment status cues', () => {
  const cases: [string, string, string][] = [
    ['After a long discussion he decided against surgery.', 'surgery', 'declined'],
    ['She prefers to avoid surgical intervention for now.', 'surgery', 'declined'],
    ['Pt turned down the offered arthroscopic repair.', 'surgery', 'declined'],
    ['She completed 8 sessions of CBT for pain coping.', 'psychology', 'completed'],
    ['Discharged from psychotherapy; goals met.', 'psychology', 'completed'],
    ['Maintain home exercise program.', 'home_exercise', 'ongoing'],
    ['Peach Belt Health Plan approved revision R shoulder arthroscopy/RCR (auth #PB-24-1187342).', 'surgery', 'planned'],
    ['PROCEDURE TODAY: R shoulder subacromial injection (RFA approved 05/31/2022, auth # SCS-UR-22-3381).', 'joint_injection', 'performed'],
  ];
  it.each(cases)('%s → %s %s', (text, modality, status) => {
    expect(of(text, 'treatment').map((f) => [f.attributes.modality, f.attributes.status])).toContainEqual([modality, status]);
  });

  it('"decided against surgery" also yields a surgery_declined signal', () => {
    expect(of('He decided against surgery and will continue conservative care.', 'plan_signal').map((f) => f.attributes.signal)).toContain('surgery_declined');
  });
});

describe('drug orders written at the visit are prescriptions given', () => {
  const given: [string, string][] = [
    ['PLAN:\n- Start naproxen 500 mg BID.', 'started'],
    ['PLAN:\n1. Increase gabapentin to 600 mg TID.', 'increased'],
    ['Plan: Begin cyclobenzaprine 10 mg qhs prn spasm.', 'started'],
  ];
  it.each(given)('%s → ongoing', (text, change) => {
    const [m] = of(text, 'treatment').filter((f) => f.attributes.modality === 'medication');
    expect(m.attributes).toMatchObject({ status: 'ongoing', doseChange: change });
  });

  it('a newly started drug is still a new-treatment signal', () => {
    expect(of('PLAN:\n- Start duloxetine 30 mg daily.', 'plan_signal').map((f) => f.attributes.signal)).toContain('new_treatment');
  });

  const proposed = [
    'PLAN: May consider starting gabapentin if neuropathic pain persists.',
    'PLAN: Will start tramadol after the CT is reviewed.',
    'PLAN: Discussed starting duloxetine; she wants to think about it.',
  ];
  it.each(proposed)('%s stays proposed', (text) => {
    const [m] = of(text, 'treatment').filter((f) => f.attributes.modality === 'medication');
    expect(['planned', 'recommended']).toContain(m.attributes.status);
  });
});

describe('continue-current-management signal', () => {
  const valid = ['Plan: Maintain current medications.', 'Continue current treatment plan.', 'Stay on the same regimen.', 'Medication plan unchanged.'];
  const invalid = ['Continue gabapentin 300 mg TID.', 'We will change her regimen at the next visit.'];
  it.each(valid)('valid: %s', (t) => expect(of(t, 'plan_signal').map((f) => f.attributes.signal)).toContain('continue_current_management'));
  it.each(invalid)('invalid: %s', (t) => expect(of(t, 'plan_signal').map((f) => f.attributes.signal)).not.toContain('continue_current_management'));
});

describe('procedure back-references are not new procedure events', () => {
  const back = [
    'Follow-up after injection; pain is 4/10.',
    'Chronic low back pain since fusion.',
    'Diagnosis: failed back surgery syndrome.',
    'Mild adjacent segment disease above the prior L4-5 fusion.',
    'Post-op meniscectomy protocol; closed-chain strengthening, balance.',
    'Postoperative fusion precautions reviewed.',
  ];
  it.each(back)('%s', (t) => expect(of(t, 'treatment').filter((f) => /injection|surgery/.test(f.attributes.modality))).toEqual([]));

  it('a dated back-reference still records the procedure', () => {
    expect(of('She is s/p L5-S1 TFESI on 1/12/2024.', 'treatment').map((f) => f.attributes.modality)).toContain('epidural_injection');
  });
});

describe('imaging findings need an imaging context outside imaging reports', () => {
  const valid = ['MRI of the right shoulder showed a full-thickness supraspinatus tear.', 'Lumbar MRI: L4-5 disc herniation with foraminal narrowing.', 'CT demonstrated central canal stenosis at L3-4.'];
  const invalid = ['Ms. Reyes is seen for medication management of rotator cuff tear.', 'Referring dx: cervical disc herniation with radiculopathy'];
  it.each(valid)('valid: %s', (t) => expect(of(t, 'objective_finding').filter((f) => f.attributes.category === 'imaging').length).toBeGreaterThan(0));
  it.each(invalid)('invalid: %s', (t) => expect(of(t, 'objective_finding').filter((f) => f.attributes.category === 'imaging')).toEqual([]));
});

describe('exam findings in post-fixed and limited-to-degrees wording', () => {
  const cases: [string, string][] = [
    ['Exam: Left knee flexion limited to 95 degrees.', 'reduced_rom'],
    ['Hawkins and Neer impingement signs positive on the right.', 'positive_impingement'],
    ['Spurling maneuver positive to the left.', 'positive_provocative'],
    ['Drop arm test is positive.', 'positive_impingement'],
  ];
  it.each(cases)('%s → %s', (t, finding) => {
    const f = of(t, 'objective_finding').filter(isAssertedFact);
    expect(f.map((x) => x.attributes.finding)).toContain(finding);
  });
});

describe('relief and how long it lasted', () => {
  const read: [string, number | undefined, number | undefined][] = [
    ['C6-7 epidural steroid injection on 01/05/2024 with about two weeks of partial relief.', undefined, 14],
    ['Pain diary: about 40% relief of arm pain from day 2 to about day 14, then gradual return to baseline.', 40, 12],
    ['She estimates 20 percent improvement that lasted about 3 weeks.', 20, 21],
    ['The April injection gave her about 8 weeks of good relief.', undefined, 56],
  ];
  it.each(read)('%s', (text, percent, days) => {
    const [b] = of(text, 'benefit');
    expect(b?.attributes.percentRelief).toBe(percent);
    expect(b?.attributes.durationDays).toBe(days);
  });

  const criteria = [
    'If < 50% relief, recommend surgical consultation rather than repeat injection.',
    'Will proceed to radiofrequency ablation if at least 80% relief after the medial branch blocks.',
    'Goal of 50% pain relief with the TFESI.',
  ];
  it.each(criteria)('a criterion is not a result: %s', (text) => {
    expect(of(text, 'benefit').filter((b) => b.attributes.percentRelief !== undefined)).toEqual([]);
  });
});

describe('pain diaries', () => {
  const table: [string, string][] = [
    ['Discharged ambulatory with driver at 10:55 with written instructions and pain diary.', 'diary_issued'],
    ['Injection response diary given.', 'diary_issued'],
    ['Pain diary: about 40% relief of arm pain from day 2 to about day 14.', 'diary_reported'],
    ['Per her pain diary, relief lasted 3 weeks.', 'diary_reported'],
    ['LSB #1: ~80% relief for about 2 days, then returned to baseline. Pain diary confirms.', 'diary_reported'],
    ['Diary review: average NRS 7 -> 5 at best on days 3-4.', 'diary_reported'],
  ];
  it.each(table)('%s → %s', (text, signal) => {
    expect(of(text, 'plan_signal').map((f) => f.attributes.signal)).toContain(signal);
  });
});

describe('care that is allowed or named, not planned', () => {
  it.each([
    'After he becomes P&S, he should have access to future medical care: medications, follow-up visits, PT for flare-ups, and injections as indicated.',
    'Risks (infection, DVT, stiffness), benefits and alternatives (continued non-operative care, injection, bracing) were discussed.',
  ])('%s', (text) => {
    const planned = of(text, 'treatment').filter((f) => f.temporality === 'current' && ['recommended', 'planned'].includes(f.attributes.status));
    expect(planned.map((f) => f.attributes.modality)).toEqual([]);
  });
  it.each([
    ['   - Up to 2 occipital nerve blocks per year for flares.', []],
    // Invalid: blocks given this year are care given.
    ['She had 2 occipital nerve blocks in March.', ['other_injection']],
  ])('a yearly allowance is no care given or under way: %s', (text, expected) => {
    expect(of(text, 'treatment').filter((f) => f.temporality !== 'hypothetical' && !f.negated).map((f) => f.attributes.modality)).toEqual(expected);
  });
  it('a plan stated as such stays a plan', () => {
    expect(of('PLAN: Schedule right L5-S1 transforaminal epidural steroid injection.', 'treatment').filter((f) => f.temporality === 'current').map((f) => f.attributes.modality)).toContain('epidural_injection');
  });
});
