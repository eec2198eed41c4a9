import { renderTextPdf } from './src/synth/render.js';
import { clinicalPages } from './test/fixtures/records.js';
import { writeFileSync } from 'node:fs';
writeFileSync('/tmp/h5/p1000.pdf', await renderTextPdf(clinicalPages(1000), { footer: (n, t) => `Page ${n} of ${t}` }));
