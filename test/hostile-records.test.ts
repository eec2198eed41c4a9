/**
 * Inputs that once stalled or fooled a run: a run-on text with no sentence punctuation, a report saved back into
 * the case folder, a link out of the case folder, control characters in a file name, a huge single document.
 */
import { chmod, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzePaths } from '../src/pipeline.js';
import { renderHtml, renderJson, renderMarkdown } from '../src/report/index.js';
import { splitSentences, MAX_SENTENCE } from '../src/segment/sentences.js';
import { printable } from '../src/cli/usage.js';
import { byCodePoint, maxOf, minOf, pushAll } from '../src/util/arrays.js';

const dirs: string[] = [];
afterAll(async () => { await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))); });
async function tempDir(): Promise<string> {
  const d = await mkdtemp(path.join(tmpdir(), 'plateau-hostile-'));
  dirs.push(d);
  return d;
}

const NOTE = 'DATE OF SERVICE: 03/14/2024\nProvider: Anita Okafor, MD\nLow back pain 7/10. Physical therapy twice weekly. Lifting limited to 10 lb.\n';

describe('a run-on text', () => {
  it('is cut into sentences no longer than the cap, covering every word', () => {
    const text = Array.from({ length: 20_000 }, (_, i) => (i % 7 ? 'pain' : 'therapy')).join(' ');
    const spans = splitSentences(text);
    expect(Math.max(...spans.map((s) => s.end - s.start))).toBeLessThanOrEqual(MAX_SENTENCE);
    expect(spans.map((s) => text.slice(s.start, s.end)).join(' ')).toBe(text);
  });
});

describe('what a case folder holds', () => {
  it('a report Plateau wrote into the folder is skipped, so the next run reads the same record', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'note.txt'), NOTE);
    const first = await analyzePaths([dir], { type: 'ssdi' });
    await writeFile(path.join(dir, 'report.html'), renderHtml(first.analysis));
    await writeFile(path.join(dir, 'report.json'), renderJson(first.analysis));
    await writeFile(path.join(dir, 'report.md'), renderMarkdown(first.analysis));
    const again = await analyzePaths([dir], { type: 'ssdi' });
    expect(again.analysis.facts.length).toBe(first.analysis.facts.length);
    expect(again.failures.map((f) => f.error)).toEqual(Array(3).fill('a Plateau report, not a record: skipped'));
  });
  it('a link that leads out of the case folder is not followed; one inside it is', async () => {
    const outside = await tempDir();
    const dir = await tempDir();
    await writeFile(path.join(outside, 'secret.txt'), NOTE);
    await writeFile(path.join(dir, 'note.txt'), NOTE);
    await symlink(path.join(outside, 'secret.txt'), path.join(dir, 'escape.txt'));
    await symlink(path.join(dir, 'note.txt'), path.join(dir, 'alias.txt'));
    const run = await analyzePaths([dir], { type: 'ssdi' });
    expect(run.failures).toEqual([{ file: 'escape.txt', error: 'a link that leads outside the case folder: skipped' }]);
    expect(run.documents.map((d) => d.file).sort(byCodePoint)).toEqual(['alias.txt', 'note.txt']);
  });
});

describe('small guards', () => {
  it('a file name with escape sequences prints inert', () => {
    expect(printable('evil\u001b[2Jname\u0007.txt')).toBe('evil\\x1b[2Jname\\x07.txt');
  });
  it('arrays of any length', () => {
    const big = Array.from({ length: 300_000 }, (_, i) => i);
    expect(pushAll([], big)).toHaveLength(300_000);
    expect([minOf(big), maxOf(big)]).toEqual([0, 299_999]);
  });
  it('file order does not depend on the locale', () => {
    expect(['b.txt', 'B.txt', 'a.txt', 'Ä.txt'].sort(byCodePoint)).toEqual(['B.txt', 'a.txt', 'b.txt', 'Ä.txt']);
  });
  it('the HTML report allows only its own script', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'note.txt'), NOTE);
    const html = renderHtml((await analyzePaths([dir], { type: 'ssdi' })).analysis);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+'/);
  });
});

