import { describe, expect, it } from 'vitest';
import type { FloorItem } from '../src/model/index.js';
import {
  EDUCATION_LEVELS, EXERTIONAL, GRID, GRID_AGES, WORK_LEVELS, ageCategory, exertionalLevel, expandEducation, expandWork, gridRule,
  parseExertionalLevelsFile, parseGridFile, rulesCovering,
  type Education, type ExertionalLevel, type GridAge, type GridInput, type Work,
} from '../src/profiles/ssa/vocational.js';

const TABLE_LEVEL = { 1: 'sedentary', 2: 'light', 3: 'medium' } as const;
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
/** toMatchObject, where a key given as undefined must be absent. */
function expectMatch(actual: object, expected: Record<string, unknown>): void {
  expect(actual).toMatchObject(Object.fromEntries(Object.entries(expected).filter(([, v]) => v !== undefined)));
  for (const [k, v] of Object.entries(expected)) if (v === undefined) expect(actual, k).not.toHaveProperty(k);
}

describe('grid data (lexicon/profiles/grid-rules.json)', () => {
  it('loads every rule of Tables No. 1-3 once', () => {
    const ids = GRID.rules.map((r) => r.id);
    const expected = [
      ...Array.from({ length: 29 }, (_, i) => `201.${String(i + 1).padStart(2, '0')}`),
      ...Array.from({ length: 22 }, (_, i) => `202.${String(i + 1).padStart(2, '0')}`),
      ...Array.from({ length: 31 }, (_, i) => `203.${String(i + 1).padStart(2, '0')}`),
    ];
    expect(ids).toEqual(expected);
    expect(new Set(ids).size).toBe(ids.length);
    expect(GRID.source.cite).toMatch(/Appendix 2/);
    expect(GRID.tables.map((t) => t.checked.length > 0)).toEqual([true, true, true]);
  });

  it('loads the exertional levels lightest first', () => {
    expect(EXERTIONAL.levels.map((l) => [l.id, l.occasionalLb, l.frequentLb])).toEqual([
      ['sedentary', 10, null], ['light', 20, 10], ['medium', 50, 25], ['heavy', 100, 50], ['very_heavy', 100, 50],
    ]);
    expect(EXERTIONAL.levels[4].occasionalMoreThan).toBe(true);
    expect(EXERTIONAL.levels[0].standWalkHours).toEqual({ atMost: 2 });
  });

  // Invalid data files (RuleTester "invalid"): the schema must refuse them.
  it.each<[string, (f: ReturnType<typeof clone<typeof GRID>>) => void, RegExp]>([
    ['a duplicate rule id', (f) => { f.rules.push(clone(f.rules[0])); }, /duplicate grid rule 201\.01/],
    ['a rule filed under the wrong table', (f) => { f.rules[0].table = 2; }, /201\.01 is filed under table 2/],
    ['an unknown education category', (f) => { (f.rules[0].education as string[]).push('college'); }, /invalid|option/i],
    ['an unknown decision', (f) => { (f.rules[0] as { result: string }).result = 'maybe'; }, /invalid|option/i],
    ['a category missing from the list', (f) => { f.categories.work.pop(); }, /work categories differ/],
    ['an extra field on a rule', (f) => { (f.rules[0] as Record<string, unknown>).decision = 'disabled'; }, /unrecognized|decision/i],
  ])('refuses %s', (_n, spoil, message) => {
    const f = clone(GRID);
    spoil(f);
    expect(() => parseGridFile(f)).toThrow(message);
  });

  it.each<[string, (f: ReturnType<typeof clone<typeof EXERTIONAL>>) => void, RegExp]>([
    ['levels out of order', (f) => { f.levels.reverse(); }, /lightest first/],
    ['a level lifting less than the one below', (f) => { f.levels[2].occasionalLb = 15; }, /medium must lift more than light/],
    ['a missing level', (f) => { f.levels.pop(); }, /too_small|5/],
  ])('refuses exertional levels with %s', (_n, spoil, message) => {
    const f = clone(EXERTIONAL);
    spoil(f);
    expect(() => parseExertionalLevelsFile(f)).toThrow(message);
  });
});

