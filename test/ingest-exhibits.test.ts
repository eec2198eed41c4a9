import { describe, expect, it } from 'vitest';
import { findDuplicates } from '../src/ingest/duplicates.js';
import { joinPages } from '../src/knowledge/evidence.js';
import { exhibitFromFilename, exhibitFromTitle, labelExhibitPages, transcriptPageOf } from '../src/ingest/exhibit.js';
import { rtfToText } from '../src/ingest/rtf.js';
import { mislabel, sniff } from '../src/ingest/sniff.js';
import { verifyCitations, type SourceDocument } from '../src/model/index.js';
import { COPY_FORWARD, ORTHO_VISIT, PAIN_VISIT, PT_VISIT } from './fixtures/records.js';

describe('exhibit labels', () => {
  it.each([
    ['5F.pdf', '5F'], ['Ex 5F - Dr Smith.pdf', '5F'], ['05F_Ortho_records.pdf', '5F'], ['Exhibit 12F.pdf', '12F'],
    ['ex. 3f (PT notes).pdf', '3F'], ['EX_7F.pdf', '7F'], ['case/2F - Hospital.pdf', '2F'], ['1E.pdf', '1E'],
  ])('file %s → %s', (file, label) => expect(exhibitFromFilename(file)).toBe(label));
  it.each([
    'records.pdf', '2023_notes.pdf', '2023-04-01 visit.pdf', 'F5.pdf', 'MRI L4-5.pdf', '1234F.pdf', 'Dr Smith 5F.pdf', '0F.pdf',
  ])('file %s has no exhibit label', (file) => expect(exhibitFromFilename(file)).toBeUndefined());
  it.each([['Exhibit 5F: Office notes', '5F'], ['12F - Dr. Lee', '12F'], ['Ex. 3F', '3F']])('bookmark %s → %s', (t, l) => expect(exhibitFromTitle(t)).toBe(l));
  it.each(['Table of contents', 'Progress notes 2023', 'Page 5'])('bookmark %s names no exhibit', (t) => expect(exhibitFromTitle(t)).toBeUndefined());

  it('pages before the first bookmarked exhibit keep the file exhibit', () => {
    const { pages } = joinPages(['cover', 'a', 'b', 'c']);
    labelExhibitPages(pages, '1F', [{ title: 'Ex 2F', page: 2 }, { title: 'Ex 3F', page: 4 }]);
    expect(pages.map((p) => p.exhibit)).toEqual(['1F/1', '2F/1', '2F/2', '3F/1']);
  });

  it.each([
    ['Assessment: stable.\n\nTr. 488', 488], ['Plan: PT\n\nPage 12 of 1203', 12], ['Plan: PT\nAR 204', 204], ['Tr. p. 77\nBody', 77],
  ])('transcript page in %j → %d', (text, n) => expect(transcriptPageOf(text)).toBe(n));
  it.each([
    'Pain 7/10. Follow up in 6 weeks.', 'She reports page 3 of the questionnaire was skipped and the rest of the long line goes on and on here.', 'Tr. ',
  ])('no transcript page in %j', (text) => expect(transcriptPageOf(text)).toBeUndefined());
});

describe('content sniffing', () => {
  const b = (s: string) => Buffer.from(s, 'latin1');
  it.each([
    [b('%PDF-1.7\n...'), '.pdf', 'pdf'], [b('\xff\xd8\xff\xe0JFIF'), '.pdf', 'jpeg'], [b('\x89PNG\r\n'), '.png', 'png'],
    [b('{\\rtf1\\ansi Hello}'), '.doc', 'rtf'], [b('{"resourceType":"Bundle"}'), '.txt', 'json'], [b('DOS,CPT\n'), '.csv', 'csv'],
    [b('Progress note'), '.txt', 'text'], [b('\xd0\xcf\x11\xe0\xa1\xb1'), '.doc', 'ole'], [b(''), '.txt', 'empty'],
    [b('PK\x03\x04....word/document.xml'), '.docx', 'docx'], [b('PK\x03\x04....xl/workbook.xml'), '.bin', 'xlsx'],
  ])('%j named *%s is %s', (bytes, ext, kind) => expect(sniff(bytes, ext)).toBe(kind));
  it('names the mismatch', () => {
    expect(mislabel('.pdf', 'jpeg')).toBe('not a PDF: looks like a JPEG image');
    expect(mislabel('.docx', 'pdf')).toBe('not a Word (DOCX) document: looks like a PDF');
    expect(mislabel('.pdf', 'pdf')).toBeUndefined();
    expect(mislabel('.dat', 'pdf')).toBeUndefined();
  });
});

describe('RTF', () => {
  it('keeps paragraphs and text, drops font tables and control words, decodes escapes', () => {
    const rtf = String.raw`{\rtf1\ansi\deff0{\fonttbl{\f0 Times New Roman;}}{\colortbl;\red0\green0\blue0;}
{\*\generator Riched20;}\pard\b PROGRESS NOTE\b0\par
Date of Service: 03/14/2023\par
Pain 7/10; flexion 40\'b0. Caf\'e9 \u8211? follow-up in 6 wks.\par
\page Page two \{braces\}\par}`;
    expect(rtfToText(rtf)).toBe('PROGRESS NOTE\nDate of Service: 03/14/2023\nPain 7/10; flexion 40°. Café – follow-up in 6 wks.\n\fPage two {braces}');
  });
});

function doc(id: string, file: string, pages: string[]): SourceDocument {
  const { text, pages: ps } = joinPages(pages);
  return { id, file, kind: 'pdf', text, pages: ps, warnings: [], meta: {} };
}

describe('duplicates', () => {
  it('the same pages filed in two exhibits are one duplicate_document run, cited in both', () => {
    const a = doc('d1', '4F.pdf', [PAIN_VISIT + '\n\nTr. 100', PT_VISIT + '\n\nTr. 101', ORTHO_VISIT]);
    const b = doc('d2', '9F.pdf', ['FAX COVER SHEET\nTo: SSA', PAIN_VISIT.toUpperCase() + '\n\nTr. 350', PT_VISIT + '\nTr. 351']);
    const dups = findDuplicates([a, b]);
    const dd = dups.filter((d) => d.kind === 'duplicate_document');
    expect(dd).toHaveLength(1);
    expect(dd[0].evidence.map((e) => [e.file, e.page])).toEqual([['4F.pdf', 1], ['9F.pdf', 2]]);
    expect(verifyCitations(dups, new Map([[a.file, a], [b.file, b]])).problems).toEqual([]);
  });

  it('a long paragraph pasted into later visits is copy_forward; short boilerplate is not', () => {
    const visits = [PAIN_VISIT, PT_VISIT, ORTHO_VISIT].map((v, i) => `${v}\n\n${COPY_FORWARD}\n\nPatient tolerated treatment well.\nVisit ${i + 1}`);
    const d = doc('d1', 'clinic.pdf', visits);
    const cf = findDuplicates([d]).filter((x) => x.kind === 'copy_forward');
    expect(cf).toHaveLength(1);
    expect(cf[0].evidence.map((e) => e.page)).toEqual([1, 2, 3]);
    expect(cf[0].evidence.every((e) => e.quote === COPY_FORWARD)).toBe(true);
  });

  it('different visits sharing a template are not duplicates', () => {
    const d = doc('d1', 'x.pdf', [PAIN_VISIT, PAIN_VISIT.replace('7/10', '5/10').replace('03/14/2023', '05/02/2023')]);
    expect(findDuplicates([d]).filter((x) => x.kind === 'duplicate_document')).toEqual([]);
  });
});
