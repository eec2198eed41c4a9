import { describe, expect, it } from 'vitest';
import { analyzeCase } from '../src/analyze/index.js';
import { RULES } from '../src/analyze/gaps/index.js';
import { PROFILES } from '../src/profiles/index.js';
import type { Claim } from '../src/model/index.js';
import { CaseBuilder, chronicLumbarCase, DC_OLSEN, DR_KIM, DR_LEE, DR_PATEL, PT_RIVERA } from './helpers/facts.js';
import { expectValidCitations } from './helpers/citations.js';

interface Case { name: string; claim?: Claim; build: () => CaseBuilder }

function gapsOf(c: Case, ruleId: string) {
  const b = c.build();
  const a = analyzeCase(b.input(c.claim ?? { type: 'general' }));
  expectValidCitations(a, b.documents());
  return a.gaps.filter((g) => g.ruleId === ruleId);
}

const ptCourse = (withScores: boolean) => () => {
  const b = new CaseBuilder().visit('2024-01-05', PT_RIVERA).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'PT eval; ther ex initiated.');
  if (withScores) b.fact('outcome_measure', { instrument: 'ODI', value: 44, max: 100 }, 'ODI 44%.');
  b.visit('2024-02-20', PT_RIVERA).fact('treatment', { modality: 'physical_therapy', status: 'completed', sessions: 12 }, 'D/C from PT after 12 visits.');
  if (withScores) b.fact('outcome_measure', { instrument: 'ODI', value: 40, max: 100 }, 'ODI 40%.');
  else b.fact('outcome_measure', { instrument: 'NRS', value: 6, max: 10 }, 'Pain 6/10.');
  return b;
};

const injections = (withBenefit: boolean) => () => {
  const b = new CaseBuilder().visit('2024-01-05', { ...DR_LEE, kind: 'procedure_note' })
    .fact('treatment', { modality: 'epidural_injection', status: 'performed' }, 'L4-5 ILESI performed.')
    .visit('2024-02-05', DR_LEE);
  if (withBenefit) b.fact('benefit', { percentRelief: 50, durationDays: 21, modality: 'epidural_injection' }, '50% relief x 3 weeks.');
  else b.fact('benefit', { percentRelief: 50, modality: 'epidural_injection' }, 'Injection helped about 50%.');
  return b;
};

const consult = (then: 'nothing' | 'declined-no-reason' | 'declined-with-reason' | 'not-candidate') => () => {
  const b = new CaseBuilder().visit('2024-01-05', { ...DR_KIM, kind: 'consultation' })
    .fact('treatment', { modality: 'surgical_consultation', status: 'performed' }, 'Neurosurgical consultation for lumbar stenosis.');
  if (then === 'declined-no-reason') b.fact('plan_signal', { signal: 'surgery_declined' }, 'Pt does not wish to proceed with surgery.');
  if (then === 'declined-with-reason') b.fact('treatment', { modality: 'surgery', status: 'declined', reasonStopped: 'cardiac risk' }, 'Declines decompression given cardiac risk.');
  if (then === 'not-candidate') b.fact('plan_signal', { signal: 'not_surgical_candidate' }, 'Not a surgical candidate; findings do not correlate.');
  return b;
};

const limits = (providers: number, visits: number) => () => {
  const b = new CaseBuilder();
  const who = [DR_LEE, DR_PATEL];
  for (let i = 0; i < visits; i++) {
    b.visit(`2024-0${i + 1}-10`, who[i % providers])
      .fact('limitation', { activity: 'lift', limit: 10, unit: 'lb', source: 'provider', text: 'lift 10 lb' }, `Visit ${i + 1}: lifting limited to 10 lb.`)
      .fact('objective_finding', { category: 'exam', finding: 'positive_slr', label: 'positive SLR', abnormal: true }, 'SLR positive on the right.');
  }
  return b;
};

const visitGap = (explained: boolean) => () => new CaseBuilder()
  .visit('2023-01-10', DR_PATEL)
  .fact('plan_signal', explained ? { signal: 'follow_up_prn' } : { signal: 'return_to_clinic' }, explained ? 'Symptoms at plateau; follow up as needed.' : 'RTC 4 weeks.')
  .visit('2023-09-10', DR_PATEL).fact('outcome_measure', { instrument: 'NRS', value: 7, max: 10 }, 'Pain 7/10.');

