import { FUTURE_CARE_TRIGGER } from '../src/model/index.js';
import { describe, expect, it } from 'vitest';
import type { Fact } from '../src/model/index.js';
import { textDoc } from './helpers/extract-doc.js';
import { splitEncounters } from '../src/segment/encounters.js';
import { sectionKindOf } from '../src/segment/sections.js';
import { of } from './helpers/facts-of.js';

/**
 * Reading classes met in claim files written by people who never read this code (synthetic text, no PHI): procedures a counsellor only mentions, options waiting on a
 * condition, plans carried forward under their own heading.
 */
const asserted = <T extends Fact>(fs: T[]) => fs.filter((f) => !f.negated && f.temporality === 'current');

describe('future wording is planned, not performed', () => {
  it.each([
    ['X-rays of the lumbar spine will be obtained at the next visit.', 'imaging_study'],
    ['Care will consist of spinal manipulation three times weekly, tapering as tolerated.', 'chiropractic'],
    ['He will receive a course of physical therapy at the hospital gym.', 'physical_therapy'],
  ])('%s', (text, modality) => {
    const t = of(text, 'treatment').filter((f) => f.attributes.modality === modality && f.evidence[0].quote === text);
    expect(t.map((f) => f.attributes.status)).toEqual(['planned']);
  });
});

describe('a procedure mentioned, not given', () => {
  it.each([
    ['Plan: Surgery remains contingent on BMI < 40 per orthopaedics.', 'surgery'],
    ['Clarified with pt that surgery is still possible if weight comes down.', 'surgery'],
  ])('an option waiting on a condition: %s', (text, modality) => {
    const t = of(text, 'treatment').filter((f) => f.attributes.modality === modality);
    expect(asserted(t).filter((f) => f.attributes.status === 'performed')).toEqual([]);
  });
  it.each([
    'She continues to decline TKA for the same reasons (fear of surgery, mother\'s care).',
    'He still declines the recommended fusion.',
  ])('a standing refusal is declined, not ongoing care: %s', (text) => {
    expect(of(text, 'treatment').filter((f) => f.attributes.modality === 'surgery').map((f) => f.attributes.status)).toEqual(expect.arrayContaining(['declined']));
    expect(of(text, 'treatment').filter((f) => f.attributes.status === 'ongoing')).toEqual([]);
  });
  it.each([
    ['Went to ortho 04/11 - needs knee replacement, must lose weight first.', 'surgery'],
    ['She was told she needs a fusion at L4-5.', 'surgery'],
  ])('what the claimant needs is recommended: %s', (text, modality) => {
    const t = of(text, 'treatment').filter((f) => f.attributes.modality === modality);
    expect(t.map((f) => f.attributes.status)).toContain('recommended');
    expect(t.filter((f) => f.attributes.status === 'performed')).toEqual([]);
  });
});

describe('a treatment set aside by the clause after it', () => {
  const status = (text: string, modality: string) => of(text, 'treatment').filter((f) => f.attributes.modality === modality && !f.negated).map((f) => f.attributes.status);
  it.each([
    ['Further steroid injections have given diminishing benefit and raise her glucose; I do not recommend continuing them on a routine basis.', 'joint_injection', 'discontinued'],
    ['PT was offered; she declined it.', 'physical_therapy', 'declined'],
  ])('%s', (text, modality, expected) => expect(status(text, modality)).toEqual([expected]));
  it('in the same clause the refusal negates the recommendation', () => {
    expect(status('Steroid injections have given diminishing benefit and I do not recommend continuing them.', 'joint_injection')).toEqual([]);
  });
  it('a clause about something else leaves the status alone', () => {
    expect(status('Continue PT 2x/week; she declined the injection offered today.', 'physical_therapy')).toEqual(['ongoing']);
  });
});

