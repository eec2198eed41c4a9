/** Per-case limits on pages, OCR pages and time: what is refused, what is said, and that the rest is still analysed. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseBudget, DEFAULT_CASE_LIMITS } from '../src/ingest/budget.js';
import { readCase } from '../src/ingest/index.js';
import { analyzePaths } from '../src/pipeline.js';
import { caseLimitsFrom } from '../src/cli/case-limits.js';
import { PAIN_VISIT, PT_VISIT, ORTHO_VISIT } from './fixtures/records.js';

const limits = (over: Partial<typeof DEFAULT_CASE_LIMITS>) => ({ ...DEFAULT_CASE_LIMITS, ...over });

describe('CaseBudget', () => {
  it.each([
    { max: 10, claims: [4, 6], refused: [] as number[] },
    { max: 10, claims: [4, 7, 6], refused: [7] },
    { max: 3, claims: [4, 1, 2], refused: [4] },
  ])('pages: limit $max, claims $claims → refused $refused (a refused claim takes nothing)', ({ max, claims, refused }) => {
    const b = new CaseBudget(limits({ maxPages: max }));
    expect(claims.filter((n) => b.takePages(n) !== undefined)).toEqual(refused);
  });

  it('names the limit and what was already read when a file does not fit', () => {
    const b = new CaseBudget(limits({ maxPages: 1000 }));
    b.takePages(990);
    expect(b.takePages(25)).toBe("not read: its 25 pages would pass the case's page limit (1,000 pages; 990 already read); split the case or raise the limit");
  });

  it('grants OCR pages up to the limit, then none, and says the OCR limit stopped them', () => {
    const b = new CaseBudget(limits({ maxOcrPages: 5 }));
    expect([b.takeOcr(3), b.takeOcr(4), b.takeOcr(2)]).toEqual([3, 2, 0]);
    expect(b.ocrRefused()).toBe("the case's OCR limit (5 pages) is spent");
  });

  it('stops new files and new OCR pages once the time is up, and says so', () => {
    let t = 0;
    const b = new CaseBudget(limits({ maxSeconds: 600 }), () => t);
    expect(b.timeUp()).toBeUndefined();
    expect(b.ocrTimeLeft()).toBe(true);
    t = 600_000;
    expect(b.timeUp()).toBe("not read: the case's time limit (10 min) ran out before this file; the analysis covers the files read before it");
    expect(b.ocrTimeLeft()).toBe(false);
    expect(b.takeOcr(4)).toBe(0);
    expect(b.ocrRefused()).toBe("the case's time limit (10 min) ran out");
  });
});

describe('a case past its limits', () => {
  async function caseFolder(): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'plateau-limits-'));
    await writeFile(path.join(dir, '1-pain.txt'), [PAIN_VISIT, PAIN_VISIT].join('\f'));
    await writeFile(path.join(dir, '2-pt.txt'), [PT_VISIT, PT_VISIT, PT_VISIT].join('\f'));
    await writeFile(path.join(dir, '3-ortho.txt'), ORTHO_VISIT);
    return dir;
  }

  it('analyses the files within the page limit and lists the one past it as not read', async () => {
    const run = await analyzePaths([await caseFolder()], { type: 'ssdi' }, { read: { limits: { maxPages: 3 }, concurrency: 1 } });
    const status = Object.fromEntries(run.analysis.documents.map((d) => [d.file, d.status === 'ok' ? 'ok' : d.error]));
    expect(status).toEqual({
      '1-pain.txt': 'ok',
      '2-pt.txt': "not read: its 3 pages would pass the case's page limit (3 pages; 2 already read); split the case or raise the limit",
      '3-ortho.txt': 'ok',
    });
    expect(run.analysis.facts.length).toBeGreaterThan(0);
    expect(run.analysis.facts.every((f) => f.evidence.every((e) => e.file !== '2-pt.txt'))).toBe(true);
  });

  it('reads no file once the time limit has run out, and every file says why', async () => {
    const { documents, failures } = await readCase([await caseFolder()], { limits: { maxSeconds: 0 } });
    expect(documents).toEqual([]);
    expect(failures.map((f) => f.error)).toEqual(Array(3).fill("not read: the case's time limit (0 s) ran out before this file; the analysis covers the files read before it"));
  });
});

describe('the command-line flags', () => {
  it.each([
    [{ maxPages: '200', timeLimit: '90' }, { maxPages: 200, maxSeconds: 90 }],
    [{ maxOcrPages: '12' }, { maxOcrPages: 12 }],
    [{}, {}],
  ])('%o → %o', (flags, expected) => expect(caseLimitsFrom(flags)).toEqual(expected));

  it.each([['maxPages', '0'], ['maxOcrPages', '-3'], ['timeLimit', '1.5'], ['maxPages', 'lots']])('refuses %s=%s', (k, v) => {
    expect(() => caseLimitsFrom({ [k]: v })).toThrow(/must be a whole number of at least 1/);
  });
});