describe('grid coverage', () => {
  const combos = (table: 1 | 2 | 3) => GRID_AGES.flatMap((a) => EDUCATION_LEVELS.flatMap((e) => WORK_LEVELS.map((w) => ({ a, e, w, rules: rulesCovering(table, a, e, w) }))));
  const key = (c: { a: string; e: string; w: string }) => `${c.a} | ${c.e} | ${c.w}`;
  const ADV: GridAge[] = ['advanced_55_plus', 'closely_approaching_retirement_60_plus'];

  /** The combinations the tables leave without a rule: SSA's unstated assumptions (POMS DI 25025.025B) and direct-entry education with transferable skills. */
  const expectedGaps = (table: 1 | 2 | 3): string[] => {
    const gaps = new Set<string>();
    for (const a of GRID_AGES) gaps.add(key({ a, e: 'illiterate', w: 'skilled_or_semiskilled_not_transferable' }));
    const deSt = (a: GridAge) => gaps.add(key({ a, e: 'high_school_or_more_direct_entry', w: 'skilled_or_semiskilled_transferable' }));
    if (table === 1) {
      [...ADV, 'closely_approaching_advanced_50_54' as const].forEach(deSt);
      for (const e of ['high_school_or_more_no_direct_entry', 'high_school_or_more_direct_entry'] as const) for (const w of ['none', 'unskilled'] as const) gaps.add(key({ a: 'younger_45_49', e, w }));
    }
    if (table === 2) ADV.forEach(deSt);
    if (table === 3) GRID_AGES.forEach(deSt);
    return [...gaps].sort();
  };

  it.each([1, 2] as const)('Table No. %i: every combination it covers resolves to exactly one rule', (table) => {
    const all = combos(table);
    expect(all.filter((c) => c.rules.length > 1).map(key)).toEqual([]);
    expect(all.filter((c) => c.rules.length === 0).map(key).sort()).toEqual(expectedGaps(table));
  });

  it('Table No. 3: overlaps only where 203.01 and 203.02 both direct disabled; gaps as expected', () => {
    const all = combos(3);
    const overlaps = all.filter((c) => c.rules.length > 1);
    expect(overlaps.map((c) => c.rules.map((r) => r.id).join('+'))).toEqual(Array(overlaps.length).fill('203.01+203.02'));
    expect(overlaps.map(key)).toEqual([
      'closely_approaching_retirement_60_plus | illiterate | none',
      'closely_approaching_retirement_60_plus | marginal | none',
    ]);
    expect(all.filter((c) => c.rules.length === 0).map(key).sort()).toEqual(expectedGaps(3));
  });

  // Every encoded row, checked against gridRule: a profile the row covers gets that row and its decision.
  it.each(GRID.rules.map((r) => [r.id, r] as const))('rule %s resolves through gridRule', (_id, row) => {
    const e = expandEducation(row.education[0])[0];
    const w = expandWork(row.work[0])[0];
    const g = gridRule({ ageCategory: row.age[0], education: e, work: w, level: TABLE_LEVEL[row.table] });
    expect(g.result).toBe(row.result);
    expect(g.table).toBe(row.table);
    if (row.id === '203.02' && e !== 'limited') expect(['203.01', '203.02']).toContain(g.rule);
    else expect(g.rule).toBe(row.id);
  });
});

