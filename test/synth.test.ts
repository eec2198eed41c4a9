import { describe, expect, it } from 'vitest';
import { generateCases } from '../src/synth/index.js';
import { examStatedFacts } from '../src/synth/case.js';
import { Rng } from '../src/synth/prng.js';
import { addDays, daysBetween, formatDate } from '../src/synth/dates.js';
import { GAP_RULE_IDS, TruthSchema } from '../src/synth/truth.js';

describe('seeded PRNG', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = new Rng(42); const b = new Rng(42); const c = new Rng(43);
    const xs = [a.next(), a.next(), a.next()];
    expect([b.next(), b.next(), b.next()]).toEqual(xs);
    expect(c.next()).not.toBe(xs[0]);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
  it('int stays in range', () => {
    const r = new Rng(1);
    for (let i = 0; i < 500; i++) { const v = r.int(3, 5); expect(v).toBeGreaterThanOrEqual(3); expect(v).toBeLessThanOrEqual(5); }
  });
});

describe('dates', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'], ['2023-12-31', 1, '2024-01-01'], ['2024-03-01', -1, '2024-02-29'],
  ])('addDays(%s, %i) = %s', (d, n, want) => expect(addDays(d, n)).toBe(want));
  it('formats in clinic styles', () => {
    expect(formatDate('2023-04-05', 'mdy')).toBe('04/05/2023');
    expect(formatDate('2023-04-05', 'mdy_short')).toBe('4/5/23');
    expect(formatDate('2023-04-05', 'long')).toBe('April 5, 2023');
    expect(daysBetween('2023-01-01', '2023-03-01')).toBe(59);
  });
});

