import { describe, expect, it } from 'vitest';
import { describeMissingPages, faxPages, missingFaxPages } from '../src/segment/fax-pages.js';
import { textDoc } from './helpers/extract-doc.js';
import { expectValidCitations } from './helpers/citations.js';

const banner = (p: string) => `NOV-03-2023 09:27   SAMPLE ORTHO ASSOC   518-555-0146   ->  SAMPLE INS   ${p}`;
const pages = (marks: string[]) => marks.map((m, i) => `${banner(m)}\nPage text ${i + 1}: exam unchanged.\n`).join('\f');

describe('pages a fax transmission numbered but did not deliver', () => {
  it.each([
    [['P.01/05', 'P.02/05', 'P.03/05'], [4, 5], 'fax pages 4-5 of 5 are not in the file'],
    [['pg 01 of 10', 'pg 02 of 10', 'pg 04 of 10'], [3, 5, 6, 7, 8, 9, 10], 'fax pages 3, 5-10 of 10'],
    [['P.O1/03', 'P.02/03'], [3], 'fax page 3 of 3 is not in the file'],
  ])('%j → missing %j', (marks, missing, words) => {
    const doc = textDoc(pages(marks));
    const found = missingFaxPages(doc);
    expect(found.map((f) => f.missing)).toEqual([missing]);
    expect(describeMissingPages(found[0])).toContain(words);
    expectValidCitations(found, [doc]);
  });
  it.each([
    [['P.01/03', 'P.02/03', 'P.03/03']],
    [['P.01/02']], // one banner alone may be a cover sheet's
    [['P.01/01', 'P.01/01']], // one-page transmissions
  ])('%j → nothing missing', (marks) => {
    expect(missingFaxPages(textDoc(pages(marks)))).toEqual([]);
  });
  it('a printed page footer is not a transmission', () => {
    const text = ['Office note 03/01/2024', 'Page 1 of 3', '\fPlan: continue.', 'Page 2 of 3'].join('\n');
    expect(missingFaxPages(textDoc(text))).toEqual([]);
  });
  it('two transmissions in one file are judged apart', () => {
    const doc = textDoc(pages(['P.01/02', 'P.02/02', 'P.01/04', 'P.02/04']));
    expect(missingFaxPages(doc).map((f) => [f.total, f.missing])).toEqual([[4, [3, 4]]]);
  });
});

describe('the pages of a transmission kept as one text page', () => {
  const one = (marks: string[], arrow = '->') => textDoc(marks.map((m, i) => `${banner(m).replace('->', arrow)}\nPage text ${i + 1}.\n`).join(''));
  it.each([
    [['P.1/2', 'P.2/2'], '->', 2],
    [['P.1/2', 'P.2/2'], '>>', 2],
    [['P.1/2'], '>>', 0],
  ])('%j with %s → %i pages', (marks, arrow, n) => {
    const doc = one(marks, arrow);
    const found = faxPages(doc);
    expect(found).toHaveLength(n);
    if (n) expect(doc.text.slice(found[1].start, found[1].end)).toMatch(/^NOV-03-2023.*P\.2\/2\nPage text 2\.\n$/);
  });
  it('a printed footer is not a banner', () => {
    expect(faxPages(textDoc('Office note.\nPage 1 of 2\nMore.\nPage 2 of 2\n'))).toEqual([]);
  });
});