describe('grid rules by hand', () => {
  // [rule, age, education, work, RFC, decision]. 202.14 is NOT disabled in Appendix 2 (50-54, high school, skills not
  // transferable, light): only sedentary (201.14) directs disabled there.
  it.each<[string, GridAge, Education, Work, ExertionalLevel, 'disabled' | 'not_disabled']>([
    ['201.01', 'advanced_55_plus', 'limited_or_less', 'unskilled_or_none', 'sedentary', 'disabled'],
    ['201.04', 'closely_approaching_retirement_60_plus', 'high_school_or_more_no_direct_entry', 'unskilled', 'sedentary', 'disabled'],
    ['201.05', 'advanced_55_plus', 'high_school_or_more_direct_entry', 'unskilled_or_none', 'sedentary', 'not_disabled'],
    ['201.09', 'closely_approaching_advanced_50_54', 'illiterate', 'none', 'sedentary', 'disabled'],
    ['201.12', 'closely_approaching_advanced_50_54', 'high_school_or_more_no_direct_entry', 'unskilled_or_none', 'sedentary', 'disabled'],
    ['201.14', 'closely_approaching_advanced_50_54', 'high_school_or_more_no_direct_entry', 'skilled_or_semiskilled_not_transferable', 'sedentary', 'disabled'],
    ['201.15', 'closely_approaching_advanced_50_54', 'high_school_or_more_no_direct_entry', 'skilled_or_semiskilled_transferable', 'sedentary', 'not_disabled'],
    ['201.17', 'younger_45_49', 'illiterate', 'unskilled_or_none', 'sedentary', 'disabled'],
    ['201.18', 'younger_45_49', 'limited', 'unskilled', 'sedentary', 'not_disabled'],
    ['201.21', 'younger_45_49', 'high_school_or_more_no_direct_entry', 'skilled_or_semiskilled_not_transferable', 'sedentary', 'not_disabled'],
    ['201.23', 'younger_18_44', 'illiterate', 'unskilled_or_none', 'sedentary', 'not_disabled'],
    ['201.28', 'younger_18_44', 'high_school_or_more_direct_entry', 'skilled_or_semiskilled_not_transferable', 'sedentary', 'not_disabled'],
    ['202.01', 'closely_approaching_retirement_60_plus', 'marginal', 'unskilled_or_none', 'light', 'disabled'],
    ['202.04', 'advanced_55_plus', 'high_school_or_more_no_direct_entry', 'unskilled_or_none', 'light', 'disabled'],
    ['202.06', 'advanced_55_plus', 'high_school_or_more_no_direct_entry', 'skilled_or_semiskilled_not_transferable', 'light', 'disabled'],
    ['202.07', 'advanced_55_plus', 'high_school_or_more_no_direct_entry', 'skilled_or_semiskilled_transferable', 'light', 'not_disabled'],
    ['202.09', 'closely_approaching_advanced_50_54', 'illiterate', 'unskilled_or_none', 'light', 'disabled'],
    ['202.10', 'closely_approaching_advanced_50_54', 'limited_or_less', 'unskilled_or_none', 'light', 'not_disabled'],
    ['202.13', 'closely_approaching_advanced_50_54', 'high_school_or_more_no_direct_entry', 'unskilled_or_none', 'light', 'not_disabled'],
    ['202.14', 'closely_approaching_advanced_50_54', 'high_school_or_more_no_direct_entry', 'skilled_or_semiskilled_not_transferable', 'light', 'not_disabled'],
    ['202.16', 'younger_45_49', 'illiterate', 'unskilled_or_none', 'light', 'not_disabled'],
    ['202.21', 'younger_18_44', 'high_school_or_more_no_direct_entry', 'skilled_or_semiskilled_not_transferable', 'light', 'not_disabled'],
    ['203.01', 'closely_approaching_retirement_60_plus', 'marginal', 'unskilled', 'medium', 'disabled'],
    ['203.03', 'closely_approaching_retirement_60_plus', 'limited', 'unskilled', 'medium', 'not_disabled'],
    ['203.10', 'advanced_55_plus', 'limited_or_less', 'none', 'medium', 'disabled'],
    ['203.11', 'advanced_55_plus', 'limited_or_less', 'unskilled', 'medium', 'not_disabled'],
    ['203.28', 'younger_18_44', 'high_school_or_more_direct_entry', 'unskilled_or_none', 'medium', 'not_disabled'],
  ])('%s: %s, %s, %s, %s → %s', (rule, ageCategory, education, work, level, decision) => {
    const g = gridRule({ ageCategory, education, work, level });
    expect(g).toMatchObject({ rule, result: decision });
    expect(g.deciding.join('\n')).toContain(`rule ${rule}`);
    if (rule.startsWith('203')) expect(g.notes.join('\n')).toMatch(/secondary|reproduction/i);
  });

  it.each<[string, GridInput, RegExp[]]>([
    ['201.12 (disabled) would not hold under 50 or at light', { ageCategory: 'closely_approaching_advanced_50_54', education: 'high_school_or_more_no_direct_entry', work: 'unskilled_or_none', level: 'sedentary' },
      [/^age 45-49 .*date last insured.* → rule 201\.18 indicates not disabled$/, /RFC for light work .* → rule 202\.13 directs not disabled/, /direct entry into skilled work → rule 201\.13 directs not disabled/]],
    ['202.13 (not disabled) turns at 55, at sedentary, or if illiterate', { ageCategory: 'closely_approaching_advanced_50_54', education: 'high_school_or_more_no_direct_entry', work: 'unskilled_or_none', level: 'light' },
      [/^age 55-59 .* → rule 202\.04 directs disabled$/, /standing\/walking about 2 hours .* → rule 201\.12 directs disabled/, /^education illiterate → rule 202\.09 directs disabled$/]],
    ['borderline age: reaching 55 in 40 days', { ageCategory: 'closely_approaching_advanced_50_54', education: 'high_school_or_more_no_direct_entry', work: 'unskilled_or_none', level: 'light', borderline: { nextCategory: 'advanced_55_plus', daysToNext: 40 } },
      [/^reaching age 55-59 \(advanced age\) in 40 days: within the 6-month borderline window .*POMS DI 25015\.006.* → rule 202\.04 directs disabled$/]],
    ['202.06 (disabled) would not hold with transferable skills', { ageCategory: 'advanced_55_plus', education: 'high_school_or_more_no_direct_entry', work: 'skilled_or_semiskilled_not_transferable', level: 'light' },
      [/skills transferable → rule 202\.07 directs not disabled/, /RFC for medium work .* → rule 203\.15 directs not disabled/, /^age 50-54 .* → rule 202\.14 directs not disabled$/]],
  ])('wouldChange: %s', (_n, input, expected) => {
    const g = gridRule(input);
    for (const re of expected) expect(g.wouldChange.some((s) => re.test(s)), `${re} in ${JSON.stringify(g.wouldChange, null, 1)}`).toBe(true);
  });

  it('names no change that keeps the same decision', () => {
    const g = gridRule({ ageCategory: 'younger_18_44', education: 'high_school_or_more_direct_entry', work: 'skilled_or_semiskilled_transferable', level: 'light' });
    expect(g.result).toBe('not_disabled');
    expect(g.wouldChange.every((s) => /directs disabled|indicates disabled/.test(s))).toBe(true);
    expect(g.wouldChange.some((s) => /^age 55-59/.test(s))).toBe(false); // transferable skills keep 202.03/202.07 not disabled at 55+
  });
});

