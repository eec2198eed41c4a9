import { describe, expect, it } from 'vitest';
import type { FactOf } from '../src/model/index.js';
import { assessContext } from '../src/context/engine.js';
import { analyzeCase } from '../src/analyze/index.js';
import { activeEvents, maintenanceVisits } from '../src/analyze/mmi.js';
import { buildContext } from '../src/analyze/case-context.js';
import { profileFor } from '../src/profiles/index.js';
import { mapHeaders } from '../src/ingest/ledger.js';
import { factsOf } from './helpers/extract-doc.js';
import { CaseBuilder } from './helpers/facts.js';

/**
 * Classes met in claim files written by people who never read this code (synthetic text, no PHI): an ED triage
 * index, care given after an MMI that the treating doctor then certifies anyway, monthly supportive sessions after a
 * course, a question a board left open, an injection that "does not change his MMI status", a carrier's payment history.
 */
const contextOf = (sentence: string, target: string) => {
  const i = sentence.indexOf(target);
  return assessContext(sentence, i, i + target.length, {});
};

describe('an emergency triage index is not an epidural', () => {
  const epidurals = (body: string) => factsOf(body).facts.filter((f): f is FactOf<'treatment'> => f.type === 'treatment' && f.attributes.modality === 'epidural_injection');
  it.each([
    ['Triage level: 3 (ESI v4)', 0],
    ['Triage level: 4 (ESI v4) - ambulatory.', 0],
    ['Lumbar ESI performed 06/01/2023 with 50% relief.', 1],
  ])('%s', (text, n) => {
    expect(epidurals(text)).toHaveLength(n);
  });
});

describe('open questions, a status unchanged, care out of reach', () => {
  it.each([
    ['The Board has not made a finding on the schedule loss of use or the date of maximum medical improvement.', 'maximum medical improvement', 'hypothetical', false],
    ['Return in 10-12 weeks for reassessment and determination of MMI/impairment if stable.', 'MMI', 'hypothetical', false],
    ['This injection is palliative and does not change his MMI status.', 'MMI', 'current', false],
    // Invalid for the new cues: a plain negation and a plain statement keep their meaning.
    ['Surgical referral not obtainable (uninsured).', 'Surgical referral', 'current', true],
    ['TKA unaffordable without coverage.', 'TKA', 'current', true],
    ['He has not reached MMI.', 'MMI', 'current', true],
    ['She reached MMI on 02/21/2023.', 'MMI', 'current', false],
  ])('%s', (sentence, target, temporality, negated) => {
    const c = contextOf(sentence, target);
    expect(c.temporality).toBe(temporality);
    expect(c.negated).toBe(negated);
  });
});

