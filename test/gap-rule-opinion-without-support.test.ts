/**
 * opinion-without-support, ESLint RuleTester style: a treating source whose limits have no abnormal finding in its own
 * records is asked for them, in a letter quoting its words; supported treating opinions, examiners' and reviewers'
 * opinions (no one to ask), therapists' limits (their physician is asked) and mental opinions (their support is not
 * extracted) add no question.
 */
import { describe, expect, it } from 'vitest';
import type { Claim } from '../src/model/index.js';
import { renderLetters } from '../src/report/index.js';
import { rule } from '../src/analyze/gaps/rules/opinion-without-support.js';
import { CE_LIGHT, DDE, HALE, IMAGING, PSYCHOLOGY, THERAPIST, VOSS_NORMAL, VOSS_SUBJECTIVE, analyzeNotes } from './fixtures/opinion-notes.js';

const CLAIM: Claim = { type: 'ssdi', filingDate: '2023-11-01' };
const ED_RESTRICTION = { '3F - Mercy Emergency Department.txt': 'MERCY HOSPITAL EMERGENCY DEPARTMENT\nED Physician: Ana Ruiz, MD (emergency medicine)\nPatient: Jane Roe   DOB 04/22/1970\nArrival: 02/02/2024 21:14\n\nHPI: low back pain after lifting a box.\nDisposition: home. Work note: no lifting over 10 lb for 3 days.\n' };
const gapsOf = async (files: Record<string, string>, claim = CLAIM) => {
  const a = await analyzeNotes(files, claim);
  return { a, gaps: a.gaps.filter((g) => g.ruleId === rule.meta.id) };
};

describe('opinion-without-support', () => {
  it.each([
    ['a treating surgeon\'s limits with her own abnormal exam', HALE],
    ['an examiner who found only normal signs, and a state-agency consultant who examined nothing', { ...HALE, ...CE_LIGHT, ...DDE }],
    ['a psychologist\'s time-off-task opinion', PSYCHOLOGY],
    ['a physical therapist\'s limit (the physician is asked to adopt it instead)', { ...THERAPIST, ...IMAGING }],
    ['an emergency physician\'s discharge restriction (nobody there can answer for function)', { ...HALE, ...ED_RESTRICTION }],
  ])('valid: %s', async (_n, files) => {
    const { a, gaps } = await gapsOf(files);
    expect(a.supports!.opinions!.reviews.length).toBeGreaterThan(0);
    expect(gaps).toEqual([]);
  });

  it.each([
    ['restrictions with no exam, the MRI being the radiologist\'s', { ...VOSS_SUBJECTIVE, ...IMAGING }, CLAIM, /no abnormal objective finding .* own records\.$/],
    ['restrictions beside a normal exam, with an MRI showing a herniation', { ...VOSS_NORMAL, ...IMAGING }, CLAIM, /which record only normal findings\.$/],
    ['the same before 27 March 2017', { ...VOSS_SUBJECTIVE, ...IMAGING }, { type: 'ssi', filingDate: '2016-05-01' } as Claim, /own records\.$/],
  ] as [string, Record<string, string>, Claim, RegExp][])('invalid: %s → the letter to its author asks for the findings, quoting the limits', async (_n, files, claim, why) => {
    const { a, gaps } = await gapsOf(files, claim);
    expect(gaps).toHaveLength(1);
    expect(gaps[0].request.to).toMatch(/^Karl Voss, MD/);
    expect(gaps[0].why).toMatch(why);
    expect(gaps[0].request.ask).toMatch(/^Your notes limit the patient's lifting \("(?:Restrictions: )?no lifting over 10 lb\.?"/);
    expect(gaps[0].evidence.length).toBeGreaterThan(0);
    const letter = renderLetters(a).find((l) => /Voss/.test(l.to))!;
    expect(letter.body).toMatch(/Please state the examination findings, imaging or test results that support each of these limits/);
  });

  it('invalid, with no abnormal finding anywhere in the record: one request with limitation-without-objective-finding', async () => {
    const { a, gaps } = await gapsOf(VOSS_SUBJECTIVE);
    expect(gaps).toEqual([]);
    const merged = a.gaps.filter((g) => /^Karl Voss/.test(g.request.to) && /Your notes limit the patient's lifting/.test(g.request.ask));
    expect(merged.map((g) => g.ruleId)).toEqual(['limitation-without-objective-finding']);
  });

  it('is an SSA rule citing supportability, with the treating-source rule for older claims', () => {
    expect(rule.meta.profiles).toEqual(['ssdi', 'ssi']);
    expect(rule.meta.authority.cite).toMatch(/404\.1520c\(c\)\(1\).*404\.1527\(c\)\(2\)/);
  });
});
