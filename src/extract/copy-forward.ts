/**
 * Copy-forward: a treatment sentence carried unchanged into later notes ("Currently in PT 3x/week, progressing.",
 * "SCS trial planned April.") restates the first note. Its later copies are history, not care at those visits.
 */
import type { Encounter, Fact } from '../model/index.js';

/** Shorter sentences ("Continue HEP.") are legitimately written again at each visit. */
const MIN_COPIED = 30;

export function markCopiedForward(facts: Fact[], encounters: Encounter[]): void {
  const byId = new Map(encounters.map((e) => [e.id, e]));
  const first = new Map<string, { date: string; encounterId: string }>();
  const key = (f: Fact) => `${f.type}|${(f.attributes as { modality?: string }).modality ?? ''}|${f.evidence[0]?.quote.toLowerCase().replace(/\s+/g, ' ').trim() ?? ''}`;
  const eligible = (f: Fact) => f.type === 'treatment' && (f.evidence[0]?.quote.trim().length ?? 0) >= MIN_COPIED && byId.get(f.encounterId)?.source === 'note';
  const dateOf = (f: Fact) => byId.get(f.encounterId)?.date;
  for (const f of facts) {
    const d = dateOf(f);
    if (!eligible(f) || !d) continue;
    const k = key(f);
    const cur = first.get(k);
    if (!cur || d < cur.date) first.set(k, { date: d, encounterId: f.encounterId });
  }
  for (const f of facts) {
    const d = dateOf(f);
    if (!eligible(f) || !d || f.temporality !== 'current') continue;
    const orig = first.get(key(f));
    if (!orig || orig.date >= d || orig.encounterId === f.encounterId) continue;
    f.temporality = 'historical';
    const ev = f.evidence[0];
    f.context = [...f.context, { category: 'historical', trigger: `copied forward from the note of ${orig.date}`, start: ev.start, end: ev.start }];
  }
}