describe('care after an MMI', () => {
  const DD = { name: 'Curt Sample', credential: 'MD', specialty: 'ime' as const, kind: 'impairment_rating' as const, documentRole: 'examining' as const, documentTitle: 'Designated Doctor Examination - DWC-069' };
  const PAIN = { name: 'Sam Doe', credential: 'MD', specialty: 'pain_management' as const };
  const TREATING = { name: 'Tom Roe', credential: 'MD', specialty: 'orthopedic_surgery' as const };
  const build = (after: 'certified' | 'not_at') => {
    const b = new CaseBuilder();
    b.visit('2023-01-18', DD).fact('mmi_statement', { kind: 'mmi', mmiDate: '2022-11-29' }, 'The injured employee reached MMI on 11/29/2022.');
    b.visit('2023-03-01', { ...PAIN, kind: 'procedure_note' }).fact('treatment', { modality: 'epidural_injection', status: 'performed' }, 'Left L4-5 transforaminal epidural steroid injection.');
    b.visit('2023-04-12', TREATING).fact('mmi_statement', { kind: after === 'certified' ? 'mmi' : 'not_at_mmi' },
      after === 'certified' ? 'The employee reached MMI on 04/12/2023.' : 'He is not at MMI.');
    return analyzeCase(b.input({ type: 'workers_comp', state: 'TX' })).mmi;
  };
  it('an injection after which the treating doctor certifies MMI himself did not undo the MMI', () => {
    const m = build('certified');
    expect(m.status).toBe('explicit');
    expect(m.date).toBe('2022-11-29');
  });
  it('so does a treating chiropractor\'s certification after it (a Texas treating doctor may be a DC)', () => {
    const b = new CaseBuilder();
    b.visit('2023-01-18', DD).fact('mmi_statement', { kind: 'mmi', mmiDate: '2022-11-29' }, 'The injured employee reached MMI on 11/29/2022.');
    b.visit('2023-03-01', { ...PAIN, kind: 'procedure_note' }).fact('treatment', { modality: 'epidural_injection', status: 'performed' }, 'Left L4-5 transforaminal epidural steroid injection.');
    b.visit('2023-04-12', { name: 'Travis Sample', credential: 'DC', specialty: 'chiropractic' }).fact('mmi_statement', { kind: 'mmi' }, 'In my opinion he has reached MMI as of today.');
    expect(analyzeCase(b.input({ type: 'workers_comp', state: 'TX' })).mmi).toMatchObject({ status: 'explicit', date: '2022-11-29' });
  });
  it('the same injection with the treating doctor saying "not at MMI" afterwards withdraws it', () => {
    const m = build('not_at');
    expect(m.status).not.toBe('explicit');
    expect(m.priorMmi?.date).toBe('2022-11-29');
  });
  it.each([
    [false, 'not_reached'],
    [true, 'explicit'],
  ])('an injection billed months after the P&S date withdraws it, unless billed as care of another condition (otherCondition %s → %s)', (other, status) => {
    const HAND = { name: 'Greg Sample', credential: 'MD', specialty: 'orthopedic_surgery' as const };
    const b = new CaseBuilder();
    b.visit('2023-05-08', { ...HAND, kind: 'impairment_rating' }).fact('mmi_statement', { kind: 'mmi', mmiDate: '2023-05-08' }, 'Permanent and stationary as of 05/08/2023.');
    b.visit('2023-08-14', { name: 'Greg Sample MD', specialty: 'unknown', kind: 'billing' })
      .fact('treatment', { modality: 'other_injection', status: 'performed', ...(other ? { otherCondition: true } : {}) }, '08/14/2023,Greg Sample MD,20550,Injection tendon sheath R ring finger,Not a WC charge (non-industrial)');
    expect(analyzeCase(b.input({ type: 'workers_comp', state: 'CA' })).mmi.status).toBe(status);
  });
});

describe('an examiner\'s MMI dated back before the surgery that followed', () => {
  const IME = { name: 'Rita Sample', credential: 'MD', specialty: 'orthopedic_surgery' as const, kind: 'ime' as const, documentRole: 'examining' as const, documentTitle: 'Defense Medical Examination' };
  const SURGEON = { name: 'Nate Roe', credential: 'MD', specialty: 'orthopedic_surgery' as const };
  const build = (author: typeof IME | typeof SURGEON) => {
    const b = new CaseBuilder();
    b.visit('2022-12-13', SURGEON).fact('treatment', { modality: 'surgical_consultation', status: 'performed' }, 'Orthopaedic consultation for the right shoulder.');
    b.visit('2023-03-21', { ...SURGEON, kind: 'operative_report' }).fact('treatment', { modality: 'surgery', status: 'performed' }, 'Right shoulder arthroscopy, SLAP repair.');
    b.visit('2024-04-16', author).fact('mmi_statement', { kind: 'mmi', mmiDate: '2023-01-14' }, 'She reached maximum medical improvement by 01/14/2023.');
    return analyzeCase(b.input({ type: 'personal_injury' })).mmi;
  };
  it('an examiner\'s "MMI by 01/14/2023", written after a March 2023 surgery, does not stand: the surgery withdraws it', () => {
    const m = build(IME);
    expect(m.status).not.toBe('explicit');
    expect(m.priorMmi?.date).toBe('2023-01-14');
  });
  it('the treating surgeon\'s own retroactive MMI, written after the care, stands', () => {
    expect(build(SURGEON)).toMatchObject({ status: 'explicit', date: '2023-01-14' });
  });
});

