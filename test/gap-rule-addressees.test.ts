import { describe, expect, it } from 'vitest';
import { analyzeCase } from '../src/analyze/index.js';
import { mergeGaps } from '../src/analyze/gaps/index.js';
import type { Gap } from '../src/model/index.js';
import { CaseBuilder, DR_LEE, DR_PATEL } from './helpers/facts.js';
import { expectValidCitations } from './helpers/citations.js';

const ED = { name: 'Dr. Ruiz', credential: 'MD', specialty: 'emergency' as const, kind: 'emergency_visit' as const };
const RADIOLOGIST = { name: 'Dr. Lind', credential: 'MD', specialty: 'radiology' as const, kind: 'imaging' as const };
const IME = { name: 'Dr. Voss', credential: 'MD', specialty: 'ime' as const, kind: 'ime' as const };
/** Roles a request for an opinion must never go to (the eval's wrong-role test, plus examiners). */
const WRONG_ROLE = /\b(?:radiolog\w*|emergency|ER physician|urgent care|independent medical exam|IME)\b/i;
/** Rules whose request is an opinion on function, MMI, treatment or its response. */
const OPINION_RULES = new Set([
  'no-treating-source-opinion', 'no-functional-capacity-evaluation', 'mmi-implied-not-stated', 'mmi-not-addressed', 'impairment-rating-missing',
  'conflicting-opinions-unrebutted', 'mental-health-unaddressed', 'imaging-not-current', 'injection-without-relief-duration',
  'no-prognosis', 'duration-not-shown', 'limitation-single-source', 'work-status-without-limits', 'treatment-not-followed',
  'limitation-without-objective-finding', 'device-without-prescription',
]);

/** An ED visit, a radiologist's read, months of pain-management care with injections, an examiner's MMI and rating. */
function mixedSources(): CaseBuilder {
  return new CaseBuilder()
    .file('ed.txt').visit('2023-01-05', ED)
    .fact('treatment', { modality: 'imaging_study', subtype: 'CT', status: 'performed' }, 'CT lumbar spine negative for fracture.')
    .fact('limitation', { activity: 'lift', limit: 10, unit: 'lb', source: 'provider', text: 'lift 10 lb' }, 'No lifting over 10 lb.')
    .fact('work_status', { status: 'off_work' }, 'Off work.')
    .file('mri.txt').visit('2023-02-01', RADIOLOGIST)
    .fact('objective_finding', { category: 'imaging', finding: 'disc_herniation', label: 'L5-S1 disc herniation', abnormal: true }, 'L5-S1 disc herniation.')
    .file('pain.txt').visit('2023-02-20', { ...DR_LEE, kind: 'procedure_note' })
    .fact('treatment', { modality: 'epidural_injection', status: 'performed' }, 'L5-S1 TFESI performed.')
    .visit('2023-04-20', DR_LEE).fact('benefit', { percentRelief: 50, modality: 'epidural_injection' }, 'About 50% better after the injection.')
    .fact('limitation', { activity: 'lift', limit: 15, unit: 'lb', source: 'provider', text: 'lift 15 lb' }, 'Permanent restrictions: no lifting over 15 lb.')
    .visit('2023-08-20', DR_LEE).fact('diagnosis', { name: 'Major depressive disorder', code: 'F32.1' }, 'Major depressive disorder (F32.1), PHQ-9 16.')
    .fact('limitation', { activity: 'lift', limit: 15, unit: 'lb', source: 'provider', text: 'lift 15 lb' }, 'Continue restrictions: no lifting over 15 lb.')
    .file('ime.txt').visit('2023-10-01', IME)
    .fact('mmi_statement', { kind: 'mmi' }, 'The examinee is at MMI.')
    .fact('impairment_rating', { percent: 5, basis: 'whole_person', guidesEdition: '5th' }, 'Impairment: 5% whole person (AMA Guides 5th ed.).')
    .fact('limitation', { activity: 'lift', limit: 40, unit: 'lb', source: 'provider', text: 'lift 40 lb' }, 'He can lift 40 lb.');
}

