import { describe, expect, it } from 'vitest';
import type { DocumentStatus } from '../src/model/index.js';
import { recordsNotedMissing } from '../src/segment/document-role.js';
import { rule } from '../src/analyze/gaps/rules/record-noted-missing.js';
import { textDoc } from './helpers/extract-doc.js';
import { documentGaps } from './helpers/document-gaps.js';
import { CaseBuilder, DR_KIM, PT_RIVERA } from './helpers/facts.js';
import { expectValidCitations } from './helpers/citations.js';

/** Lines in which a file says one of its records is missing (synthetic wording, no PHI). */
describe('records a file says are missing', () => {
  it.each([
    'Riverbend Surgical Hospital discharge summary - requested, not received.',
    '16F Valley Community Hospital - ED      11/09/2024      ** REQUESTED 02/18/2025 - NOT RECEIVED **',
    'Daily logs available on request.  /s/ T. Roe, PT, DPT',
    '8. Deposition of applicant, 03/01/2023 (transcript ordered; not yet received)',
    'Not reviewed: Harbor Urgent Care 02/14/2023 (not provided); PCP records (not provided).',
    'The records of the 10/26-10/28/2022\nadmission were not provided to me.',
  ])('%s', (text) => {
    const doc = textDoc(`EXHIBIT LIST\n${text}\n`);
    const found = recordsNotedMissing(doc);
    expect(found).toHaveLength(1);
    expectValidCitations(found, [doc]);
  });
  it.each([
    ['Records requested, not received as of print date:\n - Harbor Surgical Hospital inpatient chart 08/23/2022\n - Ridgeline PT discharge summary (requested 03/2025)\n\nPage 1 of 1',
      'Records requested, not received as of print date: - Harbor Surgical Hospital inpatient chart 08/23/2022 - Ridgeline PT discharge summary (requested 03/2025)'],
    ['PT notes through 07/26/2024. (Dr. Roe\'s\n08/13/2024 note and the PT discharge of 08/09/2024 were not provided.)',
      'Roe\'s 08/13/2024 note and the PT discharge of 08/09/2024 were not provided.)'],
    ['On-the-record decision requested. We have requested but not yet\nreceived the home health records (wound VAC and home PT) and will submit them when received.\nRespectfully submitted,',
      'We have requested but not yet received the home health records (wound VAC and home PT) and will submit them when received.'],
    ['Operative report of Dr. Roe - requested, not received.', 'Operative report of Dr. Roe - requested, not received.'],
  ])('names the records a heading lists, a bracket or a wrapped sentence carries over: %s', (text, line) => {
    const doc = textDoc(`RECORDS REVIEWED\n${text}\n`);
    const found = recordsNotedMissing(doc);
    expect(found.map((f) => f.text)).toEqual([line]);
    expectValidCitations(found, [doc]);
  });
  it('a log row dated on the next line is a row of its own', () => {
    const found = recordsNotedMissing(textDoc('03/22/23  PT called pt x2, no call back. - faxed note from Riverwalk\n03/29/23  Charity care office: application for pt NOT received.\n'));
    expect(found.filter((f) => /faxed note/.test(f.text))).toEqual([]);
  });
  it.each([
    '[Keystone Spine Center - patient demographics/insurance face sheet - not reproduced]',
    'MRI lumbar spine 04/22/2022 (report only; images not provided)',
    '[CE billing voucher and claimant identification sheet - not included]',
    'The operative report was received 03/02/2024 and reviewed.',
    'Payment to follow.',
    'Records requested and not received: none outstanding per representative\'s 5-day letter of 07/01/2024.',
    'Our records show the Plan has paid $57,592.69 for dates of service 04/22/2023 through 01/31/2024 (itemization enclosed, 6 pages - not attached to this copy).',
    // A custodian's standard lines and papers nobody needs to decide the claim.
    'Records of other providers are not included.',
    'Anesthesia records, nursing notes and implant logs are available on request.',
    '[Page 9: patient portal message log - not requested, not produced]',
    'EMG waveforms on file, not included in this copy.',
  ])('not a missing record: %s', (text) => {
    expect(recordsNotedMissing(textDoc(`${text}\n`))).toEqual([]);
  });
});

const listing = (file: string, lines: string[], misfiled = false): DocumentStatus => ({
  file, status: 'ok', warnings: [], pages: 1, encounters: [],
  recordsNotedMissing: lines.map((text, i) => ({ text, evidence: [{ file, page: 1, start: i * 100, end: i * 100 + text.length, quote: text }] })),
  ...(misfiled ? { misfiled: { reason: 'another patient', evidence: [] } } : {}),
});

const gaps = (extra: DocumentStatus[]) => documentGaps(rule, 'workers_comp', extra);

