import path from 'node:path';
import { evaluateRealNotes, formatRealNotes } from '../src/eval/real-notes.js';

/** Prints the real-notes benchmark (hand-annotated MTSamples notes). `--json` for machine output. */
const root = path.resolve(import.meta.dirname, '..');
const score = await evaluateRealNotes(path.join(root, 'test/fixtures/mtsamples-gold'), path.resolve(root, '../shared/data/mtsamples-dev'));
console.log(process.argv.includes('--json') ? JSON.stringify(score, null, 2) : formatRealNotes(score));
