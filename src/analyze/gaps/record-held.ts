/**
 * Whether the claim file itself holds a record one of its papers calls missing. An examiner's "PT records were not
 * provided to me" speaks of the examiner's packet and an exhibit list's "requested, not received" of the day it was
 * printed: when the file holds that source's record of that kind and dates, nothing is missing.
 * Knowledge: lexicon/documents/records-held.json.
 */
import { z } from 'zod';
import type { DocumentStatus, Encounter } from '../../model/index.js';
import { phrasesSource, readLexiconFile } from '../../knowledge/lexicon.js';
import { findDates, type DateMention } from '../../knowledge/dates.js';
import { addDays } from '../../knowledge/date-math.js';
import type { GapContext } from './types.js';
import { NOTED_ABSENT } from '../../segment/document-role.js';

const Phrases = z.array(z.string().min(1));
const lexicon = readLexiconFile('documents/records-held.json', z.looseObject({
  kinds: z.array(z.object({ id: z.string().min(1), words: Phrases.min(1), specialties: Phrases.optional(), kinds: Phrases.optional() })),
  detail: Phrases, generic: Phrases, preInjury: Phrases,
}));
/** Abbreviations ("PT", "ED") are matched in capitals only: "pt" and "ed" are other words. */
const ABBREVIATION = /^[A-Z/]{2,}$/;
const matcher = (words: string[], flags: string): RegExp => (words.length ? new RegExp(phrasesSource(words), flags) : /(?!)/);
const KINDS = lexicon.kinds.map((k) => {
  const abbreviations = matcher(k.words.filter((w) => ABBREVIATION.test(w)), '');
  const words = matcher(k.words.filter((w) => !ABBREVIATION.test(w)), 'i');
  return { ...k, test: (text: string) => abbreviations.test(text) || words.test(text) };
});
const DETAIL = new RegExp(phrasesSource(lexicon.detail), 'i');
const GENERIC = new Set(lexicon.generic.map((w) => w.toLowerCase()));
const PRE_INJURY = new RegExp(phrasesSource(lexicon.preInjury), 'i');

/** One thing a line asks for: a source's name, a kind of paper, and the dates wanted. */
interface Item { names: string[]; kinds: typeof KINDS; dates: DateMention[]; text: string }