describe('monthly supportive sessions after a course', () => {
  const CHIRO = { name: 'Pat Sample', credential: 'DC', specialty: 'chiropractic' as const };
  const context = (cadenceDays: number) => {
    const b = new CaseBuilder();
    const start = Date.parse('2023-03-01');
    const day = (n: number) => new Date(start + n * 86_400_000).toISOString().slice(0, 10);
    for (let i = 0; i < 18; i++) b.visit(day(i * 4), CHIRO).fact('treatment', { modality: 'chiropractic', status: 'performed' }, 'CMT cervical and thoracic.');
    for (let i = 1; i <= 6; i++) b.visit(day(72 + i * cadenceDays), CHIRO).fact('treatment', { modality: 'chiropractic', status: 'performed' }, 'CMT cervical.');
    const input = b.input({ type: 'personal_injury' });
    return buildContext(input.claim, profileFor(input.claim.type), input.encounters, input.facts);
  };
  const build = (cadenceDays: number) => activeEvents(context(cadenceDays)).map((a) => a.date);
  it('sessions four weeks apart after a course are supportive care, not active treatment', () => {
    const dates = build(28);
    expect(dates.every((d) => d < '2023-05-20')).toBe(true);
  });
  it('sessions a week apart are still a course', () => {
    expect(build(7).some((d) => d > '2023-05-20')).toBe(true);
  });
  it('another provider\'s "monthly chiropractic" and a narrative report for counsel are not sessions that break the cadence', () => {
    const b = new CaseBuilder();
    const start = Date.parse('2023-03-01');
    const day = (n: number) => new Date(start + n * 86_400_000).toISOString().slice(0, 10);
    for (let i = 0; i < 18; i++) b.visit(day(i * 4), CHIRO).fact('treatment', { modality: 'chiropractic', status: 'performed' }, 'CMT cervical and thoracic.');
    for (let i = 1; i <= 6; i++) {
      b.visit(day(72 + i * 28), CHIRO).fact('treatment', { modality: 'chiropractic', status: 'performed' }, 'CMT cervical.');
      b.visit(day(72 + i * 28 + 8), { name: 'Dr. Pain', credential: 'MD', specialty: 'pain_management' }).fact('treatment', { modality: 'chiropractic', status: 'performed' }, 'Chiropractic continues.');
    }
    b.visit(day(72 + 6 * 28 + 14), { ...CHIRO, kind: 'medical_source_statement' }).fact('treatment', { modality: 'chiropractic', status: 'performed' }, 'He remains under chiropractic care in this office.');
    const input = b.input({ type: 'personal_injury' });
    const ctx = buildContext(input.claim, profileFor(input.claim.type), input.encounters, input.facts);
    expect(activeEvents(ctx).filter((a) => a.fact.type === 'treatment' && a.fact.attributes.modality === 'chiropractic' && ctx.providerOf(a.fact).includes('Sample')).every((a) => a.date < '2023-05-20')).toBe(true);
  });
  it('the chiropractor\'s own supportive visits are maintenance visits; the course\'s are not', () => {
    const dates = maintenanceVisits(context(28)).map((v) => v.date);
    expect(dates.length).toBe(6);
    expect(dates.every((d) => d > '2023-05-20')).toBe(true);
    expect(maintenanceVisits(context(7))).toEqual([]);
  });
});

describe('a carrier\'s payment history', () => {
  it.each([
    [['Trans date', 'Payee', 'Category', 'Service/period from', 'Service/period to', 'Description', 'Amount'], 3],
    [['Pay Date', 'Category', 'Payee', 'Svc/Period From', 'Svc/Period To', 'Code/Benefit', 'Description', 'Billed'], 3],
    [['paid_date', 'category', 'type', 'payee', 'period_or_dos', 'codes', 'billed', 'paid'], 4],
    [['Date of Service', 'CPT', 'Charge'], 0],
  ])('%j: the date of service column', (headers, column) => {
    expect(mapHeaders(headers).date).toBe(column);
  });
});

