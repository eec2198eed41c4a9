/** CPT/HCPCS billing codes: splitting modifiers off and looking up what a code bills for. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Modality } from '../model/index.js';

/** A billed code's meaning, from lexicon/cpt.json. */
export type CodeMeaning =
  | { kind: 'treatment'; code: string; modality: Modality; subtype?: string; region?: string; label: string }
  | { kind: 'visit'; code: string; label: string };

interface CodeRow { code?: string; from?: string; to?: string; modality?: Modality; subtype?: string; level?: string; label: string }
interface CptLexicon { codes: CodeRow[]; visits: CodeRow[]; modifiers: Record<string, string>; terms: { pattern: string; modality: Modality }[] }

const lexicon = JSON.parse(readFileSync(fileURLToPath(new URL('../../lexicon/cpt.json', import.meta.url)), 'utf8')) as CptLexicon;
const terms = lexicon.terms.map((t) => ({ re: new RegExp(t.pattern, 'i'), modality: t.modality }));

/** Same-length codes compare as strings ("G0283", "97161"), so ranges work for CPT and HCPCS alike. */
function inRow(code: string, row: CodeRow): boolean {
  if (row.code) return row.code === code;
  return !!row.from && !!row.to && code.length === row.from.length && code >= row.from && code <= row.to;
}

/** "97110-GP", "98941 AT", "64483-50" → the five-character code and its modifiers. */
/** One code of a cell that bills several, with its own modifiers and units ("20526-LT", "95886 x2"). */
const CODE_TOKEN = /([0-9]{4}[0-9TF]|[A-V][0-9]{4})((?:-[A-Z0-9]{2})*)(?:\s*x\s*\d+)?/gi;

export function splitCode(raw: string): { code: string; modifiers: string[] } | undefined {
  // "97545/97546" (a first unit and its add-on billed on one row): the row is read by its first code.
  // "97110,97530", "97116 97112 97110", "95911 / 95886 x2": several codes in one cell, read by the first as well,
  // except that a visit code ahead of a treatment ("99213/20611/J3301", "99244 20526-LT J3301", an office visit with
  // its injection) gives way to the treatment, which keeps its own modifiers.
  const tokens = [...raw.matchAll(CODE_TOKEN)];
  if (tokens.length >= 2 && !raw.replace(CODE_TOKEN, '').replace(/[\s/,;]+/g, '')) {
    const codes = tokens.map((t) => ({ code: t[1].toUpperCase(), modifiers: t[2].toUpperCase().split('-').filter(Boolean) }));
    // (An anesthesia code ahead of a block, "01630;64415", is the operation's anesthesia: the row stays the first code's.)
    const treatment = lookupCode(codes[0].code)?.kind === 'visit' ? codes.find((c) => lookupCode(c.code)?.kind === 'treatment') : undefined;
    return treatment ?? codes[0];
  }
  const m = /^\s*([0-9]{4}[0-9TF]|[A-V][0-9]{4})\b(?:\s*[-: ,]?\s*([A-Z0-9]{2}(?:\s*[-, ]\s*[A-Z0-9]{2})*))?\s*$/i.exec(raw);
  if (!m) return undefined;
  const modifiers = m[2] ? m[2].toUpperCase().split(/[\s,-]+/).filter(Boolean) : [];
  return { code: m[1].toUpperCase(), modifiers };
}

export function lookupCode(code: string): CodeMeaning | undefined {
  const t = lexicon.codes.find((r) => inRow(code, r));
  if (t?.modality) return { kind: 'treatment', code, modality: t.modality, subtype: t.subtype, region: t.level, label: t.label };
  const v = lexicon.visits.find((r) => inRow(code, r));
  if (v) return { kind: 'visit', code, label: v.label };
  return undefined;
}

/** Modality named by a procedure's display text ("Transforaminal epidural injection ..."). */
export function modalityFromText(display: string): Modality | undefined {
  return terms.find((t) => t.re.test(display))?.modality;
}

/** Physical medicine (97xxx) and chiropractic manipulation (9894x): a therapy session's code. */
export const THERAPY_SESSION_CODE = /^(?:97\d{3}|9894\d)$/;

/** Chiropractic manipulation codes where the AT modifier separates active care from maintenance. */
export function isChiroSpinalCmt(code: string): boolean {
  return code >= '98940' && code <= '98942' && code.length === 5;
}
