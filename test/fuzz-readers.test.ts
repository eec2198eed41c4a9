/**
 * Property-based fuzzing of every reader through the real pipeline, and of the context engine (properties and
 * invariants: test/fuzz/properties.ts). A small fixed-seed sample runs in CI; `npx tsx scripts/fuzz.ts` runs the
 * same properties for longer. FUZZ_RUNS / FUZZ_RUNS_BINARY / FUZZ_SEED change the sample (a failure prints its seed).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileDocuments } from '../src/ingest/index.js';
import { analyzeCase } from '../src/analyze/index.js';
import { analyzePaths } from '../src/pipeline.js';
import {
  ALL_PROPERTIES, KNOWN_ISSUES, citationIssues, fuzzRuns, fuzzSeed, summarize, type FuzzProperty,
} from './fuzz/properties.js';

const DEFAULTS = { text: 40, binary: 8 };

let dir: string;
beforeAll(async () => { dir = await mkdtemp(path.join(tmpdir(), 'plateau-fuzz-known-')); });
afterAll(async () => { if (dir) await rm(dir, { recursive: true, force: true }); });

async function runFuzz(p: FuzzProperty): Promise<void> {
  const numRuns = fuzzRuns(p, DEFAULTS);
  const stats = await p.run({ numRuns, seed: fuzzSeed(), mode: 'assert' });
  if (process.env.FUZZ_VERBOSE) console.log(summarize(stats));
  expect(stats.failures).toBe(0);
  expect(stats.runs + stats.skipped).toBeGreaterThanOrEqual(numRuns);
  // A sample that the generator mostly failed to build would test nothing.
  expect(stats.skipped).toBeLessThan(Math.max(2, numRuns / 2));
}

/**
 * The smallest inputs found for known issues (KNOWN_ISSUES in test/fuzz/properties.ts). Remove `.fails` once fixed.
 * They run first: the timing checks are steadier in a fresh process than after the fuzz samples.
 */