describe('a stimulator still being programmed', () => {
  it('a change to a new paradigm is the device\'s titration: active care, and the maintenance phase opens after it', () => {
    const PAIN = { name: 'Mara Sample', credential: 'MD', specialty: 'pain_management' as const };
    const b = new CaseBuilder();
    b.visit('2023-04-18', { ...PAIN, kind: 'operative_report' }).fact('treatment', { modality: 'spinal_cord_stimulator', status: 'performed' }, 'Permanent SCS implant.');
    b.visit('2023-07-11', PAIN).fact('treatment', { modality: 'spinal_cord_stimulator', status: 'performed' }, 'Changed to Altura "PulseWave" sub-perception paradigm (program 4) with rep.');
    for (const d of ['2023-09-12', '2023-12-12', '2024-03-19', '2024-06-18']) b.visit(d, PAIN).fact('plan_signal', { signal: 'continue_current_management' }, 'Stable on current program. Continue current regimen.');
    const m = analyzeCase(b.input({ type: 'ssdi' })).mmi;
    expect(m.status).toBe('implied');
    expect(m.date).toBe('2023-09-12');
  });
});

describe('a steroid bridge tapered off on a schedule', () => {
  const RHEUM = { name: 'Priya Sample', credential: 'MD', specialty: 'rheumatology' as const };
  const build = (taper: string) => {
    const b = new CaseBuilder();
    b.visit('2023-07-13', RHEUM).fact('treatment', { modality: 'medication', status: 'planned', drug: 'tocilizumab', drugClass: 'biologic DMARD', doseChange: 'switched' }, 'Switch mechanism: tocilizumab 162 mg SC weekly.');
    b.visit('2023-10-17', RHEUM).fact('treatment', { modality: 'medication', status: 'discontinued', drug: 'prednisone', drugClass: 'oral corticosteroid', doseChange: 'stopped' }, taper)
      .fact('plan_signal', { signal: 'continue_current_management' }, 'Continue tocilizumab and methotrexate.');
    for (const d of ['2024-01-11', '2024-04-11', '2024-07-11', '2024-10-10']) b.visit(d, RHEUM).fact('plan_signal', { signal: 'continue_current_management' }, 'No changes to regimen today.');
    return analyzeCase(b.input({ type: 'ssdi' })).mmi;
  };
  it('the maintenance phase opens at the visit after the taper ends', () => {
    expect(build('Taper prednisone: 2.5 mg daily x 2 weeks, then every other day x 2 weeks, then stop.').date).toBe('2024-01-11');
  });
  it('a steroid simply stopped leaves the visit itself as the first of the phase', () => {
    expect(build('Prednisone stopped.').date).toBe('2023-10-17');
  });
});

describe('a surgeon\'s recommendation, its decline, and the phase after it', () => {
  const PAIN = { name: 'Remy Sample', credential: 'MD', specialty: 'pain_management' as const };
  const NSGY = { name: 'Ada Sample', credential: 'MD', specialty: 'neurosurgery' as const };
  const build = (declineVisit: boolean) => {
    const b = new CaseBuilder();
    b.visit('2022-10-06', { ...PAIN, kind: 'procedure_note' }).fact('treatment', { modality: 'radiofrequency_ablation', status: 'performed' }, 'Left C4-C6 radiofrequency ablation.');
    b.visit('2022-11-17', PAIN).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.');
    b.visit('2023-02-16', { ...NSGY, kind: 'consultation' }).fact('treatment', { modality: 'surgical_consultation', status: 'performed' }, 'Neurosurgical consultation.')
      .fact('plan_signal', { signal: 'new_treatment', target: 'surgery (fusion)' }, 'I have recommended a C5-6 anterior cervical discectomy and fusion.', { temporality: 'hypothetical', context: [{ category: 'hypothetical', trigger: 'recommended', start: 0, end: 0 }] });
    if (declineVisit) b.visit('2023-03-23', NSGY).fact('treatment', { modality: 'surgery', status: 'declined' }, 'Patient declines recommended surgery after informed discussion.');
    for (const d of ['2023-04-13', '2023-07-13', '2023-10-12', '2024-01-11']) {
      b.visit(d, PAIN).fact('treatment', { modality: 'surgery', status: 'recommended', subtype: 'fusion' }, 'Seen by Dr. Sample 02/16/2023 - C5-6 ACDF recommended.', { date: '2023-02-16' })
        .fact('plan_signal', { signal: 'continue_current_management' }, 'Long-term conservative plan; continue current regimen.');
    }
    return analyzeCase(b.input({ type: 'personal_injury' })).mmi;
  };
  it('the consult that offers surgery is not a maintenance visit; the phase opens at the first visit after the decision, and notes recalling the offer do not hold it open', () => {
    const m = build(true);
    expect(m.status).toBe('implied');
    expect(m.date).toBe('2023-04-13');
  });
});

