import { describe, expect, it } from 'vitest';
import { isAssertedFact } from '../src/model/index.js';
import { factsOf } from './helpers/extract-doc.js';

const of = (body: string) => factsOf(body).facts;
const treatments = (body: string) => of(body).filter((f) => f.type === 'treatment');
const asserted = (body: string) => of(body).filter(isAssertedFact);
const signals = (body: string) => asserted(body).flatMap((f) => (f.type === 'plan_signal' ? [f.attributes.signal] : []));

describe('a recommendation negated after its target negates the treatment', () => {
  it.each([
    ['ASSESSMENT/PLAN: Surgery is not recommended.', 'surgery'],
    ['PLAN: Injections are not indicated at this time.', 'other_injection'],
    ['PLAN: Repeat lumbar ESI is not warranted given only 2 weeks of relief.', 'epidural_injection'],
    ['RECOMMENDATIONS: Further physical therapy was not felt to be necessary.', 'physical_therapy'],
    ['PLAN: A spinal cord stimulator trial is not advised.', 'spinal_cord_stimulator'],
  ])('%s', (text, modality) => {
    const proposed = of(text).filter((f) => f.type === 'treatment' && f.attributes.modality === modality && f.attributes.status === 'recommended');
    expect(proposed.length).toBeGreaterThan(0);
    expect(proposed.every((f) => f.negated)).toBe(true);
    expect(signals(text)).not.toContain('new_treatment');
  });
  it('keeps the "not a surgical candidate" signal', () => {
    expect(signals('ASSESSMENT/PLAN: Surgery is not recommended.')).toContain('not_surgical_candidate');
    expect(signals('IMPRESSION: He is not a surgical candidate.')).toContain('not_surgical_candidate');
  });
  it.each([
    'PLAN: Surgery is recommended; he wishes to proceed.',
    'PLAN: Lumbar ESI is indicated and will be scheduled.',
    'PLAN: Continue PT; surgery is not recommended.',
  ])('leaves other recommendations standing: %s', (text) => {
    const recommended = asserted(text).filter((f) => f.type === 'treatment' && f.attributes.status !== 'performed');
    expect(recommended.length).toBeGreaterThan(0);
  });
});

describe('procedure titles and technique text', () => {
  it('a caps title line in a procedure note is the performed procedure', () => {
    const t = treatments('PROCEDURE NOTE\nPROCEDURE PERFORMED:,\nLEFT L4-L5 FACET JOINT INJECTIONS UNDER FLUOROSCOPY,\nThe patient tolerated it well.');
    expect(t.some((f) => f.attributes.modality === 'facet_injection' && f.attributes.status === 'performed')).toBe(true);
  });
  it('a purpose clause does not plan another procedure', () => {
    const facts = of('PROCEDURE NOTE\nDESCRIPTION: Chlorhexidine prep was done in order to keep the field sterile for the medial branch block.');
    expect(facts.some((f) => f.type === 'plan_signal')).toBe(false);
    expect(facts.some((f) => f.type === 'treatment' && f.attributes.status === 'planned')).toBe(false);
  });
});

describe('operations told as history', () => {
  it.each([
    'HPI: Seen for gait training; she is s/p resection of a parietal meningioma.',
    'HPI: He had a ventriculoperitoneal shunt placed for hydrocephalus.',
    'HPI: Sent to therapy status post craniotomy for a subdural hematoma.',
    'HPI: Underwent right carpal tunnel release, then returned to light duty.',
  ])('%s', (text) => {
    const s = treatments(text).find((f) => f.attributes.modality === 'surgery');
    expect(s?.attributes.status).toBe('performed');
    expect(s?.temporality).toBe('historical');
    expect(s?.dateSource).toBe('none');
  });
  it('keeps a written date', () => {
    const s = treatments('HPI: She had a lumbar fusion on 02/10/2021.').find((f) => f.attributes.modality === 'surgery');
    expect(s?.date).toBe('2021-02-10');
  });
});

describe('medication wording and benefit durations', () => {
  it.each([
    ['PLAN: Start a slow taper of the clonazepam.', 'decreased'],
    ['PLAN: We will begin a weaning schedule for her hydrocodone.', 'decreased'],
  ])('%s', (text, change) => expect(treatments(text)[0]?.attributes.doseChange).toBe(change));
  it('a prn drug is current, not hypothetical', () => {
    const t = treatments('PLAN: Naproxen 500 mg BID as needed.')[0];
    expect(t?.temporality).toBe('current');
    expect(t?.attributes.status).toBe('ongoing');
  });
  it('still hypothetical when conditional', () => {
    expect(treatments('PLAN: If the flare persists, she may take meloxicam as needed.')[0]?.temporality).toBe('hypothetical');
  });
  it('"will benefit from" recommends the therapy', () => {
    expect(treatments('ASSESSMENT: He will benefit from skilled occupational therapy.').some((f) => f.attributes.modality === 'occupational_therapy' && f.attributes.status === 'recommended')).toBe(true);
  });
  it('a worded range of months is a duration', () => {
    const b = of('HPI: Prior facet blocks helped, with relief lasting between three and five months.').find((f) => f.type === 'benefit');
    expect(b?.type === 'benefit' && b.attributes.durationDays).toBe(90);
  });
  it.each([
    ['HPI: Completed 18 PT visits. Injection helped night pain for about 3 weeks.', 21, 'for about 3 weeks'],
    ['HPI: Saw Dr. Lindqvist - subacromial injection 05/20 helped about 2-3 weeks.', 14, 'helped about 2-3 weeks'],
  ])('relief told in words and weeks: %s', (text, days, quote) => {
    const b = of(text).find((f) => f.type === 'benefit');
    expect(b?.type === 'benefit' && b.attributes.durationDays).toBe(days);
    expect(b?.evidence[0].quote).toContain(quote);
  });
  it('a therapy schedule is not a benefit duration', () => {
    expect(of('PLAN: PT 2x/week for 6 weeks; injection if no better.').some((f) => f.type === 'benefit')).toBe(false);
  });
});
