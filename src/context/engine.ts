/**
 * ConText-style clinical context engine. One left-to-right pass over the sentence's tokens finds
 * triggers, pseudo-triggers and terminators (longest match wins, so a pseudo-trigger such as
 * "no increase" hides the "no" inside it). A trigger applies to the target when the target lies in
 * its scope: after it (forward) or before it (backward), with no terminator in between and within
 * the word window. Section defaults (family history, past history) apply when no trigger overrides.
 */
import type { ContextCue } from '../model/index.js';
import { contextLexicon, type CompiledLexicon, type CompiledRule } from './lexicon.js';
import { tokenize, type Token } from './tokenize.js';
import type { ContextCategory, ContextOptions, ContextResult } from './types.js';

/** A lexicon phrase found in a sentence: tokens [first, last] and characters [start, end). */
export interface TriggerMatch {
  rules: CompiledRule[];
  first: number;
  last: number;
  start: number;
  end: number;
}

/** What a list item's bracketed number holds: "(1)", "(2)", "(a)". */
const LIST_MARK = /^(?:\d{1,2}|[a-h])$/;

/** All lexicon phrases in the sentence, leftmost-longest, non-overlapping. */
export function matchTriggers(tokens: Token[], lex: CompiledLexicon = contextLexicon()): TriggerMatch[] {
  const out: TriggerMatch[] = [];
  const n = tokens.length;
  let i = 0;
  while (i < n) {
    let node = lex.root.next.get(tokens[i].norm);
    // A list item's number, "(1) resume PT x 6 wks", closes no parenthesis a trigger was inside.
    if (!node || (tokens[i].norm === ')' && i >= 2 && tokens[i - 2].norm === '(' && LIST_MARK.test(tokens[i - 1].norm))) { i++; continue; }
    let best: CompiledRule[] | undefined;
    let bestEnd = -1;
    let j = i;
    for (;;) {
      if (node.rules) { best = node.rules; bestEnd = j; }
      if (j + 1 >= n) break;
      const child: typeof node | undefined = node.next.get(tokens[j + 1].norm);
      if (!child) break;
      node = child;
      j++;
    }
    if (best) {
      out.push({ rules: best, first: i, last: bestEnd, start: tokens[i].start, end: tokens[bestEnd].end });
      i = bestEnd + 1;
    } else i++;
  }
  return out;
}

function isTrigger(cat: CompiledRule['category']): cat is ContextCategory {
  return cat !== 'pseudo' && cat !== 'terminator';
}

function terminatesScope(m: TriggerMatch, category: ContextCategory): boolean {
  return m.rules.some((r) => r.category === 'terminator' && (!r.terminates || r.terminates.has(category)));
}

/** Token range covered by characters [start, end); an empty span sits before the next token. */
function targetTokens(tokens: Token[], start: number, end: number): [number, number] {
  let first = 0;
  while (first < tokens.length && tokens[first].end <= start) first++;
  let last = first - 1;
  while (last + 1 < tokens.length && tokens[last + 1].start < end) last++;
  return [first, last];
}

interface Scope { matches: TriggerMatch[]; wordsBefore: Int32Array }

/** Whether `m` reaches the target tokens [tFirst, tLast] given terminators and the word window. */
function reaches(m: TriggerMatch, rule: CompiledRule, category: ContextCategory, tFirst: number, tLast: number, scope: Scope, maxWords: number): boolean {
  if (rule.direction === 'self') return m.last >= tFirst && m.first <= tLast;
  if (m.last >= tFirst && m.first <= tLast) return false; // overlaps the target: part of the concept itself
  const window = rule.window ?? maxWords;
  const dir = rule.direction;
  let lo: number; let hi: number; // the gap between trigger and target, as token indices [lo, hi)
  if (m.last < tFirst && dir !== 'backward') { lo = m.last + 1; hi = tFirst; }
  else if (m.first > tLast && dir !== 'forward') { lo = tLast + 1; hi = m.first; }
  else return false;
  if (scope.wordsBefore[hi] - scope.wordsBefore[lo] > window) return false;
  for (const other of scope.matches) {
    if (other.first >= hi) break;
    if (other.first >= lo && terminatesScope(other, category)) return false;
  }
  return true;
}

function cue(category: ContextCue['category'], trigger: string, start: number, end: number, offset: number): ContextCue {
  return { category, trigger, start: start + offset, end: end + offset };
}

/** The last sentence's tokens and triggers: extractors ask about many mentions of one sentence in a row. */
let lastSentence: { sentence: string; lex: CompiledLexicon; tokens: Token[]; matches: TriggerMatch[]; wordsBefore: Int32Array } | undefined;
function sentenceTriggers(sentence: string, lex: CompiledLexicon): NonNullable<typeof lastSentence> {
  if (lastSentence?.sentence === sentence && lastSentence.lex === lex) return lastSentence;
  const tokens = tokenize(sentence);
  const matches = matchTriggers(tokens, lex);
  const wordsBefore = new Int32Array(tokens.length + 1);
  for (let i = 0; i < tokens.length; i++) wordsBefore[i + 1] = wordsBefore[i] + (tokens[i].word ? 1 : 0);
  return (lastSentence = { sentence, lex, tokens, matches, wordsBefore });
}

/** Decide negation, certainty, temporality and experiencer of sentence[targetStart, targetEnd). */
export function assessContext(sentence: string, targetStart: number, targetEnd: number, options: ContextOptions = {}): ContextResult {
  const lex = contextLexicon();
  const { tokens, matches, wordsBefore } = sentenceTriggers(sentence, lex);
  const [tFirst, tLast] = targetTokens(tokens, targetStart, targetEnd);
  const scope: Scope = { matches, wordsBefore };
  const offset = options.offset ?? 0;

  const found = new Set<ContextCategory>();
  const cues: ContextCue[] = [];
  for (const m of matches) {
    for (const rule of m.rules) {
      const cat = rule.category;
      if (!isTrigger(cat)) continue;
      if (!reaches(m, rule, cat, tFirst, tLast, scope, lex.maxScopeWords)) continue;
      found.add(cat);
      cues.push(cue(cat, sentence.slice(m.start, m.end), m.start, m.end, offset));
    }
  }

  let temporality: ContextResult['temporality'] = found.has('hypothetical') ? 'hypothetical' : found.has('historical') ? 'historical' : 'current';
  let experiencer: ContextResult['experiencer'] = found.has('other_experiencer') ? 'other' : 'patient';

  const defaults = options.section ? lex.sectionDefaults[options.section] : undefined;
  if (defaults && (defaults.experiencer || defaults.temporality)) {
    let used = false;
    if (defaults.experiencer === 'other' && experiencer === 'patient') { experiencer = 'other'; used = true; }
    if (defaults.temporality && temporality === 'current') { temporality = defaults.temporality; used = true; }
    if (used) {
      const h = options.sectionHeading;
      cues.push(h
        ? { category: 'section', trigger: h.title, start: h.start, end: h.end }
        : cue('section', options.section ?? '', targetStart, targetEnd, offset));
    }
  }

  return {
    negated: found.has('negated'),
    certainty: found.has('possible') ? 'possible' : 'affirmed',
    temporality,
    experiencer,
    cues,
  };
}

/** Sentence-level verdict when no target can be located: the sentence's last word stands for it. */
export function assessSentence(sentence: string, options: ContextOptions = {}): ContextResult {
  const words = tokenize(sentence).filter((t) => t.word);
  const last = words[words.length - 1];
  return last ? assessContext(sentence, last.start, last.end, options) : assessContext(sentence, 0, 0, options);
}