describe('an operation named with nothing said of it', () => {
  const surgery = (text: string) => of(text, 'treatment').filter((f) => f.attributes.modality === 'surgery' && f.temporality === 'current' && !f.negated);
  it.each([
    'Discussed bariatric surgery referral again - afraid of surgery complications.',
    'Post-laminectomy syndrome with chronic bilateral L5 radiculopathy; weakness 4/5 since 09/2024.',
    'Her decision about surgery was reasonable given her caregiving duties.',
  ])('no operation: %s', (text) => expect(surgery(text).filter((f) => f.attributes.status === 'performed')).toEqual([]));
  it.each([
    ['She underwent L4-5 fusion.', 'performed'],
    ['Left knee arthroscopy on 05/14/2024 at the surgery center.', 'planned'],
  ])('an operation said to be done or dated: %s', (text, status) => {
    expect(of(text, 'treatment').filter((f) => f.attributes.modality === 'surgery').map((f) => f.attributes.status)).toContain(status);
  });
  it('a cost projection names future care, not care given', () => {
    const t = of('Estimated cost: chiropractic $2,640 + massage $3,840 (first 12 months).', 'treatment').filter((f) => f.attributes.modality === 'chiropractic' && !f.id.endsWith(':treatment:visit'));
    expect(t.filter((f) => f.temporality === 'current')).toEqual([]);
  });
});

describe('an implanted stimulator and an old operation in today\'s assessment', () => {
  it('"after R TKA (arthrofibrosis), stable since 2023" is no operation today', () => {
    const t = of('Chronic pain and stiffness after R TKA (arthrofibrosis), stable since 2023.', 'treatment').filter((f) => f.attributes.modality === 'surgery' && f.temporality === 'current');
    expect(t).toEqual([]);
  });
});

describe('procedures for flares, and the response to one given before', () => {
  const esi = (text: string) => of(text, 'treatment').filter((f) => f.attributes.modality === 'epidural_injection');
  it('"Caudal ESI prn flare" is an allowance for later, not a plan of this visit', () => {
    const t = esi('A/P: Post-laminectomy syndrome - stable. Continue pregabalin. Caudal ESI prn flare. RTC 3 mo.');
    expect(t.map((f) => f.temporality)).toEqual(['hypothetical']);
    expect(t[0].context.some((c) => c.trigger.startsWith('future care allowance'))).toBe(true);
  });
  it.each([
    'A/P: Post-laminectomy syndrome, partial response to caudal ESI.',
    'S: ESI benefit gone. Leg pain 7/10.',
  ])('how an earlier injection worked is no new injection: %s', (text) => expect(esi(text).filter((f) => f.temporality === 'current')).toEqual([]));
  it('"Caudal ESI - schedule next week" is planned', () => {
    expect(esi('1. Caudal ESI - schedule next week.').map((f) => f.attributes.status)).toEqual(['planned']);
  });
  it('a procedure note headed by its date and a bare signature is its own visit', () => {
    const text = 'FOLLOW-UP 11/09/2021   Provider: Mark Farr, MD\nA/P: Acute flare. Caudal ESI - schedule next week.\n\nPROCEDURE NOTE  11/16/2021   M. Farr, MD\nCaudal epidural steroid injection with fluoroscopy. No complications.\n';
    expect(splitEncounters(textDoc(text)).map((e) => e.date)).toEqual(['2021-11-09', '2021-11-16']);
  });
});

describe('discharge wording', () => {
  it.each([
    ['Plan: D/C to independent HEP.', 'home_exercise', 'ongoing'],
    ['Discharged to a self-directed home exercise program.', 'home_exercise', 'ongoing'],
    ['Plan: D/C from skilled PT to HEP.', 'physical_therapy', 'completed'],
    ['S: Done w/ PT/OT since Oct. Does exercises at home.', 'physical_therapy', 'completed'],
  ])('%s', (text, modality, status) => {
    expect(of(text, 'treatment').find((f) => f.attributes.modality === modality)?.attributes.status).toBe(status);
  });
});

describe('a heading is not evidence', () => {
  it.each(['PROCEDURE PERFORMED:,', 'IMAGING:,', 'CURRENT MEDICATIONS,1.'])('%s', (line) => {
    expect(of(line, 'treatment')).toEqual([]);
  });
});

describe('headings that say the text below is old', () => {
  it.each(['HPI/PLAN carried forward from prior (knees)', 'Copied forward', 'Prior plan'])('%s is past history', (title) => {
    expect(sectionKindOf(title)).toBe('past_history');
  });
  it('a plan carried forward under its heading is not a plan of this visit', () => {
    const text = 'O: Knees: R small effusion.\nHPI/PLAN carried forward from prior (knees):\n  Bilat knee OA. Continue PT 2x/wk at Cottonwood PT, HEP daily.\nA/P:\n1. Bilat knee OA - stable, maintenance.\n';
    const pt = of(text, 'treatment').filter((f) => f.attributes.modality === 'physical_therapy');
    expect(pt.length).toBeGreaterThan(0);
    expect(asserted(pt)).toEqual([]);
  });
});

