import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { FactSchema, type Fact } from '../src/model/index.js';
import { splitEncounters } from '../src/segment/encounters.js';
import { extractFacts } from '../src/extract/index.js';
import { textDoc } from './helpers/extract-doc.js';
import { expectValidCitations } from './helpers/citations.js';

const root = path.resolve(import.meta.dirname, '../../shared/data/mtsamples-dev');
function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => { const p = path.join(dir, n); return statSync(p).isDirectory() ? walk(p) : p.endsWith('.txt') ? [p] : []; });
}
const files = walk(root).sort();
const run = (file: string) => {
  const doc = textDoc(readFileSync(file, 'utf8'), path.relative(root, file));
  const encounters = splitEncounters(doc);
  return { doc, encounters, facts: extractFacts(doc, encounters) };
};

describe('real dictated notes (mtsamples-dev)', () => {
  it('every note: encounters tile the text, facts validate, quotes equal the source, dates parse', () => {
    expect(files.length).toBeGreaterThan(50);
    let total = 0;
    for (const file of files) {
      const { doc, encounters, facts } = run(file);
      expect(encounters[0].start).toBe(0);
      expect(encounters[encounters.length - 1].end).toBe(doc.text.length);
      for (let i = 1; i < encounters.length; i++) expect(encounters[i].start).toBe(encounters[i - 1].end);
      for (const f of facts) {
        const r = FactSchema.safeParse(f);
        if (!r.success) throw new Error(`${file}: ${f.id} ${r.error.message}`);
        if (f.date) expect(Number.isNaN(Date.parse(f.date)), `${file} ${f.id} date ${f.date}`).toBe(false);
      }
      expect(new Set(facts.map((f) => f.id)).size).toBe(facts.length);
      expectValidCitations({ facts, encounters }, [doc]);
      total += facts.length;
    }
    expect(total).toBeGreaterThan(500);
  });

  const factsIn = (name: string): Fact[] => run(files.find((f) => f.includes(name))!).facts;

  it('PT evaluation: antalgic gait, 6/10 pain, knee ROM; goals are not measurements', () => {
    const facts = factsIn('1865-physical-therapy-synovitis');
    expect(facts.some((f) => f.type === 'objective_finding' && f.attributes.finding === 'antalgic_gait' && !f.negated)).toBe(true);
    const nrs = facts.filter((f) => f.type === 'outcome_measure' && f.attributes.instrument === 'NRS').map((f) => f.type === 'outcome_measure' && f.attributes.value);
    expect(nrs).toContain(6);
    expect(nrs).not.toContain(2); // "Patient will report maximum pain of 2/10" is a goal
  });

  it('epidural procedure notes yield a performed epidural injection', () => {
    const facts = factsIn('1974-lumbar-epidural-steroid-injection');
    expect(facts.some((f) => f.type === 'treatment' && f.attributes.modality === 'epidural_injection' && f.attributes.status === 'performed')).toBe(true);
  });

  it('EMG reports are classified and yield electrodiagnostic findings', () => {
    const { encounters, facts } = run(files.find((f) => f.includes('1872-emg-nerve-conduction-study-8'))!);
    expect(encounters[0].kind).toBe('emg');
    expect(facts.some((f) => f.type === 'objective_finding' && f.attributes.category === 'electrodiagnostic')).toBe(true);
  });
});
