import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { z } from 'zod';

/**
 * A lexicon entry as written in lexicon/**.json: an id plus case-insensitive `patterns` and
 * case-sensitive `abbreviations` (so "PT" is physical therapy but "pt" stays "patient").
 * Patterns are regex sources that may use only non-capturing groups, so one combined
 * regex per lexicon can tell which entry matched from the group index.
 */
export interface LexiconEntry {
  id: string;
  patterns?: string[];
  abbreviations?: string[];
  [extra: string]: unknown;
}

export interface LexiconMatch<E extends LexiconEntry> {
  entry: E;
  start: number;
  end: number;
  text: string;
}

export interface CompiledLexicon<E extends LexiconEntry> {
  entries: E[];
  /** Non-overlapping matches in `text` (longest wins at a position), offsets relative to `text`. */
  match(text: string): LexiconMatch<E>[];
}

const lexiconRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../lexicon');

/**
 * Read and validate a JSON file under lexicon/ (relative path such as 'extract/modalities.json'): a domain expert
 * edits these files, so a wrong shape fails at load with the file and the field named, not later as a silent miss.
 */
export function readLexiconFile<S extends z.ZodType>(relative: string, schema: S): z.infer<S> {
  const raw: unknown = JSON.parse(readFileSync(path.join(lexiconRoot, relative), 'utf8'));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`lexicon/${relative}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

/** A lexicon entry's shape: an id and at least one pattern or abbreviation; other fields belong to the lexicon. */
export const LexiconEntrySchema = z.looseObject({
  id: z.string().min(1),
  patterns: z.array(z.string().min(1)).optional(),
  abbreviations: z.array(z.string().min(1)).optional(),
}).refine((e) => (e.patterns?.length ?? 0) + (e.abbreviations?.length ?? 0) > 0, { message: 'an entry needs patterns or abbreviations' });
/** A regex source kept in a lexicon file. */
export const RegexSource = z.string().min(1).refine((s) => { try { new RegExp(s); return true; } catch { return false; } }, { message: 'not a valid regular expression' });
/**
 * Regex cues keyed by an enum's values and tried in the file's order (the first that matches wins): a record whose
 * keys keep the order they are written in.
 */
export const orderedRecord = <T extends string>(keys: z.ZodEnum<Record<T, T>>) => z.record(z.string(), RegexSource)
  .refine((r) => Object.keys(r).every((k) => keys.safeParse(k).success), { message: `keys must be one of ${keys.options.join(', ')}` })
  .transform((r) => r as Record<T, string>);


const CAPTURING_GROUP = /(?<!\\)\((?!\?)/;
const WORD = 'A-Za-z0-9';

/**
 * A space in a pattern stands for any run of whitespace, so a phrase still matches where the line wraps
 * ("maximum medical\nimprovement"); spaces inside a character class keep their literal meaning.
 */
export function flexibleSpaces(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') { out += c + (source[i + 1] ?? ''); i++; continue; }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    if (c === ' ' && !inClass) {
      while (source[i + 1] === ' ') i++;
      // "P ?& ?S": an optional space stays optional (any whitespace or none).
      const q = source[i + 1];
      if (q === '?' || q === '*') { out += '\\s*'; i++; continue; }
      if (q === '+') { out += '\\s+'; i++; continue; }
      if (q === '{') { out += '\\s'; continue; }
      out += '\\s+';
      continue;
    }
    out += c;
  }
  return out;
}

function combine<E extends LexiconEntry>(items: { source: string; entry: E }[], flags: string): { re: RegExp; owners: E[] } | undefined {
  if (items.length === 0) return undefined;
  items = items.map((it) => ({ ...it, source: flexibleSpaces(it.source) }));
  for (const it of items) {
    if (CAPTURING_GROUP.test(it.source)) throw new Error(`lexicon ${it.entry.id}: use (?:...) not capturing groups in "${it.source}"`);
    new RegExp(it.source); // throws with the pattern in the message when invalid
  }
  const body = items.map((it) => `(${it.source})`).join('|');
  return { re: new RegExp(`(?<![${WORD}])(?:${body})(?![${WORD}])`, flags), owners: items.map((it) => it.entry) };
}

function run<E extends LexiconEntry>(c: { re: RegExp; owners: E[] }, text: string, out: LexiconMatch<E>[]): void {
  c.re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = c.re.exec(text))) {
    if (m[0].length === 0) { c.re.lastIndex++; continue; }
    let g = 1;
    while (g < m.length && m[g] === undefined) g++;
    out.push({ entry: c.owners[g - 1], start: m.index, end: m.index + m[0].length, text: m[0] });
  }
}

/**
 * Long records repeat whole sentences (templated notes, letterheads, copied-forward histories): matches are
 * memoised per sentence text (frozen, so no caller can alter a shared result), bounded to keep memory flat.
 */
const MEMO_LIMIT = 20000;

/** Precompile a lexicon into at most two combined regexes (case-insensitive and case-sensitive). */
export function compileLexicon<E extends LexiconEntry>(entries: E[]): CompiledLexicon<E> {
  const memo = new Map<string, LexiconMatch<E>[]>();
  const ci = combine(entries.flatMap((e) => (e.patterns ?? []).map((source) => ({ source, entry: e }))), 'gi');
  const cs = combine(entries.flatMap((e) => (e.abbreviations ?? []).map((source) => ({ source, entry: e }))), 'g');
  return {
    entries,
    match(text: string): LexiconMatch<E>[] {
      let hit = memo.get(text);
      if (!hit) {
        if (memo.size >= MEMO_LIMIT) memo.clear();
        hit = Object.freeze(matchAll(text)) as LexiconMatch<E>[];
        memo.set(text, hit);
      }
      return hit;
    },
  };
  function matchAll(text: string): LexiconMatch<E>[] {
      const all: LexiconMatch<E>[] = [];
      if (ci) run(ci, text, all);
      if (cs) run(cs, text, all);
      if (!cs || !ci) return all;
      all.sort((a, b) => a.start - b.start || b.end - a.end);
      const kept: LexiconMatch<E>[] = [];
      for (const m of all) {
        const last = kept[kept.length - 1];
        if (last && m.start < last.end) continue;
        kept.push(m);
      }
      return kept;
  }
}

/** Load and compile `lexicon/<relative>` whose JSON has an `entries` array. */
export function loadLexicon<E extends LexiconEntry>(relative: string): CompiledLexicon<E> {
  return compileLexicon(readLexiconFile(relative, z.looseObject({ entries: z.array(LexiconEntrySchema) })).entries as E[]);
}

/** A plain phrase as a regex: whole words, any whitespace between them, a trailing '*' for any word ending. */
export function phraseSource(phrase: string): string {
  return `${WORD_START}${phraseBody(phrase)}${WORD_END}`;
}
const WORD_START = '(?<![A-Za-z0-9])';
const WORD_END = '(?![A-Za-z0-9])';
function phraseBody(phrase: string): string {
  return phrase.trim().split(/\s+/).map((w) => {
    const open = w.endsWith('*');
    const body = (open ? w.slice(0, -1) : w).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return open ? `${body}\\w*` : body;
  }).join('\\s+');
}
/** Any of the phrases, whole words: the word boundaries tested once around the list, not once per phrase (a long list runs over whole records). */
export function phrasesSource(phrases: readonly string[]): string {
  return `${WORD_START}(?:${phrases.map(phraseBody).join('|')})${WORD_END}`;
}

/** A test for a lexicon file's plain-phrase list (`{ "<key>": { "phrases": [...] } }`): whether a text holds any of them. */
export function phraseListTest(relative: string, key: string): (text: string) => boolean {
  const list = readLexiconFile(relative, z.looseObject({ [key]: z.looseObject({ phrases: z.array(z.string().min(1)).min(1) }) }))[key] as { phrases: string[] };
  const re = new RegExp(phrasesSource(list.phrases), 'i');
  return (text) => re.test(text);
}
