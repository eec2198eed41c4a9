/**
 * Long fuzz run of every reader (through the real pipeline) and of the context engine: the properties of
 * test/fuzz-readers.test.ts, with many more inputs. Prints per property: inputs run, failures, refusals, evidence
 * checked, the slowest input's time and the total; the first failure of each property, shrunk to a small input.
 *
 *   npx tsx scripts/fuzz.ts                       10,000 inputs per property (DOCX/XLSX/PDF: about 30 min each on one core)
 *   FUZZ_RUNS=2000 npx tsx scripts/fuzz.ts        2,000 text-like, 60 binary (3%)
 *   FUZZ_RUNS_BINARY=50 FUZZ_SEED=7 FUZZ_ONLY=json,pdf npx tsx scripts/fuzz.ts
 *   FUZZ_OCR=1 also OCRs PDF pages without a text layer (slow); FUZZ_REFUSALS=1 lists the readers' refusal messages;
 *   FUZZ_SLOWEST=1 lists the five slowest inputs of each property. Progress goes to stderr (a line a minute off a terminal).
 *
 * Exit code 1 when any property failed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ALL_PROPERTIES, KNOWN_ISSUES, fuzzRuns, fuzzSeed, summarize, type FuzzStats } from '../test/fuzz/properties.js';

// Temp files of the run live in one folder of their own, removed at the end (like test/global-setup.ts); the
// watchdog's kill on a hang skips that, leaving the hanging input's file where its message says.
const runDir = mkdtempSync(path.join(tmpdir(), 'plateau-fuzz-run-'));
process.env.TMPDIR = runDir;
process.on('exit', () => rmSync(runDir, { recursive: true, force: true }));
process.on('SIGINT', () => process.exit(130));

async function main(): Promise<number> {
  const seed = fuzzSeed();
  const only = process.env.FUZZ_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
  const props = ALL_PROPERTIES.filter((p) => !only?.length || only.includes(p.name));
  const defaults = { text: 10_000, binary: 10_000 };
  console.log(`fuzz: seed ${seed}; ${props.map((p) => `${p.name} ${fuzzRuns(p, defaults)}`).join(', ')}`);
  const done: FuzzStats[] = [];
  const t0 = performance.now();
  for (const p of props) {
    const numRuns = fuzzRuns(p, defaults);
    let last = 0;
    const stats = await p.run({
      numRuns, seed, mode: 'count', shrink: true,
      // A terminal gets one line rewritten twice a second; a log gets a line a minute, so a stopped run still counts.
      onInput: (s) => {
        const tty = process.stderr.isTTY;
        if (performance.now() - last < (tty ? 500 : 60_000)) return;
        last = performance.now();
        const line = `${p.name}: ${s.runs + s.skipped}/${numRuns}, ${s.failures} failing, max ${Math.round(s.maxMs)} ms`;
        process.stderr.write(tty ? `\r${line}   ` : `${line}, ${Math.round((last - t0) / 1000)} s\n`);
      },
    });
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
    console.log(summarize(stats));
    if (stats.firstFailure) {
      console.log(`  first failure (run ${stats.firstFailure.index}): ${stats.firstFailure.message.split('\n').slice(0, 8).join('\n    ')}`);
      console.log(`  input: ${stats.firstFailure.input.slice(0, 2000)}`);
      if (stats.minimal) console.log(`  shrunk: ${stats.minimal}`);
    }
    for (const f of stats.failureList.slice(1)) console.log(`  also failed (run ${f.index}): ${f.message}; input ${f.input}`);
    for (const [kind, k] of stats.known) console.log(`  known ${kind} (${KNOWN_ISSUES[kind]}): ${k.count}×, e.g. ${k.example.slice(0, 300)}`);
    if (process.env.FUZZ_SLOWEST) for (const x of stats.slowestList) console.log(`  slow ${Math.round(x.ms)} ms: ${x.input}`);
    if (process.env.FUZZ_REFUSALS) {
      for (const [m, n] of [...stats.refusals].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  refused ${String(n).padStart(5)}× ${m}`);
    }
    done.push(stats);
  }
  const failed = done.filter((s) => s.failures > 0);
  console.log(`\n${done.reduce((n, s) => n + s.runs, 0)} inputs in ${((performance.now() - t0) / 1000).toFixed(1)} s; `
    + `${failed.length ? `FAILED: ${failed.map((s) => `${s.name} (${s.failures})`).join(', ')}` : 'no failures'} (seed ${seed})`);
  return failed.length ? 1 : 0;
}

main().then((code) => process.exit(code), (err: unknown) => { console.error(err); process.exit(2); });
