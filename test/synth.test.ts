import { describe, expect, it } from 'vitest';
import { generateCases } from '../src/synth/index.js';
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
      for (const f of c.files) for (const p of f.pages) expect(p).toMatch(/Date of (Service|Exam|Study|Visit|Examination|Evaluation)|DOS:|Visit Date:/);
    }
  });

  it('records a fact only with the text that states it (measures appear in the notes)', () => {
    for (const c of cases) {
      const all = c.files.flatMap((f) => f.pages).join('\n');
      for (const f of TruthSchema.parse(c.truth).facts) {
        if (f.type === 'outcome_measure') expect(all).toContain(String(f.value));
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
});
