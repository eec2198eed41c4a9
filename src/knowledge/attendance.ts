/**
 * A session or visit that did not take place ("PT cancelled", "no-showed", "episode closed without attendance").
 * Knowledge: lexicon/extract/treatment-status.json (`notAttended`).
 */
import { z } from 'zod';
import { phraseSource, readLexiconFile, RegexSource } from './lexicon.js';

const list = readLexiconFile('extract/treatment-status.json', z.looseObject({
  notAttended: z.looseObject({ phrases: z.array(z.string().min(1)).min(1), patterns: z.array(RegexSource) }),
})).notAttended;
const NOT_ATTENDED = new RegExp([...list.phrases.map(phraseSource), ...list.patterns].join('|'), 'i');

/** Whether the text says the session or visit it speaks of did not take place. (Wrapped lines read as one.) */
export function notAttended(text: string): boolean {
  return NOT_ATTENDED.test(text.replace(/\s+/g, ' '));
}