describe('grid: framework and no rule', () => {
  it.each<[string, GridInput, Partial<ReturnType<typeof gridRule>>, RegExp]>([
    ['an RFC between light and medium whose rules agree', { ageCategory: 'closely_approaching_advanced_50_54', education: 'high_school_or_more_no_direct_entry', work: 'unskilled_or_none', level: 'light', between: ['light', 'medium'] },
      { result: 'framework_only', indicates: 'not_disabled' }, /between light and medium.*SSR 83-12/],
    ['an RFC between sedentary and light whose rules differ', { ageCategory: 'closely_approaching_advanced_50_54', education: 'high_school_or_more_no_direct_entry', work: 'unskilled_or_none', level: 'sedentary', between: ['sedentary', 'light'] },
      { result: 'framework_only', indicates: undefined }, /at sedentary: rule 201\.12 directs disabled/],
    ['non-exertional limits with a "disabled" exertional rule', { ageCategory: 'advanced_55_plus', education: 'limited_or_less', work: 'unskilled_or_none', level: 'light', nonExertional: true },
      { result: 'framework_only', rule: '202.01', indicates: 'disabled' }, /200\.00\(e\)\(2\)/],
    ['non-exertional limits with a "not disabled" exertional rule', { ageCategory: 'younger_18_44', education: 'high_school_or_more_no_direct_entry', work: 'unskilled_or_none', level: 'light', nonExertional: true },
      { result: 'framework_only', rule: '202.20', indicates: undefined }, /SSR 83-14/],
    ['less than sedentary at 52', { ageCategory: 'closely_approaching_advanced_50_54', education: 'high_school_or_more_no_direct_entry', work: 'unskilled_or_none', level: 'less_than_sedentary' },
      { result: 'framework_only', rule: '201.12', indicates: 'disabled' }, /SSR 96-9p/],
    ['less than sedentary at 30', { ageCategory: 'younger_18_44', education: 'high_school_or_more_no_direct_entry', work: 'unskilled_or_none', level: 'less_than_sedentary' },
      { result: 'framework_only', indicates: undefined }, /SSR 96-9p/],
    ['heavy work', { ageCategory: 'closely_approaching_retirement_60_plus', education: 'illiterate', work: 'none', level: 'heavy' },
      { result: 'framework_only', rule: '204.00', indicates: 'not_disabled' }, /204\.00/],
    ['an illiterate claimant with skills that do not transfer (POMS DI 25025.025B example)', { ageCategory: 'younger_45_49', education: 'illiterate', work: 'skilled_or_semiskilled_not_transferable', level: 'sedentary' },
      { result: 'framework_only', rule: '201.17', indicates: 'disabled' }, /framework: rule 201\.17 indicates disabled/],
    ['45-49, high school, unskilled, sedentary (no rule in Table No. 1)', { ageCategory: 'younger_45_49', education: 'high_school_or_more_no_direct_entry', work: 'unskilled_or_none', level: 'sedentary' },
      { result: 'framework_only', indicates: 'not_disabled' }, /no rule|framework/],
    ['direct-entry education with transferable skills at 56 (no row)', { ageCategory: 'advanced_55_plus', education: 'high_school_or_more_direct_entry', work: 'skilled_or_semiskilled_transferable', level: 'sedentary' },
      { result: 'framework_only', indicates: 'not_disabled' }, /framework/],
    ['education unknown', { ageCategory: 'closely_approaching_advanced_50_54', education: 'unknown', work: 'unskilled_or_none', level: 'sedentary' },
      { result: 'no_rule', rule: undefined }, /unknown: education/],
    ['RFC undetermined', { ageCategory: 'closely_approaching_advanced_50_54', education: 'limited_or_less', work: 'unskilled_or_none', level: 'undetermined' },
      { result: 'no_rule' }, /unknown: RFC exertional level/],
    ['everything missing', {},
      { result: 'no_rule' }, /unknown: age category, education, previous work experience .*, RFC exertional level/],
    ['a claimant under 18', { ageCategory: 'under_18', education: 'limited', work: 'none', level: 'light' },
      { result: 'no_rule' }, /apply to adults/],
    ['a grouped education too coarse for Table No. 3', { ageCategory: 'closely_approaching_retirement_60_plus', education: 'limited_or_less', work: 'unskilled_or_none', level: 'medium' },
      { result: 'no_rule' }, /limited education \(7th-11th grade\) \/ unskilled work: rule 203\.03 directs not disabled/],
  ])('%s', (_n, input, expected, deciding) => {
    const g = gridRule(input);
    expectMatch(g, expected);
    expect([...g.deciding, ...g.notes].join('\n')).toMatch(deciding);
  });

  it('lists what each value of a single unknown finding would give', () => {
    const g = gridRule({ ageCategory: 'closely_approaching_advanced_50_54', education: 'unknown', work: 'unskilled_or_none', level: 'sedentary' });
    expect(g.wouldChange).toEqual([
      'education illiterate → rule 201.09 directs disabled',
      'education limited education or less (literate) → rule 201.09 directs disabled',
      'education high school or more, no direct entry into skilled work → rule 201.12 directs disabled',
      'education high school or more, with direct entry into skilled work → rule 201.13 directs not disabled',
    ]);
  });

  it('between-level RFC whose rules differ says what each level would give', () => {
    const g = gridRule({ ageCategory: 'closely_approaching_advanced_50_54', education: 'high_school_or_more_no_direct_entry', work: 'unskilled_or_none', level: 'sedentary', between: ['sedentary', 'light'] });
    expect(g.wouldChange).toEqual([
      expect.stringMatching(/sedentary work .* → rule 201\.12 directs disabled/),
      expect.stringMatching(/light work .* → rule 202\.13 directs not disabled/),
    ]);
  });
});

