import { describe, expect, it } from 'vitest';
import { readTextDocument } from '../src/ingest/text.js';
import { processDocument } from '../src/pipeline.js';

/** A practice's letterhead names what it does ("Orthopaedic Surgery"); repeated above each visit it is never an event. */
describe('letterheads repeated above every visit', () => {
  const visit = (date: string, body: string) =>
    `\fNORTHSIDE BONE & JOINT — Spine | Hand\nLena Ortiz, MD, Orthopaedic Surgery\nPatient: R. Vale   DOB 02/03/1971\n\nFOLLOW-UP\nVisit date: ${date}\n${body}\n`;
  const text = visit('01/09/2024', 'Neck pain 5/10. Continue home exercises.') + visit('02/13/2024', 'Neck pain 4/10. Follow up as needed.');
  const { facts } = processDocument(readTextDocument('d1', 'ortho.txt', Buffer.from(text.slice(1))));

  it('takes no surgery from the letterhead at the top of a visit or at the end of the previous one', () => {
    expect(facts.filter((f) => f.type === 'treatment' && f.attributes.modality === 'surgery')).toEqual([]);
  });
  it('still reads the visits themselves', () => {
    expect(facts.some((f) => f.type === 'plan_signal' && f.attributes.signal === 'follow_up_prn')).toBe(true);
    expect(facts.filter((f) => f.type === 'outcome_measure').map((f) => f.attributes.value)).toEqual([5, 4]);
  });
});

describe('a negated recommendation negates only its own target', () => {
  it('"Continue PT as surgery is not recommended" keeps PT and negates surgery', () => {
    const text = 'DATE OF SERVICE: 02/01/2024\nProvider: Jane Roe, MD\nPLAN:\nContinue PT as surgery is not recommended.\n';
    const { facts } = processDocument(readTextDocument('d1', 'x.txt', Buffer.from(text)));
    const treatments = facts.filter((f) => f.type === 'treatment');
    expect(treatments.find((f) => f.attributes.modality === 'physical_therapy')?.negated).toBe(false);
    expect(treatments.find((f) => f.attributes.modality === 'surgery')?.negated).toBe(true);
  });
});