describe('gap requests go to the person who can answer them', () => {
  for (const type of ['ssdi', 'workers_comp', 'personal_injury', 'general'] as const) {
    it(`${type}: no request to a radiologist, an ER physician or an examiner; opinions go to the treating physician`, () => {
      const b = mixedSources();
      const a = analyzeCase(b.input({ type, onset: '2023-01-05' }));
      expectValidCitations(a, b.documents());
      expect(a.gaps.length).toBeGreaterThan(3);
      for (const g of a.gaps) {
        expect(g.request.to, `${g.ruleId} → ${g.request.to}`).not.toMatch(WRONG_ROLE);
        expect(g.evidence.length, g.ruleId).toBeGreaterThan(0);
        if (OPINION_RULES.has(g.ruleId)) expect(g.request.to, g.ruleId).toBe('Dr. Lee (pain management)');
      }
    });
  }

  it('the examiner\'s conflicting opinion is put to the treating physician for a rebuttal', () => {
    const b = mixedSources();
    const a = analyzeCase(b.input({ type: 'workers_comp', onset: '2023-01-05' }));
    const conflict = a.gaps.find((g) => g.ruleId === 'conflicting-opinions-unrebutted');
    expect(conflict?.request.to).toBe('Dr. Lee (pain management)');
    expect(conflict?.request.ask).toMatch(/Dr\. Voss/);
    expect(conflict?.request.ask).toMatch(/rebuttal/);
  });

  it('adds the claim type\'s reason to each gap (profile wording)', () => {
    const b = mixedSources();
    const ssdi = analyzeCase(b.input({ type: 'ssdi', onset: '2023-01-05' })).gaps.find((g) => g.ruleId === 'mental-health-unaddressed')!;
    const wc = analyzeCase(b.input({ type: 'workers_comp', onset: '2023-01-05' })).gaps.find((g) => g.ruleId === 'mental-health-unaddressed')!;
    expect(ssdi.why).toMatch(/consultative examination/);
    expect(wc.why).toMatch(/compensable/);
  });
});

describe('merging requests to the same person', () => {
  const gap = (ruleId: string, to: string, ask: string): Gap => ({
    ruleId, severity: 'high', title: ruleId, why: `${ruleId} why.`, authority: { cite: 'x' }, request: { to, ask },
    evidence: [{ file: 'a.txt', page: 1, start: 0, end: 1, quote: 'a' }],
  });

  it('folds a new-rule gap into the keyed gap asking the same person about the same thing', () => {
    const merged = mergeGaps([
      { gap: gap('no-prognosis', 'Dr. Lee', 'State the prognosis.'), merge: 'mmi-opinion', keyed: true },
      { gap: gap('mmi-not-addressed', 'Dr. Lee', 'State whether MMI was reached.'), merge: 'mmi-opinion', keyed: false },
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0].ruleId).toBe('no-prognosis');
    expect(merged[0].request.ask).toBe('State the prognosis. State whether MMI was reached.');
    expect(merged[0].why).toBe('no-prognosis why. mmi-not-addressed why.');
    expect(merged[0].evidence).toHaveLength(1);
  });

  it('keeps requests to different people, different topics, and two keyed rules apart', () => {
    const merged = mergeGaps([
      { gap: gap('a', 'Dr. Lee', 'A?'), merge: 'x', keyed: false },
      { gap: gap('b', 'Dr. Patel', 'B?'), merge: 'x', keyed: false },
      { gap: gap('c', 'Dr. Lee', 'C?'), merge: 'y', keyed: false },
      { gap: gap('d', 'Dr. Lee', 'D?'), merge: 'y', keyed: true },
      { gap: gap('e', 'Dr. Lee', 'E?'), merge: 'y', keyed: true },
    ]);
    expect(merged.map((g) => g.ruleId).sort()).toEqual(['a', 'b', 'd', 'e']);
    expect(merged.find((g) => g.ruleId === 'd')!.request.ask).toBe('D? C?');
  });
});

describe('rules fire only on what the record holds', () => {
  it('no injection, imaging, device, surgery or mental-health gaps for a record without them', () => {
    const b = new CaseBuilder().visit('2024-01-10', DR_PATEL).fact('outcome_measure', { instrument: 'NRS', value: 5, max: 10 }, 'Pain 5/10.')
      .fact('treatment', { modality: 'epidural_injection', status: 'performed' }, 'Triage Acuity (ESI): 3')
      .visit('2024-02-10', DR_PATEL).fact('outcome_measure', { instrument: 'NRS', value: 5, max: 10 }, 'Pain 5/10.')
      .fact('treatment', { modality: 'psychology', status: 'performed' }, 'Smoking cessation counseling given.');
    const ids = analyzeCase(b.input({ type: 'ssdi' })).gaps.map((g) => g.ruleId);
    for (const id of ['injection-without-relief-duration', 'procedure-record-missing', 'imaging-report-missing', 'device-without-prescription', 'mental-health-unaddressed', 'surgical-consult-without-decision-reason']) {
      expect(ids).not.toContain(id);
    }
  });
});