const TABLE: Record<string, { valid: Case[]; invalid: Case[] }> = {
  'pt-without-functional-measures': {
    valid: [{ name: 'ODI at start and end', build: ptCourse(true) }],
    invalid: [{ name: 'pain score only', build: ptCourse(false) }],
  },
  'injection-without-relief-duration': {
    valid: [{ name: 'percent and duration', build: injections(true) }],
    invalid: [{ name: 'percent without duration', build: injections(false) }],
  },
  'surgical-consult-without-decision-reason': {
    valid: [
      { name: 'declined with reason', build: consult('declined-with-reason') },
      { name: 'not a candidate', build: consult('not-candidate') },
    ],
    invalid: [
      { name: 'no decision', build: consult('nothing') },
      { name: 'declined, no reason', build: consult('declined-no-reason') },
    ],
  },
  'limitation-single-source': {
    valid: [{ name: 'two providers, two visits', build: limits(2, 2) }],
    invalid: [{ name: 'one visit', build: limits(1, 1) }, { name: 'one provider, three visits', build: limits(1, 3) }],
  },
  'no-treating-source-opinion': {
    valid: [{
      name: 'treating physician completes a medical source statement',
      build: () => new CaseBuilder().visit('2024-01-10', { ...DR_PATEL, kind: 'medical_source_statement' })
        .fact('limitation', { activity: 'lift', limit: 10, unit: 'lb', source: 'provider', text: 'lift 10 lb' }, 'Lift/carry 10 lb occasionally.')
        .fact('limitation', { activity: 'sit', limit: 4, unit: 'hours', source: 'provider', text: 'sit 4 h' }, 'Sit about 4 hours total in an 8-hour day.'),
    }, {
      name: 'treating surgeon gives permanent restrictions with a P&S statement',
      build: () => new CaseBuilder().visit('2024-01-10', DR_KIM)
        .fact('mmi_statement', { kind: 'permanent_and_stationary' }, 'He is permanent and stationary as of today.')
        .fact('limitation', { activity: 'overhead_reach', source: 'provider', text: 'no overhead work' }, 'Permanent restrictions: no overhead work with the right arm.'),
    }],
    invalid: [{ name: 'physician states a lifting limit only', build: limits(1, 1) }, {
      name: 'work-note restrictions in progress notes are not an opinion on lasting capacity',
      build: () => new CaseBuilder().visit('2024-01-10', DR_PATEL)
        .fact('limitation', { activity: 'lift', limit: 10, unit: 'lb', source: 'provider', text: 'lift 10 lb' }, 'Work restrictions: no lifting over 10 lb.')
        .fact('limitation', { activity: 'stand', limit: 30, unit: 'minutes', source: 'provider', text: 'stand 30 min' }, 'Avoid standing more than 30 minutes at a time.'),
    }, {
      name: 'restrictions from an IME examiner are not a treating-source opinion',
      build: () => new CaseBuilder().visit('2024-01-10', { name: 'Dr. Voss', credential: 'MD', specialty: 'ime', kind: 'ime' })
        .fact('mmi_statement', { kind: 'mmi' }, 'The examinee is at MMI.')
        .fact('limitation', { activity: 'lift', limit: 20, unit: 'lb', source: 'provider', text: 'lift 20 lb' }, 'Permanent restrictions: no lifting over 20 lb.'),
    }, {
      name: 'patient report only',
      build: () => new CaseBuilder().visit('2024-01-10', DR_PATEL)
        .fact('limitation', { activity: 'sit', limit: 20, unit: 'minutes', source: 'patient', text: 'sit 20 min' }, 'She says she can sit only 20 minutes.'),
    }],
  },
  'mmi-implied-not-stated': {
    valid: [{ name: 'MMI stated', build: () => new CaseBuilder().visit('2024-01-10', DR_LEE).fact('mmi_statement', { kind: 'mmi' }, 'At MMI.') }],
    invalid: [{ name: 'implied by maintenance pattern', build: chronicLumbarCase }],
  },
  'limitation-without-objective-finding': {
    valid: [{ name: 'abnormal SLR documented', build: limits(1, 1) }],
    invalid: [{
      name: 'limits, only normal findings',
      build: () => new CaseBuilder().visit('2024-01-10', DR_PATEL)
        .fact('limitation', { activity: 'stand', limit: 15, unit: 'minutes', source: 'provider', text: 'stand 15 min' }, 'Stand no more than 15 minutes.')
        .fact('objective_finding', { category: 'exam', finding: 'reflexes', label: 'reflexes normal', abnormal: false }, 'DTRs 2+ and symmetric.'),
    }],
  },
  'unexplained-treatment-gap': {
    valid: [{ name: 'plateau, follow up as needed', build: visitGap(true) }],
    invalid: [{ name: '8 months, no reason', build: visitGap(false) }],
  },
  'duration-not-shown': {
    valid: [{ name: '19 months documented', build: chronicLumbarCase }],
    invalid: [{ name: 'two months, no statement', build: ptCourse(true) }],
  },
  'no-prognosis': {
    valid: [{ name: 'poor prognosis stated', build: chronicLumbarCase }],
    invalid: [{ name: 'none stated', build: ptCourse(true) }],
  },
  'evidence-before-dli-thin': {
    valid: [{ name: 'many visits before DLI', claim: { type: 'ssdi', dli: '2024-12-31' }, build: chronicLumbarCase }],
    invalid: [{ name: 'one visit before DLI', claim: { type: 'ssdi', dli: '2023-03-01' }, build: chronicLumbarCase }],
  },
  'impairment-rating-missing': {
    valid: [{
      name: 'rating with edition', claim: { type: 'workers_comp' },
      build: () => new CaseBuilder().visit('2024-04-02', DR_KIM)
        .fact('mmi_statement', { kind: 'permanent_and_stationary' }, 'P&S as of today.')
        .fact('impairment_rating', { percent: 8, basis: 'whole_person', guidesEdition: '5th' }, '8% WPI per AMA Guides 5th ed.'),
    }],
    invalid: [{
      name: 'P&S, no rating', claim: { type: 'workers_comp' },
      build: () => new CaseBuilder().visit('2024-04-02', DR_KIM).fact('mmi_statement', { kind: 'permanent_and_stationary' }, 'P&S as of today.'),
    }],
  },
  'opinion-from-non-acceptable-source-only': {
    valid: [{ name: 'physician limits', claim: { type: 'ssdi' }, build: limits(2, 2) }],
    invalid: [{
      name: 'chiropractor only', claim: { type: 'ssdi' },
      build: () => new CaseBuilder().visit('2024-01-10', DR_PATEL).fact('plan_signal', { signal: 'follow_up_prn' }, 'F/u prn.')
        .visit('2024-02-10', DC_OLSEN).fact('limitation', { activity: 'lift', limit: 15, unit: 'lb', source: 'provider', text: 'lift 15 lb' }, 'Advised no lifting over 15 lbs.'),
    }],
  },
  'billed-visit-without-record': {
    // valid = the record is complete: every billed date has the provider's note within a day.
    valid: [{
      name: 'billed visit with its note',
      build: () => new CaseBuilder().visit('2024-03-04', DR_LEE).fact('treatment', { modality: 'epidural_injection', status: 'performed' }, 'L5-S1 TFESI performed.')
        .file('ledger.csv').bill('2024-03-05', 'Lee, Dr.', [{ code: '64483', charge: 1450 }]),
    }],
    invalid: [{
      name: 'billed visit with no note',
      build: () => new CaseBuilder().visit('2024-03-04', DR_LEE).fact('outcome_measure', { instrument: 'NRS', value: 7, max: 10 }, 'Pain 7/10.')
        .file('ledger.csv').bill('2024-04-15', 'Lee, Dr.', [{ code: '99214', charge: 240 }]),
    }],
  },
  'work-status-without-limits': {
    valid: [{
      name: 'off work with limits', claim: { type: 'ssdi' },
      build: () => new CaseBuilder().visit('2024-01-10', DR_PATEL)
        .fact('work_status', { status: 'off_work' }, 'Off work until next visit.')
        .fact('limitation', { activity: 'lift', limit: 10, unit: 'lb', source: 'provider', text: 'lift 10 lb' }, 'No lifting over 10 lb.'),
    }, {
      name: 'early "off work" answered by specific limits from the same doctor later', claim: { type: 'ssdi' },
      build: () => new CaseBuilder().visit('2024-01-10', DR_PATEL).fact('work_status', { status: 'off_work' }, 'Off work until 02/01/2024, then re-evaluate.')
        .visit('2024-03-05', DR_PATEL)
        .fact('limitation', { activity: 'lift', limit: 10, unit: 'lb', source: 'provider', text: 'lift 10 lb' }, 'Work note: no lifting more than 10 pounds.'),
    }],
    invalid: [{
      name: 'bare off work', claim: { type: 'ssdi' },
      build: () => new CaseBuilder().visit('2024-01-10', DR_PATEL).fact('work_status', { status: 'off_work' }, 'Remain off work.'),
    }],
  },
};

