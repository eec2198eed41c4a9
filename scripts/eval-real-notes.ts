import path from 'node:path';
import { evaluateRealNotes, formatRealNotes } from '../src/eval/real-notes.js';

/**
 * Prints the real-notes benchmark (hand-annotated MTSamples notes). `--json` for machine output;
 * `--gold DIR` scores another gold set (default: the first set, test/fixtures/mtsamples-gold).
 */
const root = path.resolve(import.meta.dirname, '..');
const goldAt = process.argv.indexOf('--gold');
const goldArg = goldAt >= 0 ? process.argv[goldAt + 1] : undefined;
if (goldAt >= 0 && !goldArg) throw new Error('--gold needs a directory');
const goldDir = goldArg ? path.resolve(process.cwd(), goldArg) : path.join(root, 'test/fixtures/mtsamples-gold');
const score = await evaluateRealNotes(goldDir, path.resolve(root, '../shared/data/mtsamples-dev'));
console.log(process.argv.includes('--json') ? JSON.stringify(score, null, 2) : formatRealNotes(score));
