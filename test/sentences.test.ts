import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../src/segment/sentences.js';

function split(text: string): string[] {
  return splitSentences(text).map((s) => text.slice(s.start, s.end));
}

describe('splitSentences', () => {
  it('keeps abbreviations, vitals, decimals and scores inside their sentence', () => {
    expect(split('Seen by Dr. Smith vs. Dr. Jones today. BP 120/80. Strength 5/5 in the L4/5 myotomes. Pain 7.5/10 down from 8/10. Meloxicam 15 mg p.o. daily.')).toEqual([
      'Seen by Dr. Smith vs. Dr. Jones today.',
      'BP 120/80.',
      'Strength 5/5 in the L4/5 myotomes.',
      'Pain 7.5/10 down from 8/10.',
      'Meloxicam 15 mg p.o. daily.',
    ]);
  });

  it('splits MTSamples run-on headings ("HEADING:,  text")', () => {
    expect(split('HISTORY OF PRESENT ILLNESS:,  The patient is a 45-year-old male. PAST MEDICAL HISTORY:,  Negative.')).toEqual([
      'HISTORY OF PRESENT ILLNESS:,', 'The patient is a 45-year-old male.', 'PAST MEDICAL HISTORY:,', 'Negative.',
    ]);
    expect(split('INDICATION: , Lumbar stenosis.,POSTOP DIAGNOSIS: , Same.')).toEqual([
      'INDICATION: ,', 'Lumbar stenosis.,', 'POSTOP DIAGNOSIS: ,', 'Same.',
    ]);
  });

  it('ends sentences at heading lines, list items and form fields but joins wrapped prose', () => {
    const text = [
      'Vitals:',
      'BP: 130/85',
      'Pulse: 72',
      'The patient reports that the pain started after lifting a box at work and radiates',
      'down the left leg to the foot. He denies bowel or bladder changes',
      '',
      'PLAN',
      '1. Physical therapy 2x/week for 6 weeks.',
      '2. Follow up in 4 weeks',
      '- Home exercise program',
      'Assessment: Lumbar radiculopathy. Return prn.',
    ].join('\n');
    expect(split(text)).toEqual([
      'Vitals:', 'BP: 130/85', 'Pulse: 72',
      'The patient reports that the pain started after lifting a box at work and radiates\ndown the left leg to the foot.',
      'He denies bowel or bladder changes',
      'PLAN', '1. Physical therapy 2x/week for 6 weeks.', '2. Follow up in 4 weeks', '- Home exercise program',
      'Assessment:', 'Lumbar radiculopathy.', 'Return prn.',
    ]);
  });

  it('returns trimmed absolute offsets inside [start, end)', () => {
    const text = 'XXXX  No pain. Denies numbness.  YYYY';
    const spans = splitSentences(text, 4, 33);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['No pain.', 'Denies numbness.']);
    expect(spans[0].start).toBe(6);
  });

  it('splits the MTSamples notes at ≥ 5 MB/s', () => {
    const dir = path.resolve(import.meta.dirname, '../../shared/data/mtsamples-dev');
    const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.txt'));
    let text = files.map((f) => readFileSync(path.join(dir, f), 'utf8')).join('\n\n');
    while (text.length < 2_000_000) text += `\n\n${text}`;
    const t0 = performance.now();
    const spans = splitSentences(text);
    const mbPerSec = text.length / 1e6 / ((performance.now() - t0) / 1000);
    expect(spans.length).toBeGreaterThan(1000);
    expect(spans.every((s) => s.end > s.start && text.slice(s.start, s.end).trim() === text.slice(s.start, s.end))).toBe(true);
    expect(mbPerSec).toBeGreaterThan(5);
  });
});

describe('run-in headings split dictated sentences (H17)', () => {
  const split = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));
  it('cuts before an upper-case heading that follows a lower-case word', () => {
    expect(split('Gait is antalgic ASSESSMENT: Chronic low back pain.')).toEqual(['Gait is antalgic', 'ASSESSMENT:', 'Chronic low back pain.']);
  });
  it('keeps the first list number with a colon-less heading', () => {
    expect(split('No focal deficits noted IMPRESSION 1. Lumbar strain.')).toEqual(['No focal deficits noted', 'IMPRESSION 1.', 'Lumbar strain.']);
  });
  it('splits the MTSamples run-on heading', () => {
    expect(split('She denies fever,  PHYSICAL EXAMINATION:,  Alert and oriented x3.')).toEqual(['She denies fever,', 'PHYSICAL EXAMINATION:,', 'Alert and oriented x3.']);
  });
});

describe('a line that stops on a word no sentence ends on', () => {
  it('carries on into the next, even one that looks like a form field: "… was at / MMI on 01/16/2024: since then …"', () => {
    const text = "I have reviewed Dr. Selden's IME of 01/16/2024. I do not agree that Mr. Hairston was at\nMMI on 01/16/2024: since then he has gained 10 degrees of flexion.";
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual(["I have reviewed Dr. Selden's IME of 01/16/2024.", 'I do not agree that Mr. Hairston was at\nMMI on 01/16/2024: since then he has gained 10 degrees of flexion.']);
  });
  it('a short field line stays its own: "Patient name: Jo Doe / Date: 01/16/2024"', () => {
    expect(splitSentences('Seen for the claim of\nDate: 01/16/2024')).toHaveLength(2);
  });
});

describe('a unit of time after its number', () => {
  it('ends the sentence when a capital follows: "Inj 07/23 helped ~5 wks. Ortho plans R TKA."', () => {
    const text = 'Inj 07/23 helped ~5 wks. Ortho plans R TKA next month.';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual(['Inj 07/23 helped ~5 wks.', 'Ortho plans R TKA next month.']);
  });
  it('stays an abbreviation inside one: "PT 2x/wk x 6 wks. then reassess"', () => {
    const text = 'PT 2x/wk x 6 wks. then reassess.';
    expect(splitSentences(text)).toHaveLength(1);
  });
});
