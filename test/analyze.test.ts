import { describe, expect, it } from 'vitest';
import { analyzeCase } from '../src/analyze/index.js';
import { CaseAnalysisSchema, type Claim } from '../src/model/index.js';
import { CaseBuilder, chronicLumbarCase, DR_KIM, DR_LEE, DR_PATEL, PT_RIVERA } from './helpers/facts.js';
import { expectValidCitations } from './helpers/citations.js';

function run(b: CaseBuilder, claim: Claim = { type: 'general' }) {
  const a = analyzeCase(b.input(claim));
  expectValidCitations(a, b.documents());
  return a;
}

describe('analyzeCase on the chronic lumbar case', () => {
  const a = run(chronicLumbarCase(), { type: 'ssdi', onset: '2023-02-01', dli: '2024-12-31' });

  it('produces output that matches the JSON contract', () => {
    expect(CaseAnalysisSchema.safeParse(a).success).toBe(true);
  });

  it('splits PT into two courses separated by > 90 days and keeps epidurals in one entry', () => {
    const pt = a.timeline.filter((t) => t.modality === 'physical_therapy');
    expect(pt.map((t) => [t.firstDate, t.lastDate, t.sessions])).toEqual([['2023-03-01', '2023-04-12', 12], ['2023-11-01', '2023-12-15', 10]]);
    expect(pt[0].outcomeBefore.find((p) => p.instrument === 'ODI')?.value).toBe(48);
    expect(pt[0].outcomeAfter.find((p) => p.instrument === 'ODI')?.value).toBe(40);
    expect(pt[0].providers).toEqual(['Ana Rivera, DPT (physical therapy)']);
    const esi = a.timeline.filter((t) => t.modality === 'epidural_injection');
    expect(esi).toHaveLength(1);
    expect(esi[0].sessions).toBe(3);
    expect(esi[0].events.filter((e) => e.status === 'performed').map((e) => e.date)).toEqual(['2023-05-01', '2023-07-10', '2024-01-15']);
    expect(esi[0].benefit).toMatchObject({ percentRelief: 20, durationDays: 7 });
    expect(esi[0].cost).toBe(3650);
  });

  it('is sorted by first date and ignores the family-history surgery', () => {
    const firsts = a.timeline.map((t) => t.firstDate ?? '');
    expect(firsts).toEqual([...firsts].sort());
    const surgery = a.timeline.find((t) => t.modality === 'surgery');
    expect(surgery).toMatchObject({ status: 'declined', sessions: 0, reasonStopped: 'fear of complications' });
  });

  it('corroborates lifting and sitting limits across providers and visits', () => {
    const lift = a.functionalFloor.find((f) => f.activity === 'lift')!;
    expect(lift).toMatchObject({ limit: 10, consistency: 'corroborated', visits: 2 });
    expect(lift.providers).toHaveLength(2);
    expect(lift.conflicts).toEqual([]);
    const sit = a.functionalFloor.find((f) => f.activity === 'sit')!;
    // The patient's own report from 2023-02 is in the claim period (onset 2023-02-01), so it still counts.
    expect(sit.sources).toEqual(['patient', 'provider']);
  });

  it('reports trajectory: prognosis, abnormal findings, ODI plateau', () => {
    expect(a.trajectory.prognosis[0].text).toMatch(/Dr\. Lee.*poor/);
    expect(a.trajectory.objectiveFindings.map((r) => r.text).join(' ')).toMatch(/L5-S1 disc herniation/);
    const odi = a.trajectory.trends.find((t) => t.instrument === 'ODI')!;
    expect(odi).toMatchObject({ change: -5, mcid: 10, verdict: 'plateau' });
  });

  it('shows duration from the claimed onset and counts evidence before the DLI', () => {
    expect(a.duration).toMatchObject({ onset: '2023-02-01', onsetSource: 'claim', through: '2024-03-01', meetsTwelveMonths: 'yes', dli: '2024-12-31' });
    expect(a.duration.evidenceBeforeDli).toBeGreaterThan(10);
  });

  it('writes a plain-language claimant guide with questions per provider', () => {
    expect(a.claimant.summary.join(' ')).toMatch(/Social Security does not decide claims by "MMI"/);
    expect(a.claimant.summary.join(' ')).not.toMatch(/surgery,|surgery\./);
    expect(a.claimant.questions[0].provider).toBe('Dr. Lee (pain management)');
    const words = a.claimant.summary.join(' ').split(/\s+/);
    const sentences = a.claimant.summary.join(' ').split(/[.!?]\s/).length;
    expect(words.length / sentences).toBeLessThan(22);
  });
});

