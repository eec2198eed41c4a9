import { describe, expect, it } from 'vitest';
import { activeEvents } from '../src/analyze/mmi.js';
import { buildContext } from '../src/analyze/case-context.js';
import { profileFor } from '../src/profiles/index.js';
import { FUTURE_CARE_TRIGGER } from '../src/model/index.js';
import { CaseBuilder, DR_KIM } from './helpers/facts.js';
import { of } from './helpers/facts-of.js';

// Injections met in claim files written by people who never read this code (synthetic text, no PHI).

describe('an injection the plan gives at this visit', () => {
  it.each([
    ['PLAN: R knee corticosteroid injection today (triamcinolone 40 mg / lidocaine).', 'performed'],
    ['Plan: subacromial injection this visit; tolerated well.', 'performed'],
    ['PLAN: Discussed a knee injection today; she prefers to wait.', 'recommended'],
    ['PLAN: Consider a knee injection at the next visit.', 'recommended'],
  ])('%s → %s', (text, status) => {
    expect(of(text, 'treatment').find((f) => f.attributes.modality === 'joint_injection')?.attributes.status).toBe(status);
  });
});

describe('hyaluronic acid is its own kind of joint injection', () => {
  it.each([
    ['R knee hyaluronic acid injection #1 of 3.', 'viscosupplement'],
    ['Synvisc-One to the left knee.', 'viscosupplement'],
    ['Left knee corticosteroid injection.', undefined],
  ])('%s → %s', (text, subtype) => {
    expect(of(text, 'treatment').find((f) => f.attributes.modality === 'joint_injection')?.attributes.subtype).toBe(subtype);
  });
});

describe('an injection allowed for later flares of a named region', () => {
  it.each([
    'Trigger point injections PRN for trapezius flares.',
    'Plan: repeat knee injection for future flare-ups.',
    'Plan: trigger point injections for neck and shoulder flares.',
  ])('%s → an allowance', (text) => {
    const f = of(text, 'treatment').find((x) => /injection/.test(x.attributes.modality));
    expect(f?.context.some((c) => c.trigger.startsWith(FUTURE_CARE_TRIGGER))).toBe(true);
  });
  it('a shot for the flare in front of the doctor is care now', () => {
    const f = of('Trigger point injection today for the flare.', 'treatment').find((x) => x.attributes.modality === 'trigger_point_injection');
    expect(f?.temporality).toBe('current');
    expect(f?.context.some((c) => c.trigger.startsWith(FUTURE_CARE_TRIGGER))).toBe(false);
  });
});

describe('the same joint injection given as each one wears off', () => {
  const context = (dates: string[], subtypes: (string | undefined)[] = []) => {
    const b = new CaseBuilder();
    b.visit('2023-02-14', DR_KIM).fact('treatment', { modality: 'surgery', status: 'performed' }, 'Left total knee arthroplasty.');
    dates.forEach((d, i) => b.visit(d, DR_KIM).fact('treatment', { modality: 'joint_injection', status: 'performed', ...(subtypes[i] ? { subtype: subtypes[i] } : {}) }, 'R knee corticosteroid injection today.'));
    const input = b.input({ type: 'ssdi' });
    return activeEvents(buildContext(input.claim, profileFor(input.claim.type), input.encounters, input.facts)).map((a) => a.date);
  };
  it('every four months for a year and more: a standing schedule, none of it active care', () => {
    expect(context(['2023-08-29', '2023-12-19', '2024-04-16', '2024-08-20'])).toEqual(['2023-02-14']);
  });
  it('two doses are not yet a schedule', () => {
    expect(context(['2023-08-29', '2023-12-19'])).toEqual(['2023-02-14', '2023-08-29', '2023-12-19']);
  });
  it('doses weeks apart are still being adjusted; a year apart is a new start', () => {
    expect(context(['2023-08-29', '2023-09-19', '2023-10-10'])).toContain('2023-10-10');
    expect(context(['2023-03-29', '2024-03-19', '2025-03-18'])).toContain('2025-03-18');
  });
  it('a hyaluronic acid series among the steroid doses is a new drug tried', () => {
    expect(context(['2023-06-20', '2023-10-03', '2024-03-19', '2024-09-17'], [undefined, 'viscosupplement', undefined, undefined])).toContain('2023-10-03');
  });
});
