/**
 * Tokeniser shared by the context lexicon and the engine, so a phrase and the text it must match
 * are cut the same way. Words are runs of letters/digits (lower-cased); every other non-space
 * character is a token of its own. A '.' that is not followed by a space or the end (p.r.n., 0.5)
 * becomes '·' so only a sentence-like full stop can act as a terminator; so does the stop of a title
 * ("Dr. Kimbrough may switch to pregabalin": the sentence goes on).
 */
export interface Token {
  norm: string;
  start: number;
  end: number;
  /** True for letter/digit tokens (they count towards a scope window; punctuation does not). */
  word: boolean;
}

const TITLES = new Set(['dr', 'drs', 'mr', 'mrs', 'ms', 'prof', 'vs', 'st']);

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c > 127 && c !== 160 && c !== 8203);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 160;
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) { i++; continue; }
    if (isWordChar(c)) {
      let j = i + 1;
      while (j < n && isWordChar(text.charCodeAt(j))) j++;
      out.push({ norm: text.slice(i, j).toLowerCase(), start: i, end: j, word: true });
      i = j;
      continue;
    }
    let norm = text[i];
    const prev = out[out.length - 1];
    if (norm === '.' && ((i + 1 < n && !isSpace(text.charCodeAt(i + 1))) || (prev?.end === i && TITLES.has(prev.norm)))) norm = '·';
    else if (norm === '\u2019') norm = "'";
    out.push({ norm, start: i, end: i + 1, word: false });
    i++;
  }
  return out;
}