describe('care to keep up and operations looked back on', () => {
  const statusOf = (body: string, modality: string) => of(body, 'treatment').filter((f) => f.attributes.modality === modality).map((f) => f.attributes.status);
  it.each([
    ['He should continue his home exercise program.', 'home_exercise', 'ongoing'],
    ['She should undergo a repeat MRI.', 'imaging_study', 'recommended'],
  ])('%s', (text, modality, status) => {
    expect(statusOf(text, modality)).toEqual([status]);
  });
  it('"referred back for medication management of neck pain after solid C5-7 fusion" plans no fusion', () => {
    expect(statusOf('Reason: Referred back by Dr. Lindqvist for medication management of chronic axial neck pain after solid C5-7 fusion.', 'surgery')).not.toContain('planned');
  });
});

describe('an offer answered in the next clause', () => {
  it.each([
    '2) L knee OA - we discussed L TKA; after her experience with the right she does not want surgery now.',
    'Offered repeat RFA; she does not want another procedure.',
  ])('is declined: %s', (text) => {
    expect(of(text, 'treatment').filter((f) => f.attributes.modality !== 'medication' && !f.negated).map((f) => f.attributes.status)).toContain('declined');
  });
  it('an offer left open stays one: "We discussed L TKA; she will think about it."', () => {
    expect(of('We discussed L TKA; she will think about it.', 'treatment').map((f) => f.attributes.status)).not.toContain('declined');
  });
});

describe('care a note calls appropriate', () => {
  it('is recommended, not given: "Pulmonary rehab would be appropriate - no program available without coverage."', () => {
    expect(of('3. Pulmonary rehab would be appropriate - no program available without coverage.', 'treatment').map((f) => f.attributes.status)).toEqual(['recommended']);
  });
});

describe('a refusal in the claimant\'s own words is a declined option, not an absent one', () => {
  it.each([
    'She does not wish to pursue fusion at this time.',
    'He does not want surgery.',
    'Patient does not want to proceed with the ESI.',
  ])('%s → declined, asserted', (text) => {
    const t = of(text, 'treatment').filter((f) => f.attributes.status === 'declined');
    expect(t.map((f) => f.negated)).toEqual([false]);
  });
  it('"No surgery was declined" stays negated', () => {
    expect(of('No surgery was declined.', 'treatment').every((f) => f.negated)).toBe(true);
  });
});

describe('an operation the claimant chooses to put off is declined for now', () => {
  it.each([
    'She would like to defer left TKA.',
    'He wants to postpone the fusion.',
    'She prefers to hold off on surgery.',
  ])('%s → declined', (text) => {
    expect(of(text, 'treatment').filter((f) => f.attributes.modality === 'surgery').map((f) => f.attributes.status)).toEqual(['declined']);
  });
  it('the surgeon deferring it for a reason of his own is not her refusal', () => {
    expect(of('Surgery deferred until HbA1c is below 8.', 'treatment').filter((f) => f.attributes.status === 'declined')).toEqual([]);
  });
});

describe('what an earlier operation left behind is not an operation today', () => {
  it.each([
    'PROCEDURE NOTE\nProcedure: LEFT L5-S1 TRANSFORAMINAL EPIDURAL STEROID INJECTION\nTechnique: As prior; post-laminotomy scarring noted on contrast flow, adequate epidural spread.',
    'MRI: post-fusion changes at L4-5 without new stenosis.',
  ])('%s → no surgery performed now', (text) => {
    expect(of(text, 'treatment').filter((f) => f.attributes.modality === 'surgery' && f.temporality === 'current' && f.attributes.status === 'performed')).toEqual([]);
  });
});