describe('an operation for another condition', () => {
  it('"L cataract surgery 05/2023" in a back claim is not active care of the back', () => {
    const PCP = { name: 'Cora Sample', credential: 'FNP-BC', specialty: 'primary_care' as const };
    const PAIN = { name: 'Eli Sample', credential: 'DO', specialty: 'pain_management' as const };
    const b = new CaseBuilder();
    b.visit('2021-10-14', { ...PAIN, kind: 'procedure_note' }).fact('treatment', { modality: 'radiofrequency_ablation', status: 'performed' }, 'Bilateral L3-L5 RFA.');
    for (const d of ['2022-03-10', '2022-06-14', '2022-11-10', '2023-08-15', '2024-02-13']) b.visit(d, PAIN).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.');
    b.visit('2023-06-01', PCP).fact('treatment', { modality: 'surgery', status: 'performed' }, 'L cataract surgery 05/2023, vision better.');
    expect(analyzeCase(b.input({ type: 'ssdi' })).mmi.date).toBe('2022-03-10');
  });
});

describe('a therapy course its own discipline discharged', () => {
  it('"doing PT" in the PCP\'s note, then the therapist\'s discharge: the course is closed, not care under way at the end', () => {
    const b = new CaseBuilder();
    const PT = { name: 'Ann Sample', credential: 'DPT', specialty: 'physical_therapy' as const };
    b.visit('2023-06-13', { name: 'Dr. Bone', credential: 'MD', specialty: 'orthopedic_surgery' }).fact('treatment', { modality: 'physical_therapy', status: 'recommended' }, 'PT 2x/week for 6 weeks.');
    b.visit('2023-06-20', { ...PT, kind: 'pt_evaluation' }).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'PT evaluation.');
    b.visit('2023-07-10', { name: 'Dr. Family', credential: 'MD', specialty: 'primary_care' }).fact('treatment', { modality: 'physical_therapy', status: 'ongoing' }, 'Doing PT for the knee.');
    b.visit('2023-08-15', { ...PT, kind: 'pt_discharge' }).fact('plan_signal', { signal: 'disengaged' }, 'Discharged for non-attendance.');
    b.visit('2023-10-03', { name: 'Dr. Family', credential: 'MD', specialty: 'primary_care' }).fact('plan_signal', { signal: 'continue_current_management' }, 'Knee comes and goes. Continue ibuprofen.');
    expect(analyzeCase(b.input({ type: 'personal_injury' })).mmi.status).not.toBe('not_reached');
  });
});

describe('an operation discussed and put off at the same visit', () => {
  it('the plan to operate is settled there: it holds nothing open', () => {
    const b = new CaseBuilder();
    const ORTHO = { name: 'Dr. Bone', credential: 'MD', specialty: 'orthopedic_surgery' as const };
    b.visit('2024-09-24', ORTHO)
      .fact('treatment', { modality: 'surgery', status: 'recommended', subtype: 'arthroplasty' }, 'We discussed left total knee arthroplasty.')
      .fact('plan_signal', { signal: 'new_treatment', target: 'surgery (arthroplasty)' }, 'We discussed left total knee arthroplasty.')
      .fact('treatment', { modality: 'surgery', status: 'declined', subtype: 'arthroplasty' }, 'She would like to defer left TKA.');
    const input = b.input({ type: 'ssdi' });
    expect(activeEvents(buildContext(input.claim, profileFor(input.claim.type), input.encounters, input.facts))).toEqual([]);
  });
});