describe('age categories (20 CFR 404.1563; POMS DI 25015.005, 25015.006)', () => {
  it.each<[string, string, string, number, string, { nextCategory: string; daysToNext: number } | undefined]>([
    ['the day before the 50th birthday: age 50 is attained', '1975-06-15', '2025-06-14', 50, 'closely_approaching_advanced_50_54', undefined],
    ['two days before the 50th birthday: 49, one day from the next category', '1975-06-15', '2025-06-13', 49, 'younger_45_49', { nextCategory: 'closely_approaching_advanced_50_54', daysToNext: 1 }],
    ['exactly six months before reaching 50: borderline', '1975-06-15', '2024-12-14', 49, 'younger_45_49', { nextCategory: 'closely_approaching_advanced_50_54', daysToNext: 182 }],
    ['six months and a day before reaching 50: not borderline', '1975-06-15', '2024-12-13', 49, 'younger_45_49', undefined],
    ['54 with 55 four months away', '1970-10-01', '2025-06-01', 54, 'closely_approaching_advanced_50_54', { nextCategory: 'advanced_55_plus', daysToNext: 121 }],
    ['57', '1968-03-03', '2025-06-01', 57, 'advanced_55_plus', undefined],
    ['59 and five months: 60 is near', '1965-11-20', '2025-06-20', 59, 'advanced_55_plus', { nextCategory: 'closely_approaching_retirement_60_plus', daysToNext: 152 }],
    ['63: closely approaching retirement age, nothing after it', '1962-01-01', '2025-06-01', 63, 'closely_approaching_retirement_60_plus', undefined],
    ['44 and a half: 45 is near', '1981-01-10', '2025-08-01', 44, 'younger_18_44', { nextCategory: 'younger_45_49', daysToNext: 161 }],
    ['30', '1995-03-01', '2025-06-01', 30, 'younger_18_44', undefined],
    ['17: outside the adult rules', '2008-01-01', '2025-06-01', 17, 'under_18', undefined],
    ['born on 29 February: 45 is attained on 28 February', '1980-02-29', '2025-02-28', 45, 'younger_45_49', undefined],
    ['born on 29 February, the day before', '1980-02-29', '2025-02-27', 44, 'younger_18_44', { nextCategory: 'younger_45_49', daysToNext: 1 }],
  ])('%s', (_n, dob, at, years, category, borderline) => {
    const r = ageCategory(dob, at);
    expect(r.years).toBe(years);
    expect(r.category).toBe(category);
    if (borderline) expect(r.borderline).toMatchObject(borderline);
    else expect(r.borderline).toBeUndefined();
  });

  it('takes the borderline window as a parameter', () => {
    expect(ageCategory('1975-06-15', '2025-02-01', { borderlineMonths: 3 }).borderline).toBeUndefined();
    expect(ageCategory('1975-06-15', '2025-02-01').borderline).toMatchObject({ nextCategory: 'closely_approaching_advanced_50_54', reachesOn: '2025-06-14' });
  });

  it.each([
    ['a date that is not ISO', '06/15/1975', '2025-01-01', /not an ISO date/],
    ['an impossible date', '1975-02-30', '2025-01-01', /not an ISO date/],
    ['a date before birth', '1975-06-15', '1970-01-01', /before the date of birth/],
  ])('refuses %s', (_n, dob, at, message) => {
    expect(() => ageCategory(dob, at)).toThrow(message);
  });
});