describe('the CLI', () => {
  it('writes the report readable by its owner only', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'note.txt'), NOTE);
    const out = path.join(await tempDir(), 'report.md');
    await writeFile(out, 'old');
    await chmod(out, 0o644);
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    await promisify(execFile)(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, '../src/cli/main.ts'), 'analyze', dir, '--out', out, '--quiet']);
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    expect(await readFile(out, 'utf8')).toContain('Plateau record review');
  }, 60_000);
});

describe('a report written into the case folder', () => {
  it('is warned about, and skipped on the next run', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'note.txt'), NOTE);
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const cli = [process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, '../src/cli/main.ts'), 'analyze', dir, '--out', path.join(dir, 'report.html')]] as const;
    const first = await promisify(execFile)(cli[0], [...cli[1]]);
    expect(first.stderr).toMatch(/warning: the report goes inside the case folder/);
    const again = await promisify(execFile)(cli[0], [...cli[1]]).catch((e: { stderr: string }) => e);
    expect(again.stderr).toMatch(/report\.html: a Plateau report, not a record: skipped/);
  }, 60_000);
});

describe('blank scanned pages', () => {
  const pgm = (w: number, h: number, fill: (i: number) => number) => {
    const head = Buffer.from(`P5\n${w} ${h}\n255\n`, 'latin1');
    const px = Buffer.alloc(w * h);
    for (let i = 0; i < px.length; i++) px[i] = fill(i);
    return Buffer.concat([head, px]);
  };
  it('a white sheet with scanner dust is blank; a line of text is not', async () => {
    const { isBlankPgm } = await import('../src/ingest/ocr.js');
    expect(isBlankPgm(pgm(170, 220, (i) => (i % 9973 === 0 ? 90 : 250)), 200)).toBe(true);
    expect(isBlankPgm(pgm(170, 220, (i) => (Math.floor(i / 170) === 40 && i % 170 > 20 && i % 170 < 150 ? 120 : 250)), 200)).toBe(false);
  });
});

describe('decompression bombs', () => {
  it('a DOCX whose XML would expand hundreds of times is refused before parsing; the case goes on', async () => {
    const { Document, Packer, Paragraph } = await import('docx');
    const dir = await tempDir();
    await writeFile(path.join(dir, 'note.txt'), NOTE);
    // Built as a real DOCX, then its document part padded with 60 MB of spaces (deflates to ~60 KB).
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Low back pain.')] }] })));
    const xml = await zip.file('word/document.xml')!.async('string');
    zip.file('word/document.xml', xml.replace('Low back pain.', `Low back pain.${' '.repeat(60 * 1024 * 1024)}`));
    await writeFile(path.join(dir, 'bomb.docx'), await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const run = await analyzePaths([dir], { type: 'ssdi' });
    expect(run.failures).toEqual([{ file: 'bomb.docx', error: expect.stringMatching(/decompression bomb/) }]);
    expect(run.analysis.facts.length).toBeGreaterThan(0);
  }, 60_000);
});

describe('a document past the fact budget', () => {
  it('is read up to the budget with a warning, and the case still gets its report', async () => {
    const { MAX_FACTS_PER_DOCUMENT } = await import('../src/extract/index.js');
    const dir = await tempDir();
    // About 8 facts per repetition: enough repetitions to pass the budget.
    const line = 'Low back pain 7/10. Physical therapy twice weekly. Lifting limited to 10 lb. Gabapentin 300 mg TID. ';
    await writeFile(path.join(dir, 'huge.txt'), `DATE OF SERVICE: 03/14/2024\n${line.repeat(Math.ceil(MAX_FACTS_PER_DOCUMENT / 3))}`);
    const run = await analyzePaths([dir], { type: 'ssdi' });
    expect(run.analysis.facts.length).toBeLessThanOrEqual(MAX_FACTS_PER_DOCUMENT + 20);
    expect(run.analysis.documents[0].warnings.join(' ')).toMatch(/fact budget reached/);
    expect(run.failures).toEqual([]);
  }, 120_000);
});
