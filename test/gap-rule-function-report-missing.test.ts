import { describe, expect, it } from 'vitest';
import type { DocumentStatus } from '../src/model/index.js';
import { rule } from '../src/analyze/gaps/rules/function-report-missing.js';
import { documentGaps } from './helpers/document-gaps.js';
import { formsOnFile } from '../src/segment/document-role.js';

const gaps = (claim: 'ssdi' | 'workers_comp', extra: DocumentStatus[]) => documentGaps(rule, claim, extra);

const doc = (file: string, kind: string, quote: string): DocumentStatus => ({
  file, status: 'ok', warnings: [], pages: 1, encounters: [],
  role: { role: 'administrative', kind, why: '', evidence: [{ file, page: 1, start: 0, end: quote.length, quote }] },
});

describe('function-report-missing', () => {
  it.each([
    ['a Function Report is in the file', [doc('Ex 3E - Function Report.txt', 'claimant_statement', 'FUNCTION REPORT - ADULT')]],
    ['an SSA-3373 excerpt is in the file', [doc('01_excerpt.txt', 'claimant_statement', 'SSA-3373')]],
  ])('valid: %s', (_n, docs) => expect(gaps('ssdi', docs)).toEqual([]));
  it('invalid: an SSDI file with only a disability report and an exhibit list', () => {
    const g = gaps('ssdi', [doc('2E.txt', 'claimant_statement', 'DISABILITY REPORT'), doc('index.txt', 'exhibit_list', 'EXHIBIT LIST')]);
    expect(g).toHaveLength(1);
    expect(g[0].request.to).toMatch(/claimant/);
    expect(g[0].evidence[0].quote).toBe('EXHIBIT LIST');
  });
  const withForm = (d: DocumentStatus, start: number, quote: string): DocumentStatus => ({ ...d, formsOnFile: [{ id: 'function_report', evidence: [{ file: d.file, page: 1, start, end: start + quote.length, quote }] }] });
  it.each([
    ['a section of a claimant\'s statements file', withForm(doc('E_section.txt', 'claimant_statement', 'EXHIBIT 1E DISABILITY REPORT'), 4200, 'EXHIBIT 3E   FUNCTION REPORT - ADULT (SSA-3373)')],
    ['listed in the exhibit list, so in SSA\'s folder', withForm(doc('index.txt', 'exhibit_list', 'EXHIBIT LIST'), 2949, '3E    Function Report - Adult (SSA-3373)        Clmt')],
    ['excerpted in the determination', withForm(doc('02_DDE.txt', 'claimant_statement', 'DISABILITY DETERMINATION EXPLANATION'), 5801, 'FUNCTION REPORT - ADULT (SSA-3373-BK)  --  excerpt (sections C, D, E)')],
    ['a file named with underscores', doc('B4E_Function_Report_Adult_SSA-3373_08-2022.txt', 'other', 'EXHIBIT 4E  Page 1 of 4')],
  ])('valid: the report is known: %s', (_n, d) => expect(gaps('ssdi', [d])).toEqual([]));
  it('invalid: an exhibit list that says the representative has no copy asks for it, citing that line', () => {
    const line = '- Function Report (3373) - client completed 10/2023 per DDS; we do not have a copy';
    const g = gaps('ssdi', [withForm(doc('Exhibit List.txt', 'exhibit_list', 'EXHIBIT LIST'), 900, line)]);
    expect(g).toHaveLength(1);
    expect(g[0].evidence[0].quote).toBe(line);
    expect(g[0].request.ask).toMatch(/electronic folder/);
  });
  it.each([
    ['3E    Function Report - Adult (SSA-3373)        Clmt', 1],
    ['B4E  Function Report - Adult (03/2022)', 1],
    ['Function report (3E) 02/14/2023: naps daily, needs help with socks', 1],
    ['PULMONARY FUNCTION REPORT Test date: 09/14/2023', 0],
    ['Sensory function report: intact to light touch', 0],
  ])('the forms a paper shows on file: %s', (line, n) => {
    const text = `EXHIBIT LIST\n${line}\n`;
    expect(formsOnFile({ id: 'd', file: 'x.txt', text, pages: [{ number: 1, start: 0, end: text.length }], warnings: [], kind: 'text', meta: {} } as never)).toHaveLength(n);
  });
  it('is an SSA rule only', () => expect(rule.meta.profiles).toEqual(['ssdi', 'ssi']));
});
