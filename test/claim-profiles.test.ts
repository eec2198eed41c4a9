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
    for (const s of ['CA', 'TX', 'NY', 'FL', 'PA', 'WA', 'OR', 'IL', 'OH', 'IN']) {
      expect(wcStates()).toContain(s);
      expect(wcStateRule(s).rule.source.length).toBeGreaterThan(5);
    }
  });
  it.each([
    ['TX', 'designated_doctor', 104],
    ['CA', 'treating_physician', undefined],
    ['pa', 'treating_physician', undefined],
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
});
