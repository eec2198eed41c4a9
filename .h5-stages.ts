import { readCase } from './src/ingest/index.js';
import { processDocument } from './src/pipeline.js';
import { analyzeCase } from './src/analyze/index.js';
import { renderReport } from './src/report/index.js';
for (const n of [1000, 5000]) {
  const r = await readCase([`/tmp/h5/r${n}.pdf`]);
  const { encounters, facts } = processDocument(r.documents[0]);
  let t = performance.now();
  const a = analyzeCase({ claim: { type: 'general' }, documents: [], encounters, facts });
  const an = performance.now() - t;
  t = performance.now(); const j = renderReport(a, 'json'); const rep = performance.now() - t;
  console.log(n, { analyze: Math.round(an), report: Math.round(rep), bytes: j.length });
}