describe('gap rules', () => {
  it('has at least 10 rules, each with complete meta and a test table', () => {
    expect(RULES.length).toBeGreaterThanOrEqual(10);
    for (const r of RULES) {
      expect(r.meta.id).toMatch(/^[a-z-]+$/);
      expect(r.meta.authority.cite.length).toBeGreaterThan(5);
      expect(r.meta.request.ask.length).toBeGreaterThan(10);
      expect(TABLE[r.meta.id], r.meta.id).toBeDefined();
    }
  });

  it('profiles and rule metadata agree on which claim types run each rule', () => {
    for (const r of RULES) {
      for (const [type, profile] of Object.entries(PROFILES)) {
        expect(profile.rules.includes(r.meta.id), `${r.meta.id} / ${type}`).toBe(r.meta.profiles.includes(type as Claim['type']));
      }
    }
  });

  for (const [id, { valid, invalid }] of Object.entries(TABLE)) {
    describe(id, () => {
      for (const c of valid) it(`valid: ${c.name}`, () => expect(gapsOf(c, id)).toEqual([]));
      for (const c of invalid) {
        it(`invalid: ${c.name}`, () => {
          const gaps = gapsOf(c, id);
          expect(gaps.length).toBeGreaterThan(0);
          for (const g of gaps) {
            expect(g.request.to).not.toBe('');
            expect(g.request.ask).toMatch(/\?|[Pp]lease/);
            expect(g.evidence.length).toBeGreaterThan(0);
          }
        });
      }
    });
  }

  it('addresses requests to the provider named in the record', () => {
    const [gap] = gapsOf({ name: 'no decision', build: consult('nothing') }, 'surgical-consult-without-decision-reason');
    expect(gap.request.to).toBe('Dr. Kim (orthopedic surgery)');
    expect(gap.request.ask).toContain('2024-01-05');
  });
});
