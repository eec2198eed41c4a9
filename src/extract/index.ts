// STUB — replaced by the fact extractors (issue 2). Signature is the contract.
import type { Encounter, Fact, SourceDocument } from '../model/index.js';

/** Extract facts from every encounter of a text document, with context flags, dates and evidence. */
export function extractFacts(doc: SourceDocument, encounters: Encounter[]): Fact[] {
  void doc; void encounters;
  return [];
}
