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

/**
 * A drug still listed after a note says it was stopped ("Cyclobenzaprine 10 mg qhs" in every later medication list,
 * though the 06/16 note stopped it) is a stale list entry, not a drug the claimant takes, unless a later note
 * restarts it.
 */
export function markStaleMedicationLists(facts: Fact[], encounters: Encounter[]): void {
  const dateOf = new Map(encounters.map((e) => [e.id, e.date]));
  const stopped = new Map<string, string>();
  const restarted = new Map<string, string[]>();
  for (const f of facts) {
    if (f.type !== 'treatment' || f.attributes.modality !== 'medication' || !f.attributes.drug || f.negated || f.temporality !== 'current') continue;
    const d = f.date ?? dateOf.get(f.encounterId);
    if (!d) continue;
    const drug = f.attributes.drug;
    if (f.attributes.status === 'discontinued' || f.attributes.doseChange === 'stopped') {
      if ((stopped.get(drug) ?? '9999') > d) stopped.set(drug, d);
    } else if (f.attributes.doseChange === 'started' || f.attributes.doseChange === 'switched') {
      restarted.set(drug, [...(restarted.get(drug) ?? []), d]);
    }
  }
  for (const f of facts) {
    if (f.type !== 'treatment' || f.attributes.modality !== 'medication' || !f.attributes.drug || f.temporality !== 'current') continue;
    if (f.attributes.status !== 'ongoing' || f.attributes.doseChange) continue;
    const d = f.date ?? dateOf.get(f.encounterId);
    const stop = stopped.get(f.attributes.drug);
    if (!d || !stop || d <= stop || (restarted.get(f.attributes.drug) ?? []).some((r) => r > stop && r <= d)) continue;
    f.temporality = 'historical';
    const ev = f.evidence[0];
    f.context = [...f.context, { category: 'historical', trigger: `listed after it was stopped on ${stop}`, start: ev.start, end: ev.start }];
  }
}

/**
 * An examiner's report (IME, QME, CE, designated doctor) reviews the care others gave: the treatments it names
 * as done are history told by the examiner, not care given at the examination.
 */
export function markExaminerReview(facts: Fact[], encounters: Encounter[]): void {
  const examining = new Set(encounters.filter((e) => e.documentRole === 'examining').map((e) => e.id));
  for (const f of facts) {
    if (f.type !== 'treatment' || !examining.has(f.encounterId) || f.temporality !== 'current') continue;
    if (!['performed', 'ongoing', 'completed', 'discontinued'].includes(f.attributes.status)) continue;
    f.temporality = 'historical';
    const ev = f.evidence[0];
    f.context = [...f.context, { category: 'historical', trigger: "records review in an examiner's report", start: ev.start, end: ev.start }];
  }
}