describe('fuzz: issues found by fuzzing, now fixed (smallest inputs)', () => {
  // FUZZ-1 and FUZZ-3 broke the citation invariant (a new one would go in KNOWN_ISSUES with an `it.fails` test here
  // until fixed); FUZZ-2, FUZZ-4 and FUZZ-5 were quadratic times.
  it('no issue is tolerated any more', () => {
    expect(Object.keys(KNOWN_ISSUES)).toEqual([]);
  });

  async function issuesOf(name: string, content: string) {
    const file = path.join(dir, name);
    await writeFile(file, content);
    const run = await analyzePaths([file], { type: 'general' });
    expect(run.failures).toEqual([]);
    return citationIssues(run);
  }

  // FUZZ-1 (sentence evidence, src/segment/sentences.ts + src/extract): sentences are cut without regard to page
  // boundaries, so a sentence that runs across one is quoted whole and cited on its first page; the quote ends on
  // the next page. Smallest input: the 9-byte text file "ODI\f32%." (page 1 is [0, 3), the outcome-measure quote
  // is [0, 8)). The common real case: a PDF whose footer "Page 1 of 2" has no full stop runs into the first line of
  // the next page (pages are joined by a form feed), so that line's facts quote the footer and cite page 1.
  // verifyCitations does not see it: it checks only that the quote starts on its page.
  it('FUZZ-1: a quote stays within its page when a form feed falls inside a sentence', async () => {
    expect(await issuesOf('ff-in-sentence.txt', 'ODI\f32%.')).toEqual([]);
  });
  it('FUZZ-1: a quote stays within its page when a footer runs into the next page', async () => {
    expect(await issuesOf('footer.txt', 'Pain 7/10.\nPage 1 of 2\fS: Pt reports 60% relief for about 5 weeks after the injection.\nPage 2 of 2')).toEqual([]);
  });

  // FUZZ-6 (src/segment/providers.ts via src/knowledge/evidence.ts evidenceAt): a provider line at the foot of a page
  // ("Kathryn Moss, MD - Orthopedic Surgery") followed by a fax banner on the next ("P.000/000") is matched across
  // the form feed, and the visit's evidence quoted both pages. Found by the PDF property at 10,000-run scale (seed
  // 20240611, FUZZ_RUNS_BINARY=100). Evidence is now cut at the end of the page it starts on.
  it('FUZZ-6: a provider named at the foot of a page is quoted without the next page', async () => {
    expect(await issuesOf('name-above-banner.txt', 'Kathryn Moss, MD - Orthopedic Surgery\fP.000/000')).toEqual([]);
  });

  // FUZZ-9 (src/ingest/index.ts, found by the CSV property at 10,000 runs, seed 20240611, right after FUZZ-7's fix): a
  // CR inside a quoted ledger cell was made a line break after the ledger reader had quoted its row, so the row's
  // citation no longer matched the text. A ledger's text is now left as read.
  it('FUZZ-9: a ledger row with a CR inside a quoted cell is quoted exactly', async () => {
    const csv = 'Write-off,Date of Service,Provider,Rendering Provider,Code\n"$1,234.50",1990-01-01,"\r",Dr. Roe,97161\n';
    expect(await issuesOf('billing.csv', csv)).toEqual([]);
  });

  // FUZZ-2 (src/ingest/json-spans.ts parseJsonSpans, str()): each escape inside a string searches for the closing
  // quote again, from the escape, with indexOf: a string of n escapes costs O(n²). One string of "\n" escapes:
  // 200,000 escapes (0.4 MB file) 0.35 s, 800,000 (1.6 MB) 6.7 s, 1,600,000 (3.2 MB) 48 s, where a linear parse
  // takes milliseconds; FHIR JSON is parsed on the main thread (not in the isolated worker), so this blocks the
  // process, and MAX_TEXT_BYTES lets 50 MB through. Checked as: 4× the escapes must not take ~16× the time.
  it('FUZZ-2: reading a JSON string of n escapes takes time linear in n', async () => {
    const timeFor = async (n: number) => {
      const file = path.join(dir, `escapes-${n}.json`);
      await writeFile(file, `{"resourceType":"Bundle","type":"collection","entry":[],"x":"${'\\n'.repeat(n)}"}`);
      const t0 = performance.now();
      await readFileDocuments('d1', path.basename(file), file);
      return performance.now() - t0;
    };
    await timeFor(10_000); // warm-up
    const t1 = await timeFor(125_000);
    const t2 = await timeFor(500_000);
    expect(t2 < 300 || t2 / t1 < 8, `125,000 escapes: ${Math.round(t1)} ms; 500,000: ${Math.round(t2)} ms`).toBe(true);
  }, 120_000);

  // FUZZ-3 (src/ingest/fhir.ts addAttachment): each text attachment becomes a document named `${file}#${ref}`, so
  // the two renditions of one DocumentReference (content[0] text/plain, content[1] text/html, or two notes), the
  // presentedForm[] of one DiagnosticReport, or attachments of resources without an id ("DocumentReference/?")
  // get the same file name. Evidence names its document only by file: a citation into the second attachment is
  // checked against (or shown from) the first, so quote !== text at its offsets.
  it('FUZZ-3: the attachments of one FHIR resource are documents with distinct names', async () => {
    const b64 = (t: string) => Buffer.from(t).toString('base64');
    const json = JSON.stringify({ resourceType: 'DocumentReference', content: [
      { attachment: { contentType: 'text/plain', data: b64('Pain 7/10.') } },
      { attachment: { contentType: 'text/plain', data: b64('ODI 32%.') } },
    ] });
    expect(await issuesOf('d.json', json)).toEqual([]);
  });

  // FUZZ-4 (src/segment): a long run of spaces or tabs takes quadratic time in the segmenters' regular expressions,
  // each of which tries, at every position of the run, an alternative that scans the rest of it:
  // sections.ts RUN_IN_HEADING (lookbehind `(?<=^|[.!?,;:)]\s*|…)`), sentences.ts INLINE_HEADING (`\s{2,}|\n\s*`),
  // providers.ts INVERTED (`(?:^|[ \t]{2,})`) and encounters.ts's date-of-service header (`[ \t]{2,}|\|[ \t]*`).
  // "x\n" followed by 20,000 spaces: 1.4 s; 40,000: 4.7 s; 80,000: 13.5 s; the fuzzer's 173,000 tabs (a 346 KB
  // UTF-16 text file) ran past 90 s on the main thread. Checked as: 4× the run must not take ~16× the time.
  it('FUZZ-4: analysing a line of n spaces takes time linear in n', async () => {
    const timeFor = async (n: number) => {
      const file = path.join(dir, `spaces-${n}.txt`);
      await writeFile(file, `x\n${' '.repeat(n)}`);
      const t0 = performance.now();
      await analyzePaths([file], { type: 'general' });
      return performance.now() - t0;
    };
    await timeFor(100); // warm-up (lexicons)
    const t1 = await timeFor(7_500);
    const t2 = await timeFor(30_000);
    expect(t2 < 300 || t2 / t1 < 8, `7,500 spaces: ${Math.round(t1)} ms; 30,000: ${Math.round(t2)} ms`).toBe(true);
  }, 120_000);

  /** The whole pipeline on `text(n)`: 4× the blanks must not take ~16× the time. */
  async function expectLinearInBlanks(name: string, text: (n: number) => string) {
    const timeFor = async (n: number) => {
      const file = path.join(dir, `${name}-${n}.txt`);
      await writeFile(file, text(n));
      const t0 = performance.now();
      await analyzePaths([file], { type: 'general' });
      return performance.now() - t0;
    };
    await timeFor(100);
    const t1 = await timeFor(7_500);
    const t2 = await timeFor(30_000);
    expect(t2 < 300 || t2 / t1 < 8, `7,500 blanks: ${Math.round(t1)} ms; 30,000: ${Math.round(t2)} ms`).toBe(true);
  }

  // FUZZ-7 (src/segment/encounters.ts TITLE_HEADER, src/segment/providers.ts HEADING_AUTHOR; found by the text property
  // at 10,000 runs, seed 20240611, run 4436): a long blank run after a few capitals ("Th" + spaces) or after a dated
  // line ("Date of Service: 13/45/2023 Th" + spaces) was split every possible way between the runs of blanks side by
  // side in a header pattern: 8,000 spaces 8 s, the fuzzer's 170,000 (after a U+2028 line separator, which "$" takes
  // for a line end and "[^\n]" does not) past the 300 s watchdog. Line and paragraph separators and CRs are now line
  // breaks; each run of blanks follows a mark of its own. Checked as: 4× the run must not take ~16× the time.
  it.each([
    ['after a capitalised word on a line of its own', (n: number) => `Date of Service: 13/45/2023\u2028Th${' '.repeat(n)}\nEXAM: SLR positive.`],
    ['after a dated line', (n: number) => `Date of Service: 13/45/2023 Th${' '.repeat(n)}\nEXAM: SLR positive.`],
  ])('FUZZ-7: a long blank run %s takes time linear in its length', async (_name, text) => {
    await expectLinearInBlanks('blank-run', text);
  }, 120_000);

  // FUZZ-8 (src/segment/encounters.ts EXAM_FIELD_DATE; text property at 10,000 runs, seed 20240611, run 7498): an
  // "EXAM:" line, a form feed and a long blank line. The exam-line pattern's continuation line, its lazy rest and the
  // blanks before "Date:" shared the blanks every possible way, cubic in their number: 2,000 blanks 2.3 s, 4,000 16 s,
  // 8,000 129 s (the fuzzer's 97,658 past the watchdog). The continuation now starts with a non-blank and the blanks
  // before "Date:" follow one. Checked as: 4× the run must not take ~16× the time.
  it('FUZZ-8: a long blank line after an "EXAM:" line takes time linear in its length', async () => {
    await expectLinearInBlanks('exam-blank', (n) => `EXAM: SLR positive on the left at 40 degrees.\f\n${' '.repeat(n)}`);
  }, 120_000);

  // FUZZ-5 (src/analyze/gaps/rules/conflicting-opinions-unrebutted.ts check()): for every MMI statement it scans all
  // MMI statements (`[...notAt, ...finals].find(...)` inside `for (const a of finals)`), calling role() (regular
  // expressions over the encounter's title and file name) on each pair: O(n²) in MMI statements when no pair
  // conflicts. analyzeCase on a note of n × "Patient is at MMI. ": 1,000 → 35 ms, 4,000 → 2.0 s; the whole pipeline
  // on a text file of n × "MMI ": 10,000 (39 KB) 9.9 s, 20,000 (78 KB) 47 s (the fuzzer's inputs of this shape ran
  // 40 s to 178 s). Checked as: 4× the statements must not take ~16× the time.
  it('FUZZ-5: the gap rules take time linear in the number of MMI statements', async () => {
    const timeFor = async (n: number) => {
      const file = path.join(dir, `mmi-${n}.txt`);
      await writeFile(file, 'Patient is at MMI. '.repeat(n));
      const { input } = await analyzePaths([file], { type: 'general' });
      const t0 = performance.now();
      analyzeCase(input);
      return performance.now() - t0;
    };
    await timeFor(10); // warm-up
    const t1 = await timeFor(1_000);
    const t2 = await timeFor(4_000);
    expect(t2 < 300 || t2 / t1 < 8, `1,000 MMI statements: ${Math.round(t1)} ms; 4,000: ${Math.round(t2)} ms`).toBe(true);
  }, 120_000);
});

describe('fuzz: readers through the pipeline, and the context engine', () => {
  for (const p of ALL_PROPERTIES) {
    // Each input has its own budget inside the property; this only bounds the whole sample.
    it(`${p.name}: no crash, no hang, every quote is the text at its offsets on its page`, () => runFuzz(p), 600_000);
  }
});
