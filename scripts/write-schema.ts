/** Writes schema/case-analysis.schema.json from CaseAnalysisSchema (run: npm run schema). */
import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCHEMA_FILE, renderJsonSchema } from '../src/report/schema.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, SCHEMA_FILE);
await mkdir(path.dirname(target), { recursive: true });
await writeFile(target, renderJsonSchema());
process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
