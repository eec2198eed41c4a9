/**
 * Loads lexicon/context/*.json and compiles every phrase into one token trie, so the engine finds
 * all triggers, pseudo-triggers and terminators of a sentence in a single left-to-right pass.
 *
 * Regex-lite: a pattern is words plus groups "(a|b|c)"; an empty alternative "(a|)" makes the
 * group optional. Patterns are expanded into plain phrases when the lexicon is compiled.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { z } from 'zod';
import { tokenize } from './tokenize.js';
import type { ContextCategory, Direction, LexiconEntry } from './types.js';

const LEXICON_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../lexicon/context');
const TRIGGER_FILES = ['negation.json', 'possible.json', 'hypothetical.json', 'historical.json', 'experiencer.json', 'pseudo.json', 'terminators.json'];

const CategorySchema = z.enum(['negated', 'possible', 'hypothetical', 'historical', 'other_experiencer', 'pseudo', 'terminator']);
const EntrySchema = z.object({
  phrase: z.string().optional(),
  pattern: z.string().optional(),
  category: CategorySchema,
  direction: z.enum(['forward', 'backward', 'both', 'self']).optional(),
  terminates: z.array(CategorySchema).optional(),
  window: z.number().int().nonnegative().optional(),
  note: z.string().optional(),
}).refine((e) => (e.phrase === undefined) !== (e.pattern === undefined), { message: 'give exactly one of phrase or pattern' });
const FileSchema = z.object({ description: z.string(), maxScopeWords: z.number().int().positive().optional(), entries: z.array(EntrySchema) });

const SectionDefaultsSchema = z.object({
  description: z.string(),
  sections: z.record(z.string(), z.object({
    experiencer: z.literal('other').optional(),
    temporality: z.enum(['historical', 'hypothetical']).optional(),
    planned: z.boolean().optional(),
    note: z.string().optional(),
  })),
});
export type SectionDefaults = z.infer<typeof SectionDefaultsSchema>['sections'];

/** A compiled rule: what a matched phrase means. */
export interface CompiledRule {
  category: ContextCategory | 'pseudo' | 'terminator';
  direction: Direction;
  /** Categories whose scope this terminator ends (terminators only). */
  terminates?: ReadonlySet<ContextCategory>;
  window?: number;
  source: string;
}

export interface TrieNode {
  next: Map<string, TrieNode>;
  /** Rules for the phrase ending here; a phrase may carry several meanings ("no history of"). */
  rules?: CompiledRule[];
}

export interface CompiledLexicon {
  root: TrieNode;
  maxScopeWords: number;
  sectionDefaults: SectionDefaults;
  phraseCount: number;
}

/** Expand "(a|b) c (d|)" into ["a c d", "a c", "b c d", "b c"]. Groups do not nest. */
export function expandPattern(pattern: string): string[] {
  if (/\([^)]*\(/.test(pattern)) throw new Error(`nested groups are not supported: ${pattern}`);
  if (pattern.replace(/\([^()]*\)/g, '').includes('|')) throw new Error(`alternatives outside a group are not supported: ${pattern}`);
  let variants = [''];
  const re = /\(([^()]*)\)|[^()]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(pattern))) {
    const options = m[1] !== undefined ? m[1].split('|') : [m[0]];
    const next: string[] = [];
    for (const v of variants) for (const o of options) next.push(v + o);
    variants = next;
  }
  return [...new Set(variants.map((v) => v.replace(/\s+/g, ' ').trim()).filter((v) => v.length > 0))];
}

export function compileEntries(entries: LexiconEntry[], maxScopeWords: number, sectionDefaults: SectionDefaults = {}): CompiledLexicon {
  const root: TrieNode = { next: new Map() };
  let phraseCount = 0;
  for (const e of entries) {
    const phrases = e.phrase !== undefined ? [e.phrase] : expandPattern(e.pattern ?? '');
    const rule: CompiledRule = {
      category: e.category,
      direction: e.direction ?? 'forward',
      terminates: e.terminates ? new Set(e.terminates.filter((c): c is ContextCategory => c !== 'pseudo' && c !== 'terminator')) : undefined,
      window: e.window,
      source: e.phrase ?? e.pattern ?? '',
    };
    for (const phrase of phrases) {
      const toks = tokenize(phrase);
      if (toks.length === 0) continue;
      let node = root;
      for (const t of toks) {
        let child = node.next.get(t.norm);
        if (!child) { child = { next: new Map() }; node.next.set(t.norm, child); }
        node = child;
      }
      // A pseudo-trigger cancels every other meaning of the same phrase; otherwise meanings add up.
      if (node.rules?.some((r) => r.category === 'pseudo')) continue;
      if (rule.category === 'pseudo') node.rules = [rule];
      else if (!node.rules?.some((r) => r.category === rule.category)) (node.rules ??= []).push(rule);
      phraseCount++;
    }
  }
  return { root, maxScopeWords, sectionDefaults, phraseCount };
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(path.join(LEXICON_DIR, file), 'utf8'));
}

/** Read and compile the shipped lexicon. */
export function loadContextLexicon(): CompiledLexicon {
  const entries: LexiconEntry[] = [];
  let maxScopeWords = 16;
  for (const file of TRIGGER_FILES) {
    const parsed = FileSchema.safeParse(readJson(file));
    if (!parsed.success) throw new Error(`lexicon/context/${file}: ${parsed.error.message}`);
    if (parsed.data.maxScopeWords) maxScopeWords = parsed.data.maxScopeWords;
    entries.push(...parsed.data.entries);
  }
  const sections = SectionDefaultsSchema.parse(readJson('section-defaults.json')).sections;
  return compileEntries(entries, maxScopeWords, sections);
}

let cached: CompiledLexicon | undefined;
export function contextLexicon(): CompiledLexicon {
  cached ??= loadContextLexicon();
  return cached;
}
