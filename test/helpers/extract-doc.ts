import type { SourceDocument } from '../../src/model/index.js';
import { splitEncounters } from '../../src/segment/encounters.js';
import { extractFacts } from '../../src/extract/index.js';

export function textDoc(text: string, file = 'note.txt'): SourceDocument {
  const pages = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) if (i === text.length || text[i] === '\f') { pages.push({ n: pages.length + 1, start, end: i }); start = i + 1; }
  return { id: file, file, kind: 'text', text, pages, warnings: [], meta: {} };
}

/** Facts of one note that starts with a date-of-service header so the encounter is dated. */
export function factsOf(body: string) {
  const doc = textDoc(`DATE OF SERVICE: 03/14/2024\n${body}\n`);
  const encounters = splitEncounters(doc);
  return { doc, encounters, facts: extractFacts(doc, encounters) };
}
