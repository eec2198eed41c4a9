/**
 * SSA's review of medical opinions, ESLint RuleTester style: tables of valid and invalid cases on small realistic
 * notes run through the whole pipeline — supportability (the source's own findings), consistency (other sources,
 * activity by activity), the rule the filing date selects (20 CFR 404.1520c or 404.1527) — and the report of
 * examples/lumbar-ssdi end to end.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzePaths } from '../src/pipeline.js';
import { renderHtml, renderMarkdown } from '../src/report/index.js';
import { compareLimits } from '../src/analyze/opinions/limit-comparison.js';
import type { Claim, FactOf, OpinionReview } from '../src/model/index.js';
import { expectValidCitations } from './helpers/citations.js';
import { CE_LIGHT, CE_SEDENTARY, DDE, EXAM, HALE, IMAGING, PSYCHOLOGY, VOSS_NORMAL, VOSS_SUBJECTIVE, analyzeNotes as run, pcp } from './fixtures/opinion-notes.js';

async function reviews(files: Record<string, string>, claim: Claim = { type: 'ssdi', filingDate: '2023-11-01' }) {
  return (await run(files, claim)).supports!.opinions!;
}
const of = (rs: OpinionReview[], name: RegExp) => {
  const r = rs.find((x) => name.test(x.source));
  expect(r, `an opinion by ${name}`).toBeDefined();
  return r!;
};

describe('compareLimits: limits agree by the bands the rules use', () => {
  const lim = (activity: string, a: Partial<FactOf<'limitation'>['attributes']> = {}) => ({
    id: 'f', encounterId: 'e', dateSource: 'encounter', negated: false, certainty: 'affirmed', temporality: 'current', experiencer: 'patient', context: [],
    evidence: [{ file: 'f.txt', page: 1, start: 0, end: 1, quote: 'x' }], type: 'limitation', attributes: { activity, source: 'provider', text: '', ...a },
  }) as FactOf<'limitation'>;
  it.each([
    ['lift', [lim('lift', { limit: 10, unit: 'lb' })], [lim('lift', { limit: 10, unit: 'lb' })], 'agrees'],
    ['lift', [lim('lift', { limit: 15, unit: 'lb' })], [lim('lift', { limit: 10, unit: 'lbs' })], 'agrees'],
    ['lift', [lim('lift', { limit: 10, unit: 'kg' })], [lim('lift', { limit: 20, unit: 'lb', frequency: 'occasional' }), lim('lift', { limit: 10, unit: 'lb', frequency: 'frequent' })], 'agrees'],
    ['lift', [lim('lift', { limit: 10, unit: 'lb' })], [lim('lift', { limit: 20, unit: 'lb', frequency: 'occasional' }), lim('lift', { limit: 10, unit: 'lb', frequency: 'frequent' })], 'disagrees'],
    ['stand', [lim('stand', { limit: 2, unit: 'hours' })], [lim('stand', { limit: 6, unit: 'hours' })], 'disagrees'],
    ['stand', [lim('stand', { limit: 4, unit: 'hours' })], [lim('stand', { limit: 5, unit: 'hours' })], 'agrees'],
    ['sit', [lim('sit', { limit: 4, unit: 'hours' })], [lim('sit', { limit: 6, unit: 'hours' })], 'disagrees'],
    ['stand', [lim('stand', { limit: 2, unit: 'hours' })], [lim('stand', { limit: 30, unit: 'minutes' })], 'both_limit'],
    ['stoop', [lim('stoop', { frequency: 'occasional' })], [lim('stoop', { frequency: 'occasional' })], 'agrees'],
    ['stoop', [lim('stoop', { frequency: 'never' })], [lim('stoop', { frequency: 'occasional' })], 'disagrees'],
    ['other', [lim('other', { limit: 2, unit: 'days per month' })], [lim('other', { limit: 3, unit: 'days per month' })], 'agrees'],
    ['other', [lim('other', { limit: 1, unit: 'days per month' })], [lim('other', { limit: 4, unit: 'days per month' })], 'disagrees'],
    ['reach', [lim('reach')], [lim('reach', { frequency: 'never' })], 'both_limit'],
  ] as const)('%s: %j against %j → %s', (activity, mine, theirs, relation) => {
    expect(compareLimits(activity, [...mine], [...theirs]).relation).toBe(relation);
  });
});

describe('supportability: the source\'s own records hold the findings behind its limits', () => {
  const valid = [
    { name: 'a treating surgeon\'s limits with her own exam at the same visits', files: HALE, source: /Hale/, findings: ['antalgic gait', 'positive straight leg raise', 'motor weakness'] },
    { name: 'a consultative examiner\'s limits with his own abnormal exam', files: CE_SEDENTARY, source: /Penn/, findings: ['antalgic gait', 'positive straight leg raise', 'sensory loss'] },
  ];
  const invalid = [
    { name: 'restrictions in notes with no exam, while the MRI is another source\'s', files: { ...VOSS_SUBJECTIVE, ...IMAGING }, source: /Voss/, status: 'unsupported' },
    { name: 'restrictions beside an exam that is normal', files: VOSS_NORMAL, source: /Voss/, status: 'normal_only' },
    { name: 'a state-agency consultant who examined nothing', files: { ...HALE, ...DDE }, source: /state-agency/, status: 'unsupported' },
  ];
  it.each(valid)('valid: $name', async ({ files, source, findings }) => {
    const r = of((await reviews(files)).reviews, source);
    expect(r.supportability.status).toBe('supported');
    expect(r.supportability.findings.map((f) => f.label)).toEqual(expect.arrayContaining(findings));
    for (const f of r.supportability.findings) expect(f.evidence.length).toBe(1);
    expect(r.summary).toMatch(/supported by own findings \(/);
  });
  it('a mental opinion is not judged: mental status findings are not extracted', async () => {
    const r = of((await reviews(PSYCHOLOGY)).reviews, /Ibarra/);
    expect(r.supportability).toMatchObject({ status: 'not_assessed', findings: [] });
    expect(r.summary).toMatch(/support not assessed \(a mental opinion\)/);
  });
  it.each(invalid)('invalid: $name', async ({ files, source, status }) => {
    const r = of((await reviews(files)).reviews, source);
    expect(r.supportability.status).toBe(status);
    expect(r.supportability.findings).toEqual([]);
    expect(r.summary).toMatch(status === 'normal_only' ? /own examinations record only normal findings \(normal gait/ : /no supporting findings found in own records/);
    expect(r.supportability.text).toMatch(status === 'normal_only' ? /only normal findings/ : /No objective finding .* was found in the source's own records/);
  });
});

describe('consistency: other sources\' opinions on the same activity, and their findings', () => {
  it('valid: a treating surgeon and an examiner both put lifting and standing/walking at sedentary', async () => {
    const r = of((await reviews({ ...HALE, ...CE_SEDENTARY })).reviews, /Hale/);
    expect(r.consistency.status).toBe('consistent');
    const lifting = r.consistency.activities.find((a) => a.activity === 'lifting')!;
    expect(lifting).toMatchObject({ status: 'consistent' });
    expect(lifting.comparisons[0]).toMatchObject({ relation: 'agrees', source: expect.stringMatching(/Penn/) });
    expect(lifting.comparisons[0].evidence[0].quote).toMatch(/10 lb/);
    expect(r.summary).toMatch(/consistent with Walter Penn, MD on lifting/);
  });
  it('invalid: the examiner and the state agency put standing/walking at 6 hours and lifting at light', async () => {
    const r = of((await reviews({ ...HALE, ...CE_LIGHT, ...DDE })).reviews, /Hale/);
    expect(r.consistency.status).toBe('inconsistent');
    const standing = r.consistency.activities.find((a) => a.activity === 'standing')!;
    expect(standing.status).toBe('inconsistent');
    expect(standing.comparisons.map((c) => c.relation)).toEqual(['disagrees', 'disagrees']);
    expect(standing.text).toMatch(/SSR 83-10/);
    expect(r.consistency.activities.find((a) => a.activity === 'lifting')!.comparisons[0]).toMatchObject({ relation: 'disagrees', source: 'the state-agency medical consultant' });
    expect(r.summary).toMatch(/inconsistent with the state-agency medical consultant on lifting, standing and walking/);
    // The examiner saw only normal findings: the record's findings do not bear the limits out.
    expect(r.consistency.findings).toMatchObject({ status: 'disagree' });
    expect(r.consistency.findings.text).toMatch(/normal gait \(Walter Penn, MD, 04\/2024\)/);
  });
  it('an activity no other source addresses is said so, with nothing invented', async () => {
    const r = of((await reviews({ ...HALE, ...IMAGING })).reviews, /Hale/);
    expect(r.consistency.activities.every((a) => a.status === 'no_other_opinion' && !a.comparisons.length)).toBe(true);
    expect(r.consistency.findings.status).toBe('agree');
    expect(r.consistency.findings.findings[0]).toMatchObject({ label: 'disc herniation', category: 'imaging' });
    expect(r.summary).toMatch(/no other source gives a limit on the same activities/);
  });
});

describe('the rule the filing date selects', () => {
  it.each([
    ['filed after 27 March 2017', { type: 'ssdi', filingDate: '2023-11-01' }, { rule: 'persuasiveness', cite: '20 CFR 404.1520c', certain: true }, /on or after 27 March 2017/],
    ['filed the day the rules changed', { type: 'ssdi', filingDate: '2017-03-27' }, { rule: 'persuasiveness', certain: true }, /on or after 27 March 2017/],
    ['filed before 27 March 2017', { type: 'ssdi', filingDate: '2016-08-15' }, { rule: 'treating_source_rule', cite: '20 CFR 404.1527', url: 'https://www.ecfr.gov/current/title-20/section-404.1527' }, /controlling weight/],
    ['no filing date: uncertain, the current rule assumed', { type: 'ssdi' }, { rule: 'persuasiveness', certain: false }, /not given .* uncertain; the current rule is assumed/],
    ['an SSI claim cites Part 416', { type: 'ssi', filingDate: '2016-08-15' }, { rule: 'treating_source_rule', cite: '20 CFR 416.927' }, /416\.927\(c\)\(2\)/],
  ] as [string, Claim, object, RegExp][])('%s', async (_n, claim, want, words) => {
    const o = await reviews(HALE, claim);
    expect(o.regulation).toMatchObject(want);
    expect(o.regulation.text).toMatch(words);
    expect(o.reviews[0].controllingWeight === undefined).toBe(o.regulation.rule === 'persuasiveness');
  });
});

describe('controlling weight, for claims filed before 27 March 2017 (20 CFR 404.1527(c)(2))', () => {
  const PRE = { type: 'ssdi', filingDate: '2016-08-15' } as Claim;
  const NP = { '5F - Riverside Clinic.txt': pcp('01/10/2024', `S: Low back pain.\n${EXAM}\nP: Restrictions: no lifting over 10 lb.`, 'Dana Wells, NP') + pcp('03/10/2024', `S: Low back pain.\n${EXAM}\nP: Restrictions: no lifting over 10 lb.`, 'Dana Wells, NP') };
  it.each([
    ['valid: a treating surgeon seen twice, supported and consistent with the examiner', { ...HALE, ...CE_SEDENTARY }, /Hale/, 'qualifies'],
    ['invalid: the same opinion contradicted by the examiner and the state agency', { ...HALE, ...CE_LIGHT, ...DDE }, /Hale/, 'does_not_qualify'],
    ['invalid: a treating doctor with no findings of his own', VOSS_SUBJECTIVE, /Voss/, 'does_not_qualify'],
    ['invalid: a consultative examiner is never a treating source', { ...HALE, ...CE_SEDENTARY }, /Penn/, 'not_a_treating_source'],
    ['invalid: a nurse practitioner is not an acceptable medical source before the revision', NP, /Wells/, 'not_a_treating_source'],
  ] as [string, Record<string, string>, RegExp, string][])('%s', async (_n, files, source, status) => {
    const r = of((await reviews(files, PRE)).reviews, source);
    expect(r.controllingWeight).toMatchObject({ status, ruleId: 'opinion-controlling-weight' });
    expect(r.controllingWeight!.factors.join(' ')).toMatch(/treatment relationship: .*supportability: .*consistency: /);
    expect(r.summary).toMatch({ qualifies: /would qualify for controlling weight/, does_not_qualify: /does not qualify for controlling weight/, not_a_treating_source: /not a treating source/ }[status]!);
  });
  it('the same nurse practitioner is a treating source for a claim filed after the revision (no controlling weight at all)', async () => {
    const r = of((await reviews(NP)).reviews, /Wells/);
    expect(r).toMatchObject({ acceptableSource: true, roleLabel: 'treating source' });
    expect(r.controllingWeight).toBeUndefined();
  });
});

describe('examples/lumbar-ssdi end to end', () => {
  it('the report shows each opinion, supported and consistent, with citations that verify', async () => {
    const dir = path.resolve(import.meta.dirname, '../examples/lumbar-ssdi');
    const c = JSON.parse(await readFile(path.join(dir, 'case.json'), 'utf8'));
    const claim: Claim = { type: c.claim, onset: c.onset, dli: c.dli, dob: c.dob, education: c.education, pastWork: c.past_work, filingDate: c.filing_date };
    const r = await analyzePaths([dir], claim);
    const o = r.analysis.supports!.opinions!;
    expect(expectValidCitations(o, r.documents)).toBeGreaterThan(10);
    expect(o.regulation).toMatchObject({ rule: 'persuasiveness', filingDate: '2024-03-01', certain: true });
    const v = of(o.reviews, /Venkataraman/);
    expect(v.supportability.status).toBe('supported');
    expect(v.summary).toMatch(/^Rajesh Venkataraman, MD's restrictions in treatment notes \(treating source, 07\/2022–11\/2024\): supported by own findings \(.*antalgic gait.*\); consistent with Anita Okafor, MD on lifting and bending/);
    expect(of(o.reviews, /Okafor/).consistency.status).toBe('consistent');
    expect(r.analysis.gaps.map((g) => g.ruleId)).not.toContain('opinion-without-support');

    const md = renderMarkdown(r.analysis);
    const section = md.slice(md.indexOf('### Medical opinions — 20 CFR 404.1520c'), md.indexOf('## Gaps in the record'));
    expect(section).toMatch(/Supportability \(20 CFR 404\.1520c\(c\)\(1\)\): .* \[Ex\. 5F\/\d+ "/);
    expect(section).toMatch(/Consistency \(20 CFR 404\.1520c\(c\)\(2\)\), lifting \(10 lb\) agrees with Anita Okafor, MD .* \[Ex\. 1F\/\d+ "/);
    const html = renderHtml(r.analysis);
    expect(html).toContain('<h3>Medical opinions — <a href="https://www.ecfr.gov/current/title-20/section-404.1520c"');
    expect(html).toMatch(/<ul class="opinions"><li><strong>Anita Okafor, MD&#39;s restrictions/);
  });
});