describe('record-noted-missing', () => {
  it('valid: nothing in the file says a record is missing', () => expect(gaps([])).toEqual([]));
  it('valid: a misfiled paper\'s list is not this claimant\'s', () => expect(gaps([listing('other.txt', ['ED records - not received'], true)])).toEqual([]));
  it('invalid: one request lists every missing record once, citing each line', () => {
    const g = gaps([listing('index.txt', ['Riverbend discharge summary - requested, not received.', 'Work conditioning daily logs available on request.']),
      listing('brief.txt', ['Riverbend discharge summary - requested, not received.'])]);
    expect(g).toHaveLength(1);
    expect(g[0].evidence.map((e) => e.file)).toEqual(['index.txt', 'index.txt']);
    expect(g[0].request.ask).toMatch(/\(1\) "Riverbend.*\(2\) "Work conditioning/);
  });
  it.each([
    ['Records NOT provided: records of the prior low back chiropractic treatment', 'pre-injury baseline records'],
    ['MRI lumbar spine 05/2024 - requested, not received.', 'imaging or testing'],
    ['Called the oral surgeon to request the consult note - "will send once dictated." Not received.', "a specialist's consultation"],
    ['Complete daily note set (78 visits) available on request; discharge summary enclosed.', 'therapy notes'],
    ['Personnel file / termination letter requested - not received.', 'employment records'],
  ])('says what kind of record each line asks for: %s', (line, kind) => {
    expect(gaps([listing('index.txt', [line])])[0].request.ask).toContain(`(${kind}`);
  });
  it('a line that names nothing of a kind is asked for as it stands', () => {
    expect(gaps([listing('index.txt', ['We have not received a response to our request of January 22.'])])[0].request.ask).toMatch(/January 22\."\.$/);
  });
});

/** The file holds what one paper calls missing: an examiner's packet or an older index lacked it, the claim file does not. */
describe('record-noted-missing: records the file itself holds', () => {
  const record = () => new CaseBuilder()
    .file('05_HubCity_Ortho_Notes_2023-2024.txt').visit('2024-04-25', DR_KIM)
      .fact('limitation', { activity: 'sit', source: 'provider', text: 'sit 20 min' }, 'Sitting limited to 20 minutes.')
    .file('07_Spine_Consult_Quiocho_2023.txt').visit('2023-03-16', { name: 'Dr. Quiocho', credential: 'MD', specialty: 'pain_management' })
      .visit('2023-05-02', { name: 'Dr. Quiocho', credential: 'MD', specialty: 'pain_management' })
    .file('08_PT_Notes.txt').visit('2023-06-01', PT_RIVERA).visit('2023-08-10', PT_RIVERA);
  const noted = (line: string) => documentGaps(rule, 'workers_comp', [listing('10_IME_Report.txt', [line])], record());
  it.each([
    'Note: Hub City note of 04/25/2024 requested, not yet received.',
    'I was not provided Dr. Quiocho\'s notes after 03/16/2023.',
    'PT records were not provided.',
    'Souza notes 05/10/2022-08/15/2023; hand therapy flowsheets. (Therapy notes after 07/25/2023 were not provided.)',
    'Quiocho consultation 03/16/2023 and note of 05/02/2023 were not provided to me.',
    'Dr. Quiocho notes 03/16/2023 - 05/02/2023 not provided to me.',
  ])('valid: the file holds it: %s', (line) => expect(noted(line)).toEqual([]));
  it.each([
    'Note: Hub City note of 06/20/2024 requested, not yet received.',
    'I was not provided Dr. Quiocho\'s notes after 06/01/2023.',
    'Chiropractic records were not provided.',
    'Quiocho consultation 03/16/2023 and procedure note 05/02/2023 were not provided to me.',
    'PT daily notes available on request.',
    'Dr. Whitcomb\'s notes were not included in the packet provided by the carrier.',
    'Pre-injury primary care records were not provided.',
    'Battlefield Family Medicine records and the 2009 knee operative records were not provided to me.',
  ])('invalid: the file lacks it: %s', (line) => expect(noted(line)).toHaveLength(1));
  it('an examiner who was not sent a record the file holds is asked to weigh it, in the same request', () => {
    const ime: DocumentStatus = { ...listing('10_IME_Report.txt', ['PT records were not provided.', 'Chiropractic records were not provided.']),
      role: { role: 'examining', kind: 'examining_opinion', why: 'IME', evidence: [] } };
    const g = documentGaps(rule, 'workers_comp', [ime], record());
    expect(g).toHaveLength(1);
    expect(g[0].why).toMatch(/missing: \(1\) "Chiropractic records were not provided\."\. An examiner's report says it was written without records the file holds.*\(2\) "PT records were not provided\."/);
    expect(g[0].request.ask).toMatch(/review the records the file holds/);
  });
});