/** Parts of a line that each name one record: sentences, semicolons, "and"-joined items. */
const ITEM_BREAK = /;|(?<!\b(?:Dr|Mr|Mrs|Ms|St|No|vs|[A-Z]))\.\s+|\s+(?:and|&)\s+/;
/** A capitalised word: a source's name unless it is generic; all-capital abbreviations are kinds or left alone. */
const WORD = /\b[A-Z][a-z][A-Za-z'’-]*/g;
const AFTER = /\b(?:after|since|from|following|post)\s*$/i;
const BEFORE = /\b(?:before|prior to|pre-?)\s*$/i;
const RANGE_JOIN = /^\s*(?:-|–|to|through|thru)\s*$/i;
/** "06/12/2024 - present": from that date on. */
const ONWARD = /^\s*(?:-|–|to|through|thru)?\s*(?:present|date|now|current|onward)\b/i;
/** Days either side of an exact date that still count as that visit (a dictation or fax date beside it). */
const EXACT_SLACK = 3;

/** A sentence or bracket of a line (an examiner's "Souza notes …; flowsheets … (Therapy notes after … were not provided.)"). */
const SENTENCE_BREAK = new RegExp(`(?<!\\b(?:Dr|Mr|Mrs|Ms|St|No|vs|[A-Z]))\\.\\s+|\\s+(?=\\([^)]*${NOTED_ABSENT.source}[^)]*\\))`, 'i');

/** The records a line calls missing: the parts that say so, or the whole line when none does on its own. */
function itemsOf(text: string): Item[] {
  const sentences = text.split(SENTENCE_BREAK);
  const saying = sentences.filter((s) => NOTED_ABSENT.test(s));
  const items: Item[] = [];
  for (const part of (saying.length ? saying : sentences).flatMap((s) => s.split(ITEM_BREAK))) {
    const names = [...part.matchAll(WORD)].map((m) => m[0].replace(/['’]s$/, '')).filter((w) => !GENERIC.has(w.toLowerCase()));
    const kinds = KINDS.filter((k) => k.test(part));
    const dates = findDates(part);
    const prev = items.at(-1);
    // "operative reports 08/09/2022 and 03/21/2023": a part with dates only belongs to the record named before it.
    if (!names.length && !kinds.length && prev && dates.length) items.push({ names: prev.names, kinds: prev.kinds, dates, text: part });
    else items.push({ names, kinds, dates, text: part });
  }
  return items;
}

/** A file's name and its notes' providers and titles, as lower-case words ("05_HubCity_Ortho" → hub city ortho). */
function wordsOf(d: DocumentStatus, encounters: Encounter[]): Set<string> {
  const name = (d.file.split(/[\\/]/).pop() ?? '').replace(/([a-z])([A-Z])/g, '$1 $2');
  const text = [name, ...encounters.flatMap((e) => [e.provider.name ?? '', e.provider.organization ?? '', e.title ?? ''])].join(' ');
  return new Set(text.toLowerCase().split(/[^a-z'’]+/).filter(Boolean));
}

/** The dates a note documents: its own, and the visit rows of a flowsheet inside it. */
const datesOfNote = (e: Encounter): string[] => [...(e.date ? [e.date] : []), ...(e.visitRows ?? []).map((r) => r.date)];

/** Whether some note among these was written on the dates the item asks for. */
function datesHeld(item: Item, notes: Encounter[], onset: string | undefined): boolean {
  const dates = notes.flatMap(datesOfNote);
  if (!dates.length) return false;
  if (PRE_INJURY.test(item.text) && !(onset && dates.some((d) => d < onset))) return false;
  const ds = item.dates;
  for (let i = 0; i < ds.length; i++) {
    const m = ds[i];
    const before = item.text.slice(0, m.start);
    const next = ds[i + 1];
    if (next && RANGE_JOIN.test(item.text.slice(m.end, next.start))) {
      const to = next.precision === 'day' ? next.date : next.precision === 'month' ? addDays(next.date, 30) : `${next.date.slice(0, 4)}-12-31`;
      if (!dates.some((d) => d >= m.date && d <= to)) return false;
      i++;
      continue;
    }
    const ok = ONWARD.test(item.text.slice(m.end)) ? dates.some((d) => d >= m.date)
      : AFTER.test(before) ? dates.some((d) => d > m.date)
      : BEFORE.test(before) ? dates.some((d) => d < m.date)
        : m.precision === 'year' ? dates.some((d) => d.startsWith(m.date.slice(0, 4)))
          : m.precision === 'month' ? dates.some((d) => d.startsWith(m.date.slice(0, 7)))
            : dates.some((d) => d >= addDays(m.date, -EXACT_SLACK) && d <= addDays(m.date, EXACT_SLACK));
    if (!ok) return false;
  }
  return true;
}

interface Holder { file: string; notes: Encounter[]; words: Set<string> }
/** The papers that hold records, built once per case: every noted line of the case asks them. */
const holdersOf = new WeakMap<GapContext, Holder[]>();
function holders(ctx: GapContext): Holder[] {
  let found = holdersOf.get(ctx);
  if (found) return found;
  const byFile = new Map<string, Encounter[]>();
  for (const e of ctx.encounters.values()) {
    if (e.kind === 'billing' || e.documentRole === 'examining') continue;
    const list = byFile.get(e.file);
    if (list) list.push(e);
    else byFile.set(e.file, [e]);
  }
  // Clinical papers hold records; of the tables, a visit flowsheet does (its rows are visits), a billing ledger does not.
  found = ctx.documents.filter((d) => !d.misfiled && d.role?.role !== 'examining'
    && (d.role?.role !== 'administrative' || d.role.kind === 'billing'))
    .map((d) => {
      const notes = byFile.get(d.file) ?? [];
      return { file: d.file, notes, words: wordsOf(d, notes) };
    });
  holdersOf.set(ctx, found);
  return found;
}

/** Whether the file holds the record a line calls missing (every record the line names, of its kind and dates). */
export function heldByFile(ctx: GapContext, line: { text: string; evidence: { file: string }[] }): boolean {
  const noting = new Set(line.evidence.map((e) => e.file));
  const others = holders(ctx).filter((h) => !noting.has(h.file));
  const items = itemsOf(line.text).filter((i) => i.names.length || i.kinds.length || DETAIL.test(i.text));
  return items.length > 0 && items.every((item) => {
    if (DETAIL.test(item.text)) return false;
    const notes = others.filter((h) => item.names.every((n) => h.words.has(n.toLowerCase())))
      .flatMap((h) => h.notes.filter((e) => !item.kinds.length
        || item.kinds.some((k) => k.specialties?.includes(e.specialty) || k.kinds?.includes(e.kind))));
    return datesHeld(item, notes, ctx.claim.onset);
  });
}