// --- Exertional level from the functional floor ----------------------------------------------------------------

let offset = 0;
function item(activity: FloorItem['activity'], summary: string, over: Partial<FloorItem> = {}): FloorItem {
  const start = offset; offset += summary.length + 1;
  return {
    activity, summary, firstDate: '2024-03-01', lastDate: '2025-01-15', visits: 2, providers: ['Dr. Rivera'], sources: ['provider'],
    consistency: 'single_provider', conflicts: [],
    evidence: [{ file: 'ortho.pdf', page: 3, start, end: start + summary.length, quote: summary }],
    ...over,
  };
}

describe('exertional level from the functional floor', () => {
  it.each<[string, FloorItem[], ExertionalLevel, [string, string] | undefined, string[]]>([
    ['lift 20 lb occasionally / 10 lb frequently, stand/walk 6 hours', [
      item('lift', 'May lift/carry 20 lbs occasionally and 10 lbs frequently.'),
      item('stand', 'Can stand/walk about 6 hours in an 8-hour workday.'),
    ], 'light', undefined, ['lift']],
    ['light lifting but standing/walking about 2 hours total', [
      item('lift', 'Lift 20 pounds occasionally, 10 pounds frequently.'),
      item('stand', 'Stand and walk no more than 2 hours total in an 8-hour day.'),
      item('walk', 'Stand and walk no more than 2 hours total in an 8-hour day.'),
    ], 'sedentary', undefined, ['stand', 'walk']],
    ['25 lb occasionally / 10 lb frequently', [item('lift', 'No lifting over 25 lb occasionally and 10 lb frequently.'), item('stand', 'Stand/walk 6 hours per day.')],
      'light', ['light', 'medium'], ['lift']],
    ['20 lb occasionally but only 5 lb frequently', [item('lift', 'Occasionally lift 20 lbs; frequently lift 5 lbs.')],
      'sedentary', ['sedentary', 'light'], ['lift']],
    ['no lifting over 10 lb', [item('lift', 'No lifting more than 10 lb.', { limit: 10, unit: 'lb' })], 'sedentary', undefined, ['lift']],
    ['lifting 5 lb at most', [item('lift', 'Lifting restricted to 5 pounds.', { limit: 5, unit: 'lb' })], 'less_than_sedentary', undefined, ['lift']],
    ['medium: 50/25 and 6 hours on feet', [item('lift', 'Lift up to 50 lbs occasionally, 25 lbs frequently.'), item('walk', 'Stand/walk 6 of 8 hours.')], 'medium', undefined, ['lift']],
    ['heavy: 100/50', [item('lift', 'FCE: lift 100 lb occasionally, 50 lb frequently.')], 'heavy', undefined, ['lift']],
    ['very heavy: 120/60', [item('lift', 'Lift 120 lb occasionally, 60 lb frequently.')], 'very_heavy', undefined, ['lift']],
    ['a slash pair "20/10 lbs"', [item('lift', 'Lift/carry 20/10 lbs.')], 'light', undefined, ['lift']],
    ['kilograms', [item('lift', 'Max lift 9 kg.', { limit: 9, unit: 'kg' })], 'light', undefined, ['lift']],
    ['standing and walking stated apart, 1 hour each', [item('lift', 'Lift 20 lb occasionally, 10 lb frequently.'), item('stand', 'Stand 1 hour total in a workday.'), item('walk', 'Walk 1 hour total in a workday.')],
      'sedentary', undefined, ['stand', 'walk']],
    ['standing/walking 4 hours with light lifting', [item('lift', 'Lift 20 lb occasionally, 10 lb frequently.'), item('stand', 'Stand/walk 4 hours total per day.')],
      'sedentary', ['sedentary', 'light'], ['lift', 'stand']],
    ['a tolerance at a time and a total in one sentence', [item('lift', 'Lift 20 lb occasionally, 10 lb frequently.'), item('stand', 'Can stand/walk 30 minutes at a time, 2 hours total in an 8-hour day.')], 'sedentary', undefined, ['stand']],
    ['"1 of 8 hours" on feet', [item('lift', 'Lift 20 lb occasionally, 10 lb frequently.'), item('walk', 'Stand/walk 1 of 8 hours.')], 'sedentary', undefined, ['walk']],
    ['"2 hours in an 8 hour workday" (the frame is not an amount)', [item('lift', 'Lift 20 lb occasionally, 10 lb frequently.'), item('stand', 'Stand/walk 2 hours in an 8 hour workday.')],
      'sedentary', undefined, ['stand']],
    ['standing/walking 2 hours and no lifting amount', [item('stand', 'Standing and walking limited to 2 hours in an 8-hour workday.')], 'sedentary', undefined, ['stand']],
    ['sitting 4 hours and standing/walking 2 hours: under a workday', [item('lift', 'Lift 10 lb occasionally.'), item('sit', 'Sit 4 hours total in an 8-hour day.'), item('stand', 'Stand/walk 2 hours total in an 8-hour day.')],
      'less_than_sedentary', undefined, ['sit', 'stand']],
  ])('%s', (_n, floor, level, between, deciding) => {
    const r = exertionalLevel(floor);
    expect(r.level).toBe(level);
    expect(r.between).toEqual(between);
    expect(r.deciding.map((d) => d.activity)).toEqual(deciding);
    for (const d of r.deciding) expect(d.evidence.length).toBeGreaterThan(0);
    expect(r.unsupported).toEqual([]);
  });

  it.each<[string, FloorItem[], RegExp[], RegExp[]]>([
    ['an empty floor', [], [/lifting\/carrying amount/, /standing\/walking total/], []],
    ['only a patient report', [item('lift', 'She says she cannot lift more than 5 lbs.', { sources: ['patient'] })], [/lifting\/carrying amount/], [/lift: patient-reported only/]],
    ['only limits older than a year before the assessment', [item('lift', 'Lift 10 lb occasionally.', { lastDate: '2022-05-01' })], [/lifting\/carrying amount/], [/last stated 2022-05-01, not restated in the 12 months before 2025-06-01/]],
    ['a standing tolerance at a time, not a total', [item('stand', 'Can stand 30 minutes at a time.')], [/lifting\/carrying amount/], []],
    ['"no heavy lifting" without an amount', [item('lift', 'No heavy lifting.')], [/lifting\/carrying amount/], []],
  ])('undetermined: %s', (_n, floor, missing, unsupported) => {
    const r = exertionalLevel(floor, { asOf: '2025-06-01' });
    expect(r.level).toBe('undetermined');
    expect(r.deciding).toEqual([]);
    for (const re of missing) expect(r.missing.some((m) => re.test(m)), `${re} in ${r.missing}`).toBe(true);
    for (const re of unsupported) expect(r.unsupported.some((m) => re.test(m)), `${re} in ${r.unsupported}`).toBe(true);
  });

  it('uses the provider limit, lists the patient report apart, and reports the figures', () => {
    const r = exertionalLevel([
      item('lift', 'Lift 20 lb occasionally and 10 lb frequently.'),
      item('stand', 'Patient reports she can only stand 1 hour a day.', { sources: ['patient'] }),
      item('reach', 'No overhead reaching with the right arm.'),
    ]);
    expect(r).toMatchObject({ level: 'light', lifting: { occasionalLb: 20, frequentLb: 10 }, nonExertional: ['reach'] });
    expect(r.unsupported).toEqual(['stand: patient-reported only ("Patient reports she can only stand 1 hour a day.")']);
    expect(r.missing.join('\n')).toMatch(/standing\/walking total/);
  });

  it('notes a standing limit read as the standing/walking total, and a between-levels lift', () => {
    const r = exertionalLevel([item('lift', 'Lift 25 lbs occasionally, 10 lbs frequently.'), item('stand', 'No standing more than 2 hours.')]);
    expect(r.level).toBe('sedentary');
    expect(r.standWalkHours).toBe(2);
    expect(r.missing.join('\n')).toMatch(/walking total \(the stand limit was read as the standing\/walking total\)/);
    expect(r.notes.join('\n')).toMatch(/read as a total for the workday/);
    expect(r.notes.join('\n')).toMatch(/between the two \(SSR 83-12\)/);
  });

  it('carries conflicts into the notes', () => {
    const r = exertionalLevel([item('lift', 'Lift 10 lb.', { limit: 10, unit: 'lb', conflicts: [{ text: 'Dr. Lee on 2025-02-01 released the claimant to full duty, without restrictions.', evidence: [] }] })]);
    expect(r.level).toBe('sedentary');
    expect(r.notes).toContain('lift: Dr. Lee on 2025-02-01 released the claimant to full duty, without restrictions.');
  });
});