describe('functional floor', () => {
  it('flags providers who disagree on a limit, and full-duty releases', () => {
    const b = new CaseBuilder()
      .visit('2024-03-01', DR_LEE).fact('limitation', { activity: 'lift', limit: 10, unit: 'lb', source: 'provider', text: 'lift 10 lb' }, 'Lifting restricted to 10 lbs.')
      .visit('2024-04-01', DR_KIM).fact('limitation', { activity: 'lift', limit: 25, unit: 'lbs', source: 'provider', text: 'lift 25 lb' }, 'May lift up to 25 lbs.')
      .visit('2024-05-01', DR_PATEL).fact('work_status', { status: 'full_duty' }, 'Released to full duty without restrictions.');
    const [lift] = run(b).functionalFloor;
    expect(lift.consistency).toBe('corroborated');
    expect(lift.conflicts.map((c) => c.text).join('\n')).toMatch(/Dr\. Lee.*10 lb.* vs Dr\. Kim.*25 lb/);
    expect(lift.conflicts.map((c) => c.text).join('\n')).toMatch(/full duty/);
  });

  it('counts a copied-forward sentence once', () => {
    const sentence = 'Permanent restrictions: no lifting more than 15 pounds, no repetitive bending.';
    const b = new CaseBuilder()
      .visit('2024-03-01', DR_LEE).fact('limitation', { activity: 'lift', limit: 15, unit: 'lb', source: 'provider', text: 'lift 15 lb' }, sentence)
      .visit('2024-06-01', DR_LEE).fact('limitation', { activity: 'lift', limit: 15, unit: 'lb', source: 'provider', text: 'lift 15 lb' }, sentence);
    expect(run(b).functionalFloor[0]).toMatchObject({ visits: 1, consistency: 'single_visit' });
  });

  it('keeps a limitation stated once early in the claim period, with its dates, and leaves out negated ones', () => {
    const b = new CaseBuilder()
      .visit('2022-01-10', DR_LEE).fact('limitation', { activity: 'walk', limit: 1, unit: 'block', source: 'provider', text: 'walk 1 block' }, 'Walks 1 block.')
      .visit('2024-01-10', DR_LEE).fact('limitation', { activity: 'stand', source: 'provider', text: 'no standing limits' }, 'No limitation in standing.', { negated: true })
      .fact('outcome_measure', { instrument: 'NRS', value: 3, max: 10 }, 'Pain 3/10.');
    const a = run(b, { type: 'ssdi' });
    expect(a.functionalFloor).toHaveLength(1);
    expect(a.functionalFloor[0]).toMatchObject({ activity: 'walk', firstDate: '2022-01-10', lastDate: '2022-01-10', visits: 1, consistency: 'single_visit' });
    const gap = a.gaps.find((g) => g.ruleId === 'limitation-single-source')!;
    expect(gap.why).toMatch(/not restated recently \(walk last on 2022-01-10\)/);
  });

  it('starts the period at the claimed onset: a limit stated before it is not part of the floor', () => {
    const b = new CaseBuilder()
      .visit('2021-06-01', DR_PATEL).fact('limitation', { activity: 'kneel', source: 'provider', text: 'no kneeling' }, 'No kneeling for two weeks after the knee sprain.')
      .visit('2023-03-01', DR_LEE).fact('limitation', { activity: 'lift', limit: 20, unit: 'lb', source: 'provider', text: 'lift 20 lb' }, 'Lifting limited to 20 lb.')
      .visit('2023-09-01', DR_PATEL).fact('limitation', { activity: 'lift', limit: 20, unit: 'lb', source: 'provider', text: 'lift 20 lb' }, 'Restricted to lifting 20 lbs.');
    const floor = run(b, { type: 'ssdi', onset: '2023-01-15' }).functionalFloor;
    expect(floor.map((f) => [f.activity, f.consistency])).toEqual([['lift', 'corroborated']]);
  });

  it.each([
    ['Return to work 03/16/2023 with restrictions through 04/15/2023: no squatting.', []],
    ['No squatting until 03/30/2024.', ['crouch']],
    ['No squatting.', ['crouch']],
  ])('a restriction written to end on a day long past no longer binds: %s', (sentence, floor) => {
    const b = new CaseBuilder()
      .visit('2023-03-15', DR_LEE).fact('limitation', { activity: 'crouch', frequency: 'never', source: 'provider', text: sentence }, sentence)
      .visit('2024-03-01', DR_PATEL).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current management.');
    expect(run(b).functionalFloor.map((f) => f.activity)).toEqual(floor);
  });
});

