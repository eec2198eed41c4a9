/**
 * Claim profiles as data: the workers' comp state table, and "What this record supports" per claim type —
 * each item cited, or saying what would complete it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzePaths } from '../src/pipeline.js';
import { wcStateRule, wcStates } from '../src/profiles/wc-states.js';
import { renderHtml, renderMarkdown } from '../src/report/index.js';
import type { Claim } from '../src/model/index.js';

const dirs: string[] = [];
afterAll(async () => { await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))); });
async function analyze(files: Record<string, string>, claim: Claim) {
  const dir = await mkdtemp(path.join(tmpdir(), 'plateau-profiles-'));
  dirs.push(dir);
  for (const [n, t] of Object.entries(files)) await writeFile(path.join(dir, n), t);
  return (await analyzePaths([dir], claim)).analysis;
}

const visit = (date: string, body: string) => `VALLEY ORTHOPAEDICS\nDATE OF SERVICE: ${date}\nProvider: Lena Ortiz, MD (orthopedic surgery)\n${body}\n\n`;
const RATED = visit('01/22/2024', 'Right shoulder pain 3/10. He has reached maximum medical improvement. Impairment rating 4% whole person per AMA Guides 5th edition, shoulder. Permanent restrictions: no lifting over 20 lb, no overhead work. Future medical care: 2 orthopedic visits per year. Return to modified duty.');

describe('the workers\' comp state table', () => {
  it('every state in the dev cases has its own entry, with a source', () => {
    for (const s of ['CA', 'TX', 'NY', 'FL', 'PA', 'WA', 'OR', 'IL', 'OH', 'IN', 'VT', 'AK']) {
      expect(wcStates()).toContain(s);
      expect(wcStateRule(s).rule.source.length).toBeGreaterThan(5);
    }
  });
  it.each([
    ['TX', 'designated_doctor', 104],
    ['CA', 'treating_physician', undefined],
    ['pa', 'treating_physician', undefined],
    ['KY', 'designated_doctor', undefined],
    ['MA', 'designated_doctor', undefined],
  ])('%s: governing %s, statutory MMI weeks %s', (state, governing, weeks) => {
    const { rule, known } = wcStateRule(state);
    expect(known).toBe(true);
    expect(rule.governing).toBe(governing);
    expect(rule.statutoryMmiWeeks).toBe(weeks);
  });
  it('an unknown or missing state falls back to the general rules and says so', () => {
    expect(wcStateRule('ZZ')).toMatchObject({ known: false, state: 'ZZ' });
    expect(wcStateRule(undefined).known).toBe(false);
  });
});

describe('what this record supports', () => {
  it('workers\' comp (California): certification, temporary disability end, the rating part by part with apportionment missing', async () => {
    const a = await analyze({ 'ortho.txt': visit('09/05/2023', 'Right shoulder pain 6/10. PT twice weekly.') + RATED }, { type: 'workers_comp', onset: '2023-04-18', state: 'CA' });
    const s = a.supports!;
    expect(s.title).toMatch(/California/);
    const byId = Object.fromEntries(s.items.map((i) => [i.id, i]));
    expect(byId['mmi-certification']).toMatchObject({ status: 'supported' });
    expect(byId['mmi-certification'].text).toMatch(/PR-4/);
    expect(byId['temporary-disability-end'].text).toMatch(/2024-01-22/);
    expect(byId['impairment-rating'].status).toBe('partly');
    expect(byId['impairment-rating'].missing).toContain('apportionment (required in this state)');
    const r = s.impairmentRatings!.at(-1)!;
    expect(r).toMatchObject({ wholePersonPercent: 4, date: '2024-01-22' });
    expect(r.permanentRestrictions.length).toBeGreaterThan(0);
    for (const i of s.items) if (i.status === 'supported' || i.status === 'partly') expect(i.evidence.length).toBeGreaterThan(0);
  });

  it('workers\' comp (Texas): statutory MMI 104 weeks after benefits accrue', async () => {
    const a = await analyze({ 'ortho.txt': visit('09/05/2023', 'Low back pain 6/10. Physical therapy twice weekly.') }, { type: 'workers_comp', onset: '2023-03-14', state: 'TX' });
    const statutory = a.supports!.items.find((i) => i.id === 'statutory-mmi')!;
    expect(statutory.text).toMatch(/About 2025-03-18/);
    expect(a.supports!.items.find((i) => i.id === 'mmi-certification')!.status).toBe('missing');
  });

  it('personal injury: no ledger and no baseline are named as missing; the report renders the section', async () => {
    const a = await analyze({ 'ortho.txt': visit('09/05/2023', 'Neck pain 6/10 after the collision. Physical therapy twice weekly.') + RATED }, { type: 'personal_injury', onset: '2023-08-01' });
    const byId = Object.fromEntries(a.supports!.items.map((i) => [i.id, i]));
    expect(byId['pre-incident'].status).toBe('missing');
    expect(byId['medical-specials'].status).toBe('missing');
    expect(byId.permanency.status).toBe('supported');
    expect(renderHtml(a)).toContain('What this record supports — Personal injury');
    expect(renderMarkdown(a)).toContain('## What this record supports — Personal injury');
  });

  it('SSDI, 52 at the date last insured, limited to standing/walking about 2 hours: sedentary, rule 201.09 directs disabled, listings checked', async () => {
    const mss = (date: string) => visit(date, 'Lumbar radiculopathy with L5 nerve root compression on MRI. Positive straight leg raise on the left. Medical source statement: She can lift and carry 10 lb occasionally and less than 10 lb frequently. She can stand and walk about 2 hours total in an 8-hour workday. She can sit about 6 hours.');
    const a = await analyze({ 'ortho.txt': mss('03/14/2024') + mss('06/20/2024') }, {
      type: 'ssdi', onset: '2023-01-10', dli: '2024-12-31', dob: '1972-05-04', education: '11th grade', pastWork: 'unskilled warehouse laborer',
    });
    const byId = Object.fromEntries(a.supports!.items.map((i) => [i.id, i]));
    expect(byId.age.text).toMatch(/^52 \(closely approaching advanced \(50-54\)\) at the date last insured 2024-12-31/);
    expect(byId.rfc.text).toMatch(/^sedentary/);
    expect(byId.rfc.evidence.length).toBeGreaterThan(0);
    expect(byId.grid.text).toMatch(/Rule 201\.09 \(Table 1\): directs disabled/);
    expect(byId['listing-1.15']).toBeDefined();
    expect(byId['listing-1.16']).toBeDefined();
    expect(a.supports!.vocational).toMatchObject({ education: 'limited', work: 'unskilled' });
  });

  it('SSDI without the case details says what is missing instead of guessing', async () => {
    const a = await analyze({ 'ortho.txt': visit('03/14/2024', 'Low back pain. She can stand and walk about 2 hours total in an 8-hour workday. Lift 10 lb occasionally.') }, { type: 'ssdi', onset: '2023-01-10', dli: '2024-12-31' });
    const byId = Object.fromEntries(a.supports!.items.map((i) => [i.id, i]));
    expect(byId.age.status).toBe('missing');
    expect(byId.grid.status).toBe('missing');
    expect(byId['case-details'].missing).toEqual(expect.arrayContaining(["the claimant's date of birth (case details)"]));
  });
});
