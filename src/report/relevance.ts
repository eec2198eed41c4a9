/**
 * Which citations a reader sees first. A treatment course or a limitation can rest on twenty quotes;
 * the report shows the two or three that prove it (the procedure, the decisive event, the latest
 * statement) and folds the rest behind a count, still numbered in the evidence appendix.
 */
import type { CaseAnalysis, Evidence, TimelineEntry } from '../model/index.js';
import { distinctEvidence } from './citation.js';

export interface Picked { shown: Evidence[]; rest: Evidence[] }

const keyOf = (e: Evidence) => `${e.file}\u0000${e.start}\u0000${e.end}`;

/** Events that settle what happened to a treatment. */
const DECISIVE = new Set(['declined', 'denied', 'discontinued', 'completed']);

export class EvidenceRanker {
  private readonly factEvidence = new Map<string, Evidence[]>();
  private readonly dates = new Map<string, string>();

  constructor(a: CaseAnalysis) {
    for (const f of a.facts) {
      this.factEvidence.set(f.id, f.evidence);
      if (f.date) for (const e of f.evidence) if (!this.dates.has(keyOf(e))) this.dates.set(keyOf(e), f.date);
    }
  }

  dateOf(e: Evidence): string | undefined {
    return this.dates.get(keyOf(e));
  }

  /** Up to `n` items, preferred ones first, shown in date order (undated last); the rest in their given order. */
  pick(list: Evidence[], preferred: Evidence[], n: number): Picked {
    const all = distinctEvidence(list);
    const chosen = new Set(distinctEvidence(preferred.filter((e) => all.some((x) => keyOf(x) === keyOf(e)))).slice(0, n).map(keyOf));
    for (const e of all) if (chosen.size < n) chosen.add(keyOf(e));
    const shown = all.filter((e) => chosen.has(keyOf(e)))
      .map((e, i) => ({ e, i, d: this.dateOf(e) ?? '\uffff' }))
      .sort((x, y) => x.d.localeCompare(y.d) || x.i - y.i)
      .map((x) => x.e);
    return { shown, rest: all.filter((e) => !chosen.has(keyOf(e))) };
  }

  /**
   * A treatment course: the first procedure or session performed, the event that settled it (declined,
   * discontinued, completed) or else the latest event, then the course's own summary evidence.
   */
  timeline(entry: TimelineEntry, extra: Evidence[] = [], n = 3): Picked {
    const dated = entry.events.filter((e) => e.date).sort((x, y) => x.date!.localeCompare(y.date!));
    const ev = (factId: string | undefined) => (factId ? this.factEvidence.get(factId)?.slice(0, 1) ?? [] : []);
    const firstDone = dated.find((e) => e.status === 'performed' || e.status === 'ongoing' || e.status === 'completed');
    const decisive = [...dated].reverse().find((e) => DECISIVE.has(e.status)) ?? dated[dated.length - 1];
    const preferred = [...ev(decisive?.factId), ...ev(firstDone?.factId), ...entry.evidence.slice(0, 1)];
    const all = distinctEvidence([...preferred, ...entry.evidence, ...extra]);
    return this.pick(all, preferred, n);
  }

  /** Any list: the latest statement, the earliest (how long it has stood), and one from another file. */
  spread(list: Evidence[], n = 3): Picked {
    const all = distinctEvidence(list);
    const dated = all.filter((e) => this.dateOf(e)).sort((x, y) => this.dateOf(x)!.localeCompare(this.dateOf(y)!));
    const latest = dated[dated.length - 1];
    const earliest = dated[0];
    const files = new Set([latest, earliest].filter(Boolean).map((e) => e.file));
    const otherFile = all.find((e) => !files.has(e.file));
    const preferred = [latest, earliest, otherFile].filter((e): e is Evidence => e !== undefined);
    return this.pick(all, preferred, n);
  }
}
