// STUB — replaced by the section detector (issue 3). Signature is the contract.
import type { Section } from '../model/index.js';

/** Find section headings in text[start, end); each section runs to the next heading. */
export function findSections(text: string, start = 0, end = text.length): Section[] {
  void text;
  return [{ title: '', kind: 'other', start, end }];
}