describe('floor to grid', () => {
  it.each<[string, string, string, FloorItem[], Education, Work, Partial<ReturnType<typeof gridRule>>]>([
    ['52-year-old, high school, unskilled, standing/walking 2 hours → 201.12', '1972-09-10', '2025-03-01',
      [item('lift', 'Lift 20 lb occasionally and 10 lb frequently.'), item('stand', 'Stand/walk 2 hours total in an 8-hour day.')],
      'high_school_or_more_no_direct_entry', 'unskilled_or_none', { rule: '201.12', result: 'disabled' }],
    ['same claimant with standing/walking 6 hours → 202.13', '1972-09-10', '2025-03-01',
      [item('lift', 'Lift 20 lb occasionally and 10 lb frequently.'), item('stand', 'Stand/walk 6 hours total in an 8-hour day.')],
      'high_school_or_more_no_direct_entry', 'unskilled_or_none', { rule: '202.13', result: 'not_disabled' }],
    ['56-year-old, limited education, 25/10 lifting → between light and medium, framework', '1969-01-20', '2025-03-01',
      [item('lift', 'Lift 25 lb occasionally and 10 lb frequently.'), item('stand', 'Stand/walk 6 hours total in an 8-hour day.')],
      'limited', 'unskilled', { result: 'framework_only', indicates: undefined }],
  ])('%s', (_n, dob, at, floor, education, work, expected) => {
    const age = ageCategory(dob, at);
    const rfc = exertionalLevel(floor, { asOf: at });
    const g = gridRule({ ageCategory: age.category, education, work, level: rfc.level, between: rfc.between, borderline: age.borderline });
    expectMatch(g, expected);
  });
});