describe('timeline details', () => {
  it('PT course status is ongoing when sessions continue to the end of the record', () => {
    const b = new CaseBuilder()
      .visit('2024-01-05', PT_RIVERA).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'Ther ex 3 units.')
      .visit('2024-01-12', PT_RIVERA).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'Manual therapy and ther ex.');
    expect(run(b).timeline[0]).toMatchObject({ status: 'ongoing', sessions: 2 });
  });
  it('an unnamed injection on the day a named one is documented, or beside it in one sentence, adds no row', () => {
    const DC = { name: 'Dr. Cole', credential: 'DC', specialty: 'chiropractic' as const };
    const b = new CaseBuilder()
      .visit('2023-04-18', DC)
      .fact('treatment', { modality: 'trigger_point_injection', status: 'recommended' }, 'Reduce to 1x/wk while pt gets TPI/injections.')
      .fact('treatment', { modality: 'other_injection', status: 'recommended' }, 'Reduce to 1x/wk while pt gets TPI/injections.')
      .visit('2023-07-18', DR_LEE).fact('treatment', { modality: 'epidural_injection', status: 'performed' }, 'C7-T1 interlaminar ESI performed.')
      .visit('2023-07-21', DC).fact('treatment', { modality: 'other_injection', status: 'performed' }, 'had neck injection 07/18', { date: '2023-07-18' });
    expect(run(b).timeline.map((t) => t.modality).sort()).toEqual(['epidural_injection', 'trigger_point_injection']);
  });
});

describe('duration', () => {
  it('uses the earliest dated evidence when no onset is given, and "expected" when MMI comes with lasting limits', () => {
    const b = new CaseBuilder()
      .visit('2024-01-05', DR_KIM).fact('limitation', { activity: 'overhead_reach', source: 'provider', text: 'no overhead reaching' }, 'No overhead reaching with the right arm.')
      .visit('2024-06-01', DR_KIM).fact('mmi_statement', { kind: 'mmi' }, 'Patient is at MMI.')
      .fact('limitation', { activity: 'overhead_reach', source: 'provider', text: 'no overhead reaching' }, 'Permanent restriction: no overhead work on the right.');
    const d = run(b, { type: 'ssdi' }).duration;
    expect(d).toMatchObject({ onset: '2024-01-05', onsetSource: 'record', through: '2024-06-01', meetsTwelveMonths: 'expected' });
  });

  it('no dated evidence: onset none, unknown', () => {
    const b = new CaseBuilder().visit(undefined, DR_LEE).fact('prognosis', { outlook: 'fair', text: 'fair' }, 'Prognosis fair.');
    expect(run(b).duration).toMatchObject({ onsetSource: 'none', meetsTwelveMonths: 'unknown' });
  });
});

describe('duplicates', () => {
  it('passes duplicates through unchanged', () => {
    const b = new CaseBuilder().visit('2024-01-05', DR_LEE).fact('prognosis', { outlook: 'fair', text: 'fair' }, 'Prognosis fair.');
    const input = b.input();
    const ev = input.facts[0].evidence;
    const a = analyzeCase({ ...input, duplicates: [{ kind: 'duplicate_document', evidence: ev }] });
    expect(a.duplicates).toEqual([{ kind: 'duplicate_document', evidence: ev }]);
  });
});
