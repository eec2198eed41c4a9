// STUB — replaced by the encounter splitter (issue 2). Signature is the contract.
import type { Encounter, SourceDocument } from '../model/index.js';

/** Split a text document into encounters at date-of-service / visit headers; every character belongs to one encounter. */
export function splitEncounters(doc: SourceDocument): Encounter[] {
  return [{
    id: `${doc.id}#e1`, documentId: doc.id, file: doc.file, start: 0, end: doc.text.length,
    provider: {}, specialty: 'unknown', kind: 'unknown', evidence: [], source: 'note',
  }];
}
