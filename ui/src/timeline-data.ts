/**
 * The Timeline screen's data for the open case, kept while its analysis is the one shown (the same `version`):
 * coming back to the tab draws it without asking again, and a case opened on the tab asks for it with the case.
 */
import { api } from './api';
import type { AnalysisView, ClaimantEntry, TimelineSources, TimelineView } from './types';

type Own = Promise<{ entries: ClaimantEntry[] }>;
let kept: { id: string; view: Promise<TimelineView>; sources?: Promise<TimelineSources> } | null = null;
let keptOwn: { id: string; own: Own } | null = null;

/** Asks for the case's timeline, and the claimant's entries on it, before its analysis is known (opening on the tab). */
export function prefetchTimeline(id: string): void {
  const view = api.timeline(id);
  view.catch(() => undefined); // a failure counts when the tab asks for it
  kept = { id, view };
  void ownEntriesOf(id).catch(() => undefined);
}

/** The claimant's entries on the timeline, kept until they change (`forgetOwnEntries`). */
export function ownEntriesOf(id: string): Own {
  if (keptOwn?.id !== id) {
    const own = api.entries(id);
    keptOwn = { id, own };
    own.catch(() => { if (keptOwn?.own === own) keptOwn = null; });
  }
  return keptOwn.own;
}

/** The entries changed (or may have: a case opens): the timeline asks for them again. */
export function forgetOwnEntries(): void {
  keptOwn = null;
}

/** The timeline of the analysis shown: the one kept if it is of that analysis, else asked for. */
export async function timelineOf(id: string, analysis: AnalysisView): Promise<TimelineView> {
  if (kept?.id === id) {
    const v = await kept.view.catch(() => null);
    if (v && v.version === analysis.version) return v;
  }
  const view = api.timeline(id);
  kept = { id, view };
  return view;
}

/** What that timeline cites (a newer `version` means the analysis changed meanwhile). */
export function sourcesOf(id: string, view: TimelineView): Promise<TimelineSources> {
  if (kept?.id !== id) kept = { id, view: Promise.resolve(view) };
  const k = kept;
  k.sources ??= api.timelineSources(id);
  k.sources.catch(() => { if (kept === k) k.sources = undefined; }); // asked for again next time
  return k.sources;
}
