import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseAnalysisSchema, verifyCitations, type CaseAnalysis } from '../src/model/index.js';
import { ContractError, renderReport, renderJsonSchema, SCHEMA_FILE, toContract } from '../src/report/index.js';
import { fixtureAnalysis, fixtureTexts } from './fixtures/analysis-fixture.js';

const root = path.resolve(import.meta.dirname, '..');

describe('fixture', () => {
  it('keeps the quote-equals-source invariant on every evidence item', () => {
    const { checked, problems } = verifyCitations(fixtureAnalysis, fixtureTexts);
    expect(checked).toBeGreaterThan(60);
    expect(problems).toEqual([]);
  });
});

describe('JSON report', () => {
  const json = renderReport(fixtureAnalysis, 'json');

  it('round-trips through CaseAnalysisSchema unchanged', () => {
    const parsed = CaseAnalysisSchema.parse(JSON.parse(json));
    expect(parsed).toEqual(JSON.parse(JSON.stringify(fixtureAnalysis)));
    expect(verifyCitations(parsed, fixtureTexts).problems).toEqual([]);
  });

  it('uses 2-space indent, a trailing newline and the contract fields of issue 2', () => {
    expect(json.endsWith('}\n')).toBe(true);
    expect(json.split('\n')[1]).toBe('  "schemaVersion": "1.12.0",');
    const o = JSON.parse(json);
    for (const k of ['schemaVersion', 'documents', 'facts', 'timeline', 'mmi', 'functionalFloor', 'gaps']) expect(o).toHaveProperty(k);
    expect(o.documents.find((d: { status: string }) => d.status === 'error').error).toMatch(/OCR failed/);
  });

  it('writes keys in schema order whatever order the analysis was built in', () => {
    const shuffled = JSON.parse(JSON.stringify(fixtureAnalysis, (_k, v) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v)) as CaseAnalysis;
    expect(Object.keys(shuffled)[0]).toBe('disclaimer');
    expect(renderReport(shuffled, 'json')).toBe(json);
    const ev = JSON.parse(json).gaps[0].evidence[0];
    expect(Object.keys(ev).slice(0, 5)).toEqual(['file', 'page', 'start', 'end', 'quote']);
  });

  it('drops keys outside the contract', () => {
    const extra = { ...fixtureAnalysis, internalCache: { big: true } } as CaseAnalysis;
    expect(renderReport(extra, 'json')).not.toContain('internalCache');
  });

  it.each<[string, (a: CaseAnalysis) => void, RegExp]>([
    ['an unknown MMI status', (a) => { (a.mmi as { status: string }).status = 'probably'; }, /mmi\.status/],
    ['a confidence above 1', (a) => { a.mmi.confidence = 1.4; }, /mmi\.confidence/],
    ['evidence on page 0', (a) => { a.gaps[0].evidence[0].page = 0; }, /gaps\.0\.evidence\.0\.page/],
    ['a quote that does not fit its offsets', (a) => { a.mmi.evidence[0].end += 3; }, /quote length/],
    ['a missing gap request', (a) => { delete (a.gaps[1] as Partial<CaseAnalysis['gaps'][number]>).request; }, /gaps\.1\.request/],
  ])('refuses to write %s', (_name, breakIt, message) => {
    const broken = structuredClone(fixtureAnalysis);
    breakIt(broken);
    expect(() => renderReport(broken, 'json')).toThrow(ContractError);
    expect(() => toContract(broken)).toThrow(message);
  });
});

describe('published JSON Schema', () => {
  it(`${SCHEMA_FILE} equals what npm run schema generates`, () => {
    const committed = readFileSync(path.join(root, SCHEMA_FILE), 'utf8');
    expect(committed).toBe(renderJsonSchema());
  });

  it('describes the evidence shape and requires the contract fields', () => {
    const schema = JSON.parse(renderJsonSchema());
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'documents', 'facts', 'timeline', 'mmi', 'functionalFloor', 'gaps']));
    const evidence = schema.properties.gaps.items.properties.evidence.items;
    expect(evidence.required).toEqual(['file', 'page', 'start', 'end', 'quote']);
    expect(evidence.properties.page.minimum).toBe(1);
    expect(schema.properties.mmi.properties.status.enum).toEqual(['explicit', 'implied', 'not_reached', 'insufficient_evidence']);
  });
});