describe('a request the payer turned down is denied, not given', () => {
  const status = (text: string, modality: string) => of(text, 'treatment').filter((f) => f.attributes.modality === modality && !f.negated).map((f) => f.attributes.status);
  it.each([
    ['TMS denied; discussed appeal or lithium augmentation.', 'neuromodulation'],
    ['TMS not approved by insurer.', 'neuromodulation'],
    ['TPIs non-certified by UR 09/06/2022; IMR application filed 09/20/2022 (pending).', 'trigger_point_injection'],
    ['UR denied the revision surgery 08/29/2023.', 'surgery'],
    ['Insurer denied surgery (UR 07/30/2024) and TTD.', 'surgery'],
    ['Hyaluronic acid injection was denied by UR.', 'joint_injection'],
    ['A third TFESI was denied 10/17/2023 and was not performed.', 'epidural_injection'],
    ['PIP denied further chiro 10/28; continuing self-pay.', 'chiropractic'],
  ])('%s', (text, modality) => expect(status(text, modality)).toEqual(['denied']));
  it.each([
    // Overturned in the same sentence: the request went ahead.
    ['MRI was initially denied by UR 03/11, approved on reconsideration 03/15, done 03/22.', 'imaging_study'],
    ['UR initially denied ESI (records not received), approved on reconsideration 06/01/2023.', 'epidural_injection'],
    // The patient denying a history, before the mention, is not a payer's decision.
    ['She denied any prior injections.', 'other_injection'],
    // A denial foreseen is not one that happened.
    ['If the functional restoration program is not approved, medial branch blocks could be considered.', 'pain_program'],
    ['If SCS is not authorized, consider an interdisciplinary program.', 'spinal_cord_stimulator'],
  ])('not denied: %s', (text, modality) => expect(status(text, modality)).not.toContain('denied'));
});

describe('care ordered or renewed, and care not yet begun', () => {
  const status = (text: string, modality: string) => of(text, 'treatment').filter((f) => f.attributes.modality === modality && !f.negated).map((f) => f.attributes.status);
  it.each([
    ['- MRI and PT orders renewed.', 'physical_therapy', 'planned'],
    ['06/20/2023  PT eval and treat, R shoulder           Heartland Rehab Services    Sent 06/21/2023', 'physical_therapy', 'planned'],
  ])('%s', (text, modality, expected) => {
    // (The test note's own date header is a line of its own; the row's status is what is asked.)
    const own = of(text, 'treatment').filter((f) => f.attributes.modality === modality && !f.negated && text.includes(f.evidence[0].quote.trim()));
    expect(own.map((f) => f.attributes.status)).toEqual([expected]);
  });
  it.each([
    'He has not started PT: the clinic wanted $95 per visit up front.',
    'The shoulder MRI and physical therapy I ordered have not been completed because of cost.',
  ])('a course never begun is not a course given: %s', (text) => {
    expect(status(text, 'physical_therapy').filter((s) => s === 'performed' || s === 'completed')).toEqual([]);
  });
  it('a referral sent and not yet started is still the plan', () => {
    expect(status('Re-refer to PT (video visits + HEP, 1x/wk x 8) - referral sent; not yet started.', 'physical_therapy')).toContain('planned');
  });
});

describe('care listed under a future-care heading', () => {
  const REPORT = 'Future medical care (reasonably necessary, more likely than not, at 2024 charges in this area):\n  b. Gabapentin 300 mg TID and meloxicam 15 mg daily, about $52 per month = $624 per year\n  c. Cervical epidural steroid injection, about 1 per year, $4,100 each';
  it('is an allowance for later, drugs included, not care planned now', () => {
    const items = of(REPORT, 'treatment').filter((f) => f.attributes.modality === 'medication' || f.attributes.modality === 'epidural_injection');
    expect(items.map((f) => [f.attributes.drug ?? f.attributes.modality, f.temporality])).toEqual([['gabapentin', 'hypothetical'], ['meloxicam', 'hypothetical'], ['epidural_injection', 'hypothetical']]);
    for (const f of items) expect(f.context.some((c) => c.trigger.startsWith(FUTURE_CARE_TRIGGER))).toBe(true);
  });
  it('"Future treatment:" on a work-status form is the plan itself, not an allowance for later', () => {
    const [f] = of('Work capacity: Partial\nFuture treatment: chiropractic 2x/week x 6 weeks, re-evaluate.', 'treatment').filter((x) => x.attributes.modality === 'chiropractic' && !x.id.endsWith(':treatment:visit'));
    expect(f?.temporality).toBe('current');
  });
  it('the same lines under a plan heading are the plan', () => {
    const items = of(REPORT.replace(/^Future medical care \([^)]*\):/, 'Plan:'), 'treatment').filter((f) => f.attributes.drug === 'gabapentin');
    expect(items.map((f) => f.temporality)).toEqual(['current']);
  });
});
