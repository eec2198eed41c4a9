// `npm run bench`'s child: one analysis of FILE by the shipped build (dist/, as bin/plateau runs it), in a fresh
// process, printing its peak RSS and counts. The parent times it from spawn to exit, Node's start-up included.
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const dist = path.resolve(import.meta.dirname, '../dist');
const { analyzePaths } = await import(pathToFileURL(path.join(dist, 'pipeline.js')).href);
const { renderReport } = await import(pathToFileURL(path.join(dist, 'report/index.js')).href);
const run = await analyzePaths([process.argv[2]], { type: 'general' });
if (!renderReport(run.analysis, 'json').length) throw new Error('empty report');
process.stdout.write(`BENCH ${JSON.stringify({
  maxRssMb: process.resourceUsage().maxRSS / 1024, pages: run.documents.reduce((n, d) => n + d.pages.length, 0),
  facts: run.analysis.facts.length, failures: run.failures.map((f) => f.error),
})}\n`);
