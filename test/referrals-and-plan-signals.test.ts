import { describe, expect, it } from 'vitest';
import type { Fact } from '../src/model/index.js';
import { of } from './helpers/facts-of.js';

/**
 * Reading classes met in claim files written by people who never read this code (synthetic text, no PHI): palliative injections in a maintenance phase.
 */
const asserted = <T extends Fact>(fs: T[]) => fs.filter((f) => !f.negated && f.temporality === 'current');

describe('referral plan signals', () => {
  const refs = (text: string) => of(text, 'plan_signal').filter((f) => f.attributes.signal === 'referral');
  it.each([
    'Radiating pain referred to the lateral thigh with hip rotation.',
    'For sedation details please refer to the anesthesia record.',
    'He was transported to the recovery room in stable condition.',
    'She is a 61-year-old referred to therapy for knee osteoarthritis.',
    'PLAN: Ibuprofen 600 mg TID; 3 Rx sent to CareFirst Pharmacy #22.',
    'The claimant was informed that results are sent to DDS.',
    'Operative report and hospital records: refer to Nolichucky Valley Medical Center HIM.',
    'For copies of imaging, refer to the medical records department.',
    'The information sent to us does not show 6 weeks of physical therapy.',
    '4. Forms - declined to complete; referred to treating spine providers.',
    'RE-EXAM: NDI 28%. Narrative sent to atty 6/18.',
    'Plan: Extra-depth diabetic shoes (Medicare therapeutic shoe certification sent to Dr. Quraishi).',
  ])('not a referral: %s', (text) => expect(refs(text)).toEqual([]));
  it.each([
    ['PLAN: We agree with the neurology referral.', 'neurology'],
    ['PLAN: Will refer to hand surgery.', 'hand surgery'],
  ])('referral: %s', (text, target) => expect(refs(text).map((f) => f.attributes.target)).toContain(target));
  it.each([
    'Our clinic serves uninsured patients only; care transferred.',
    'Pt\'s health plan has assigned a PCP: Seaway Family Health Center.',
    'She will establish care with a new PCP closer to home.',
  ])('care handed over: %s', (text) => {
    expect(of(text, 'plan_signal').map((f) => f.attributes.signal)).toContain('care_transferred');
  });
  it.each([
    'A follow-up appointment was scheduled in 3 weeks.',
    'He will return for further assessment after the MRI.',
  ])('return to clinic: %s', (text) => {
    expect(of(text, 'plan_signal').map((f) => f.attributes.signal)).toContain('return_to_clinic');
  });
});

describe('no further treatment', () => {
  it.each([
    'No further active treatment is expected to change the outcome.',
    'No further interventional care is likely to help at this point.',
  ])('%s', (text) => {
    expect(of(text, 'plan_signal').map((f) => f.attributes.signal)).toContain('no_further_treatment');
  });
});

describe('palliative care is said as such', () => {
  it.each([
    'A/P: Primary OA R knee, end-stage clinically; palliative injection, diminishing duration of benefit.',
    'A/P: Bilat knee OA - maintenance. Injections q3-4 mo palliative; relief now ~5-6 wks.',
    'Plan: Subacromial injection performed today as approved palliative care.',
  ])('%s', (text) => {
    expect(asserted(of(text, 'plan_signal')).map((f) => f.attributes.signal)).toContain('maintenance_care');
  });
});

describe('offers turned down', () => {
  const refs = (text: string) => of(text, 'plan_signal').filter((f) => f.attributes.signal === 'referral' && f.temporality === 'current');
  it.each([
    'She declines referral to the bariatric surgery program; prefers to try diet again with PCP.',
    '- Offered referral to the bariatric surgery program at Albany Regional Weight Center.\n- She declines referral; prefers to try diet again with her PCP.',
    'P: Sertraline 100 cont. Referral for psychotherapy offered - declined. RTC 6 mo.',
    'Referral to pain psychology offered (declined).',
    'PT referral for L knee declined by pt (cost).',
  ])('no open referral: %s', (text) => expect(refs(text)).toEqual([]));
});

describe('a surgeon\'s closing visit written tersely', () => {
  it.each([
    ['No treatment needed now.', 'no_further_treatment'],
    ['Follow-up yearly with x-rays, or sooner PRN.', 'follow_up_prn'],
    ['Recheck in 1 year or sooner PRN.', 'maintenance_care'],
  ])('%s', (text, signal) => {
    expect(of(text, 'plan_signal').map((f) => f.attributes.signal)).toContain(signal);
  });
  it('a plan still to come is not closed: "PT needed now"', () => {
    expect(of('PT needed now for the flare.', 'plan_signal').map((f) => f.attributes.signal)).not.toContain('no_further_treatment');
  });
});

describe('a surgeon\'s decision against operating, in the words surgeons use', () => {
  const signals = (text: string) => of(text, 'plan_signal').filter((f) => !f.negated && f.temporality === 'current').map((f) => f.attributes.signal);
  it.each([
    ['Not a surgical candidate - no surgery recommended.', 'not_surgical_candidate'],
    ['Surgery is not anticipated.', 'not_surgical_candidate'],
    ['I do not favor surgery given the low-grade nature of the tear.', 'not_surgical_candidate'],
    ['Alignment currently acceptable; she prefers nonoperative care.', 'surgery_declined'],
    ['He opted for conservative management.', 'surgery_declined'],
  ])('%s', (text, signal) => {
    expect(signals(text)).toContain(signal);
  });
  it.each([
    'Not a candidate for RFA.',
    'Conservative care failed; surgery is recommended.',
  ])('no decision against surgery: %s', (text) => {
    expect(signals(text).filter((s) => s === 'not_surgical_candidate' || s === 'surgery_declined')).toEqual([]);
  });
});