describe('a therapy course told of in another discipline\'s note long after the therapist\'s discharge', () => {
  it('"Continue PT 2x/week per Haw River PT" carried into the surgeon\'s notes is not a course of its own', () => {
    const b = new CaseBuilder();
    const PT = { name: 'Ann Sample', credential: 'DPT', specialty: 'physical_therapy' as const };
    const ORTHO = { name: 'Dr. Bone', credential: 'MD', specialty: 'orthopedic_surgery' as const };
    for (const d of ['2022-11-22', '2022-12-06', '2023-01-10', '2023-02-17']) b.visit(d, PT).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'Therapeutic exercise, gait training.');
    b.visit('2023-01-20', ORTHO).fact('treatment', { modality: 'physical_therapy', status: 'ongoing' }, 'Continue PT 2x/week per Haw River PT.');
    for (const d of ['2024-01-16', '2024-05-21']) b.visit(d, ORTHO).fact('treatment', { modality: 'physical_therapy', status: 'ongoing' }, 'Continue PT 2x/week per Haw River PT.');
    const rows = analyzeCase(b.input({ type: 'ssdi' })).timeline.filter((e) => e.modality === 'physical_therapy');
    expect(rows.map((e) => [e.firstDate, e.lastDate])).toEqual([['2022-11-22', '2023-02-17']]);
  });
});

describe('an option only suggested, and a course its therapist discharged', () => {
  const PCP = { name: 'Dana Sample', credential: 'PA-C', specialty: 'primary_care' as const };
  const events = (b: CaseBuilder) => { const input = b.input({ type: 'ssi' }); return activeEvents(buildContext(input.claim, profileFor(input.claim.type), input.encounters, input.facts)); };
  it.each([
    ['Aquatic therapy: pt "will think about it." No referral placed.', 0],
    ['Aquatic therapy discussed; no referral placed.', 0],
    // Invalid: therapy ordered, or an operation waiting on her decision, still holds the visit open.
    ['Aquatic therapy referral placed today.', 1],
    ['Lumbar fusion offered; pt will think about it.', 1],
  ])('%s → %i open', (text, n) => {
    const b = new CaseBuilder();
    const surgery = /fusion/.test(text);
    b.visit('2024-01-09', surgery ? { name: 'Sam Sample', credential: 'MD', specialty: 'orthopedic_surgery' as const } : PCP)
      .fact('treatment', { modality: surgery ? 'surgery' : 'physical_therapy', status: /placed today/.test(text) ? 'planned' : 'recommended' }, text);
    expect(events(b).filter((a) => a.open)).toHaveLength(n);
  });
  it('a therapist\'s discharge summary dates the end of her course: active care runs to it', () => {
    const PT = { name: 'Hannah Sample', credential: 'DPT', specialty: 'physical_therapy' as const };
    const b = new CaseBuilder();
    b.visit('2023-05-22', { ...PT, kind: 'pt_evaluation' }).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'EPISODE 2 - POST-OPERATIVE INITIAL EVALUATION 05/22/2023');
    b.visit('2023-07-28', { ...PT, kind: 'pt_discharge' }).fact('treatment', { modality: 'physical_therapy', status: 'completed' }, 'EPISODE 2 - DISCHARGE SUMMARY 07/28/2023');
    b.visit('2023-09-01', PCP).fact('treatment', { modality: 'physical_therapy', status: 'completed' }, 'Completed PT in July.');
    expect(events(b).map((a) => a.date)).toEqual(['2023-05-22', '2023-07-28']);
  });
});

