/** RTF records: a minimal RTF-to-text reader, enough for clinic letters. */
import type { SourceDocument } from '../model/index.js';
import { ReadError, pagesFromFormFeeds } from './text.js';

/** Destinations whose content is not body text (font tables, styles, pictures, metadata). */
const SKIP = new Set(['fonttbl', 'colortbl', 'stylesheet', 'info', 'pict', 'header', 'footer', 'headerl', 'headerr', 'footerl', 'footerr', 'listtable', 'listoverridetable', 'rsidtbl', 'generator', 'xmlnstbl', 'themedata', 'colorschememapping', 'latentstyles', 'datastore', 'object', 'fldinst']);

/**
 * Minimal RTF → text: drop control words and skipped destinations, turn \par/\line into newlines,
 * \page into a form feed, decode \'hh (cp1252) and \uN escapes. Enough for clinic letters.
 */
export function rtfToText(rtf: string): string {
  let out = '';
  const stack: { skip: boolean; uc: number }[] = [{ skip: false, uc: 1 }];
  let skipChars = 0;
  const decoder = new TextDecoder('windows-1252');
  for (let i = 0; i < rtf.length; i++) {
    const ch = rtf[i];
    const top = stack[stack.length - 1];
    if (ch === '{') { stack.push({ ...top }); continue; }
    if (ch === '}') { if (stack.length > 1) stack.pop(); continue; }
    if (ch === '\\') {
      const next = rtf[i + 1];
      if (next === '\\' || next === '{' || next === '}') { if (!top.skip) out += next; i++; continue; }
      if (next === '*') { top.skip = true; i++; continue; }
      if (next === "'") {
        const byte = parseInt(rtf.slice(i + 2, i + 4), 16);
        if (skipChars > 0) skipChars--; else if (!top.skip && !Number.isNaN(byte)) out += decoder.decode(new Uint8Array([byte]));
        i += 3;
        continue;
      }
      const m = /^([a-z]{1,32})(-?\d{1,10})? ?/.exec(rtf.slice(i + 1, i + 45));
      if (!m) { i++; continue; }
      i += m[0].length;
      const word = m[1];
      const arg = m[2] !== undefined ? Number(m[2]) : undefined;
      if (SKIP.has(word)) top.skip = true;
      else if (top.skip) { /* inside a skipped destination */ }
      else if (word === 'par' || word === 'line') out += '\n';
      else if (word === 'page') out += '\f';
      else if (word === 'tab') out += '\t';
      else if (word === 'uc' && arg !== undefined) top.uc = arg;
      else if (word === 'u' && arg !== undefined) { out += String.fromCharCode(arg < 0 ? arg + 65536 : arg); skipChars = top.uc; }
      continue;
    }
    if (ch === '\r' || ch === '\n') continue;
    if (skipChars > 0) { skipChars--; continue; }
    if (!top.skip) out += ch;
  }
  return out.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

export function readRtf(id: string, file: string, bytes: Buffer, exhibit: string | undefined): SourceDocument {
  const text = rtfToText(bytes.toString('latin1'));
  if (!text) throw new ReadError('RTF document has no text');
  const pages = pagesFromFormFeeds(text);
  if (exhibit) for (const p of pages) p.exhibit = `${exhibit}/${p.n}`;
  return { id, file, kind: 'rtf', text, pages, exhibit, warnings: [], meta: {} };
}
