import { describe, expect, it } from 'vitest';
import type { DocumentStatus } from '../src/model/index.js';
import { rule } from '../src/analyze/gaps/rules/impairment-rating-missing.js';
import { formsOnFile } from '../src/segment/document-role.js';
import { documentGaps } from './helpers/document-gaps.js';
import { CaseBuilder, DR_KIM } from './helpers/facts.js';

/** An Oregon closure notice (synthetic): the Department rated the impairment the attending physician measured. */
const NOTICE = [
  'NOTICE OF CLOSURE - DISABLING CLAIM',
  'MEDICALLY STATIONARY DATE: 04/18/2023   (per attending physician closing report 04/18/2023)',
  'PERMANENT PARTIAL DISABILITY:',
  '  Impairment (OAR 436-035) - left foot/ankle, loss of range of motion:',
  '    8% of the left foot ................................................ $ 4,936.00',
  '    6% whole person ..................................................... $ 2,814.00',
  '  Total PPD award ........................................................ $ 7,750.00',
].join('\n');

const paper = (file: string, text: string, kind: string): DocumentStatus => {
  const forms = formsOnFile({ id: 'd', file, text, pages: [{ number: 1, start: 0, end: text.length }], warnings: [], kind: 'text', meta: {} } as never);
  return {
    file, status: 'ok', warnings: [], pages: 1, encounters: [], ...(forms.length ? { formsOnFile: forms } : {}),
    role: { role: 'administrative', kind, why: '', evidence: [{ file, page: 1, start: 0, end: 10, quote: text.slice(0, 10) }] },
  };
};
const stationary = () => new CaseBuilder().visit('2023-04-18', DR_KIM).fact('mmi_statement', { kind: 'mmi' }, 'He is medically stationary as of today, 04/18/2023.');
const gaps = (docs: DocumentStatus[]) => documentGaps(rule, 'workers_comp', docs, stationary());

describe('impairment-rating-missing: a rating an award states', () => {
  it('valid: the closure notice states the rated impairment and the award', () => {
    expect(gaps([paper('09_Notice_of_Closure.txt', NOTICE, 'claims_letter')])).toEqual([]);
  });
  it.each([
    ['a letter that only seeks an award', 'We ask that the carrier issue a permanent partial disability award once the rating is done.'],
    ['a notice with no rating on its lines', 'NOTICE OF CLOSURE\nWhole person impairment: to be determined by the arbiter.'],
    ['a rating that is still pending', 'PPD award: pending the Division IME, $ amount to follow'],
  ])('invalid: %s', (_n, text) => {
    expect(gaps([paper('letter.txt', text, 'claims_letter')]).map((g) => g.ruleId)).toEqual(['impairment-rating-missing']);
  });
  it('invalid: the award belongs to another patient', () => {
    expect(gaps([{ ...paper('x.txt', NOTICE, 'claims_letter'), misfiled: { reason: 'another name', pages: [] } as never }]).map((g) => g.ruleId)).toEqual(['impairment-rating-missing']);
  });
});

describe('impairment-rating-missing: an examiner\'s rating is not an award', () => {
  it('invalid: only a Section 12 examiner rated the impairment', () => {
    const exam = paper('07_Section12_Exam.txt', '6. Impairment (AMA Guides 6th Ed.):\n   impairment = 4% whole person impairment.', 'ime');
    expect(gaps([{ ...exam, role: { ...exam.role!, role: 'examining' } }]).map((g) => g.ruleId)).toEqual(['impairment-rating-missing']);
  });
});
