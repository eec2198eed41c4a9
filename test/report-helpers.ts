/** Shared helpers for report tests: find citations in rendered output and match them to evidence. */
import type { CaseAnalysis, Evidence } from '../src/model/index.js';
import { collectEvidence } from '../src/model/index.js';

/** Deep copy with every string under the given keys replaced by `f(s)` (to inject hostile text). */
export function mapStrings<T>(value: T, keys: Set<string>, f: (s: string) => string, key = ''): T {
  if (typeof value === 'string') return (keys.has(key) ? f(value) : value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, keys, f, key)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, keys, f, k)])) as T;
  }
  return value;
}

export function allEvidence(a: CaseAnalysis): Evidence[] {
  return collectEvidence(a);
}

/** Markdown citations: `[loc "quote"]` with an optional ` · OCR n%`; returns unescaped location and quote. */
export function markdownCitations(md: string): { location: string; quote: string; ocr?: number }[] {
  const re = /\[((?:[^\]"\\\n]|\\.)+?) "((?:[^"\\\n]|\\.)*)"(?: · OCR (\d+)%)?\]/g;
  const unescape = (s: string) => s.replace(/\\(.)/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  return [...md.matchAll(re)].map((m) => ({ location: unescape(m[1]), quote: unescape(m[2]), ocr: m[3] ? Number(m[3]) : undefined }));
}

export function decodeHtml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}