describe('synthetic case generator', () => {
  const cases = generateCases({ cases: 12, seed: 2024 });

  it('is deterministic per seed', () => {
    expect(JSON.stringify(generateCases({ cases: 12, seed: 2024 }))).toBe(JSON.stringify(cases));
    expect(JSON.stringify(generateCases({ cases: 12, seed: 2025 }))).not.toBe(JSON.stringify(cases));
  });

  it('writes truth that validates and covers every MMI kind', () => {
    const kinds = new Set<string>();
    for (const c of cases) {
      const t = TruthSchema.parse(c.truth);
      kinds.add(t.mmi.status);
      if (t.mmi.status === 'explicit' || t.mmi.status === 'implied') expect(t.mmi.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const g of t.gaps) expect(GAP_RULE_IDS).toContain(g);
    }
    expect(kinds).toEqual(new Set(['explicit', 'implied', 'not_reached', 'insufficient_evidence']));
  });

  it('names files like an SSA exhibit list and puts one visit per page', () => {
    for (const c of cases) {
      for (const f of c.files) expect(f.name).toMatch(/^\d+F - .+\.txt$/);
      for (const f of c.files) for (const p of f.pages) expect(p).toMatch(/Date of (Service|Exam|Study|Visit|Examination|Evaluation)|DOS:|Visit Date:|Arrival:/);
    }
  });

  it('records a fact only with the text that states it (measures appear in the notes)', () => {
    for (const c of cases) {
      const all = c.files.flatMap((f) => f.pages).join('\n');
      for (const f of TruthSchema.parse(c.truth).facts) {
        if (f.type === 'outcome_measure') expect(all).toContain(String(f.value).replace(/\.5$/, '+')); // 3+/5 is 3.5
        if (f.type === 'benefit') expect(all).toContain(`${f.percentRelief}% relief`);
      }
    }
  });

  it('implied MMI falls on a "continue" maintenance visit with unchanged pain scores after it', () => {
    for (const c of cases.filter((x) => x.truth.mmi.status === 'implied')) {
      const t = TruthSchema.parse(c.truth);
      const after = t.facts.filter((f) => f.type === 'plan_signal' && f.signal === 'continue_current_management' && f.date >= t.mmi.date!);
      expect(after.length).toBeGreaterThanOrEqual(3);
      const nrs = new Set(t.facts.filter((f) => f.type === 'outcome_measure' && f.instrument === 'NRS' && f.date >= t.mmi.date!).map((f) => (f as { value: number }).value));
      expect(nrs.size).toBe(1);
      expect(t.gaps).toContain('mmi-implied-not-stated');
    }
  });

  it('places hypothetical, negated and family-history distractors in the text', () => {
    const kinds = new Set(cases.flatMap((c) => (c.truth.distractors ?? []).map((d) => d.kind)));
    expect(kinds).toEqual(expect.objectContaining(new Set(['hypothetical', 'family_history', 'negated'])));
    for (const c of cases) {
      const all = c.files.flatMap((f) => f.pages).join('\n');
      for (const d of c.truth.distractors ?? []) expect(all).toContain(d.text);
    }
  });

  it('pads to about the requested number of pages', () => {
    const [big] = generateCases({ cases: 1, seed: 9, pages: 120 });
    expect(big.files.reduce((n, f) => n + f.pages.length, 0)).toBeGreaterThanOrEqual(120);
  });

  it('keeps payer rules: injections ≥ 2 weeks apart and ≤ 4 a year; surgery only after PT and a pain-management trial', () => {
    for (const c of generateCases({ cases: 60, seed: 7 })) {
      const inj = c.truth.facts.filter((f) => f.type === 'treatment' && /injection/.test(f.modality) && f.status === 'performed').map((f) => f.date).sort();
      for (let i = 1; i < inj.length; i++) expect(daysBetween(inj[i - 1], inj[i])).toBeGreaterThanOrEqual(14);
      for (const d of inj) expect(inj.filter((x) => x >= d && daysBetween(d, x) < 365).length).toBeLessThanOrEqual(4);
      const surgery = c.truth.facts.find((f) => f.type === 'treatment' && (f.modality === 'surgery' || f.modality === 'spinal_cord_stimulator') && f.status === 'performed');
      if (surgery) expect(c.truth.facts.some((f) => f.type === 'treatment' && f.modality === 'physical_therapy' && f.status === 'completed' && f.date < surgery.date)).toBe(true);
    }
  });

  it('writes realistic variety: ED visit in personal-injury files, FCEs, cases without a surgical consult, fax banners', () => {
    const cases = generateCases({ cases: 60, seed: 11 });
    const text = (c: (typeof cases)[number]) => c.files.flatMap((f) => f.pages).join('\n');
    const pi = cases.filter((c) => c.truth.claim.type === 'personal_injury');
    expect(pi.length).toBeGreaterThan(0);
    for (const c of pi) expect(text(c)).toMatch(/EMERGENCY DEPARTMENT RECORD/);
    expect(cases.some((c) => /FUNCTIONAL CAPACITY EVALUATION/.test(text(c)))).toBe(true);
    expect(cases.some((c) => /^FAX FROM|^FAX FR0M/m.test(text(c)))).toBe(true);
    expect(cases.some((c) => c.truth.mmi.status !== 'insufficient_evidence' && !c.truth.facts.some((f) => f.type === 'treatment' && f.modality === 'surgical_consultation'))).toBe(true);
  });
});

describe('exam statements the truth lists (examStatedFacts)', () => {
  it.each([
    ['Empty can test positive left with 3+/5 strength.', { instrument: 'strength', value: 3.5 }],
    ['Right EHL weakness 4/5.', { instrument: 'strength', value: 4 }],
    ['Strength 5/5 throughout, reflexes symmetric.', { instrument: 'strength', value: 5 }],
    ['Left knee flexion limited to 45 degrees.', { instrument: 'ROM', value: 45 }],
    ['Antalgic gait, uses a cane.', { modality: 'assistive_device' }],
  ])('%s', (text, want) => expect(examStatedFacts(text, '2023-01-01')[0]).toMatchObject(want));
  it.each([
    'Straight leg raise positive on the right at 40 degrees.', 'Right hand 1.5 degrees C warmer than the contralateral side.',
    'Grip strength markedly reduced on the left.', 'Neurovascularly intact distally.',
  ])('states no measure: %s', (text) => expect(examStatedFacts(text, '2023-01-01')).toEqual([]));
});
