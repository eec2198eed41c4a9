/** The claimant's guide: a plain-language summary of the analysis and questions to take to each provider. */
import type { CaseAnalysis, FloorItem, Gap, MmiAssessment, TimelineEntry } from '../model/index.js';
import type { Profile } from '../profiles/index.js';

type Guide = CaseAnalysis['claimant'];

function mmiLine(mmi: MmiAssessment): string {
  switch (mmi.status) {
    case 'explicit':
      return `${mmi.statedBy ?? 'A provider'} wrote that you reached MMI${mmi.date ? ` on ${mmi.date}` : ''}.`;
    case 'implied':
      return `No doctor has written that you reached MMI. But since ${mmi.date}, your visits have only kept things the same, with no new treatment. That pattern suggests MMI, but it is our reading of your records, not a doctor's opinion.`;
    case 'not_reached':
      if (mmi.priorMmi) return `${mmi.priorMmi.statedBy ?? 'A provider'} once wrote that you had reached MMI${mmi.priorMmi.date ? ` (${mmi.priorMmi.date})` : ''}, but that no longer holds: ${mmi.priorMmi.reason.replace(/\.$/, '')}. You are not at MMI now.`;
      return 'Your records show treatment is still going on or planned, so you are probably not at MMI yet.';
    case 'insufficient_evidence':
      return 'There is not enough in your records yet to tell whether you have reached MMI.';
  }
}

/** What is uncertain or disputed, said plainly: who disagrees, and that the claimant should ask about it. */
function disputeLine(mmi: MmiAssessment): string | undefined {
  if (!mmi.disputed || !mmi.conflicts.length) return undefined;
  const others = mmi.opinions?.filter((o) => o.source !== mmi.statedBy).map((o) => o.source) ?? [];
  const who = [...new Set(others)].slice(0, 2).join(' and ');
  return `Not everyone agrees${who ? `: ${who} ${others.length > 1 ? 'see' : 'sees'} it differently` : ''}. Ask your representative how this disagreement affects your claim.`;
}

function treatmentLine(timeline: TimelineEntry[]): string | undefined {
  const tried = [...new Set(timeline.filter((t) => !['recommended', 'planned', 'declined', 'denied'].includes(t.status)).map((t) => t.modality.replace(/_/g, ' ')))];
  if (!tried.length) return undefined;
  return `Treatment in your records: ${tried.slice(0, 6).join(', ')}${tried.length > 6 ? ', and more' : ''}.`;
}

function floorLine(floor: FloorItem[]): string | undefined {
  if (!floor.length) return 'Your records do not yet list clear limits on what you can do, such as how much you can lift or how long you can sit.';
  const strong = floor.filter((f) => f.consistency === 'corroborated').map((f) => f.activity.replace(/_/g, ' '));
  const acts = floor.map((f) => f.activity.replace(/_/g, ' '));
  return `Your records list limits on: ${acts.join(', ')}.${strong.length ? ` More than one provider backs up: ${strong.join(', ')}.` : ' Each is backed by only one visit or one provider so far.'}`;
}

/** Plain-language summary (short sentences, everyday words) and questions to bring to each provider. */
export function buildClaimantGuide(profile: Profile, mmi: MmiAssessment, timeline: TimelineEntry[], floor: FloorItem[], gaps: Gap[]): Guide {
  const summary = [profile.wording.mmiMeaning, mmiLine(mmi), disputeLine(mmi), treatmentLine(timeline), floorLine(floor), profile.wording.durationMeaning]
    .filter((s): s is string => !!s);
  if (gaps.length) {
    summary.push(`Your records are missing ${gaps.length} thing${gaps.length === 1 ? '' : 's'} that could help your claim. The questions below say whom to ask.`);
  } else {
    summary.push('We did not find missing pieces in your records. Check every finding against the page it cites.');
  }
  const byProvider = new Map<string, string[]>();
  for (const g of gaps) {
    const qs = byProvider.get(g.request.to) ?? [];
    if (!qs.includes(g.request.ask)) qs.push(g.request.ask);
    byProvider.set(g.request.to, qs);
  }
  return { summary, questions: [...byProvider].map(([provider, questions]) => ({ provider, questions })) };
}