describe('a repeat ablation booked, and the last one\'s relief looked back on', () => {
  const rfa = (text: string) => factsOf(text).facts.filter((f): f is FactOf<'treatment'> => f.type === 'treatment' && f.attributes.modality === 'radiofrequency_ablation').map((f) => f.attributes.status);
  it('"Schedule repeat bilateral RFA (target July 2023)" is planned, not given', () => {
    expect(rfa('1. Schedule repeat bilateral L4-5/L5-S1 RFA (target July 2023).')).toEqual(['planned']);
  });
  it('"Benefit from RFA fading" at a follow-up is the earlier ablation, not one given that day', () => {
    const PAIN = { name: 'Vik Sample', credential: 'MD', specialty: 'pain_management' as const };
    const b = new CaseBuilder();
    b.visit('2022-10-11', { ...PAIN, kind: 'procedure_note' }).fact('treatment', { modality: 'radiofrequency_ablation', status: 'performed' }, 'Right L3, L4 medial branch radiofrequency neurotomy.');
    b.visit('2023-05-16', PAIN).fact('treatment', { modality: 'radiofrequency_ablation', status: 'performed' }, 'Benefit from RFA fading over the past 6 weeks - now ~40% better than before RFA.');
    const input = b.input({ type: 'ssdi' });
    expect(activeEvents(buildContext(input.claim, profileFor(input.claim.type), input.encounters, input.facts)).map((a) => a.date)).toEqual(['2022-10-11']);
  });
});

describe('a joint injected for a flare inside a sustained maintenance phase', () => {
  const RHEUM = { name: 'Neha Sample', credential: 'MD', specialty: 'rheumatology' as const };
  const build = (assessment: string) => {
    const b = new CaseBuilder();
    b.visit('2023-03-14', RHEUM).fact('treatment', { modality: 'medication', drug: 'tocilizumab', drugClass: 'biologic DMARD', doseChange: 'started', status: 'ongoing' }, 'Start tocilizumab 162 mg SC weekly.');
    for (const d of ['2023-06-13', '2023-09-12', '2023-12-12']) b.visit(d, RHEUM).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue tocilizumab. RTC 3 months.');
    b.visit('2024-03-12', { ...RHEUM, kind: 'procedure_note' }).fact('treatment', { modality: 'joint_injection', status: 'performed' }, 'Left knee arthrocentesis and injection, superolateral approach.')
      .fact('plan_signal', { signal: 'continue_current_management' }, assessment);
    b.visit('2024-06-11', RHEUM).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue tocilizumab. RTC 3 months.');
    return analyzeCase(b.input({ type: 'ssdi' })).mmi;
  };
  it('"L knee flare treated with injection" is the phase\'s flare care', () => {
    expect(build('Assessment: RA - moderate activity, stable; L knee flare treated with injection.')).toMatchObject({ status: 'implied', date: '2023-06-13' });
  });
  it('an injection the visit does not call a flare\'s is still a new step', () => {
    expect(build('Assessment: RA - moderate activity; knee injected.').date).not.toBe('2023-06-13');
  });
});

describe('a referral for counselling in a claim for a physical condition', () => {
  const NEURO = { name: 'Ana Sample', credential: 'MD', specialty: 'neurology' as const };
  const open = (quote: string) => {
    const b = new CaseBuilder();
    b.visit('2024-06-25', NEURO).fact('plan_signal', { signal: 'referral', target: 'Sooner Pathways Behavioral' }, quote);
    const input = b.input({ type: 'ssdi' });
    const ctx = buildContext(input.claim, profileFor(input.claim.type), input.encounters, input.facts);
    return activeEvents(ctx).filter((a) => a.open).length;
  };
  it.each([
    ['Referral to Sooner Pathways Behavioral\nHealth 06/25/2024 - no appointment confirmation on file.', 0],
    ['Referral to counseling (Sooner Pathways Behavioral Health) - patient will call.', 0],
    // Invalid: a referral to a pain clinic is still an active step.
    ['Referral to Sooner Pathways Pain Center 06/25/2024.', 1],
  ])('%s: %i open active step(s) in a migraine claim', (quote, n) => {
    expect(open(quote)).toBe(n);
  });
});
