import type { Fact, FactOf, SourceDocument } from '../../src/model/index.js';
import { splitEncounters } from '../../src/segment/encounters.js';
import { extractFacts } from '../../src/extract/index.js';
import { factsOf } from './extract-doc.js';
import { expectValidCitations } from './citations.js';

/** The facts of one type read from a note body, every citation checked against the text. */
export function of<T extends Fact['type']>(body: string, type: T): FactOf<T>[] {
  const { doc, facts } = factsOf(body);
  expectValidCitations(facts, [doc]);
  return facts.filter((f): f is FactOf<T> => f.type === type);
}

/** A one-page note with no date header, as a reader would hand it on. */
export function bareDoc(text: string): SourceDocument {
  return { id: 'd1', file: 'note.txt', text, pages: [{ page: 1, start: 0, end: text.length }] } as unknown as SourceDocument;
}
/** Every fact of such a note. */
export function bareFacts(text: string): Fact[] {
  const d = bareDoc(text);
  return extractFacts(d, splitEncounters(d));
}
