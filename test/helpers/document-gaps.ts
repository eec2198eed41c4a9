import type { DocumentStatus, Gap } from '../../src/model/index.js';
import type { GapRule } from '../../src/analyze/gaps/index.js';
import { buildContext } from '../../src/analyze/case-context.js';
import { assessMmi } from '../../src/analyze/mmi.js';
import { buildFloor } from '../../src/analyze/floor.js';
import { buildTimeline } from '../../src/analyze/timeline.js';
import { buildTrajectory } from '../../src/analyze/trajectory.js';
import { buildDuration } from '../../src/analyze/duration.js';
import { profileFor } from '../../src/profiles/index.js';
import { CaseBuilder, DR_PATEL } from './facts.js';

/**
 * A rule that reads the file's documents (what they say is missing, whose they are), run on a one-visit record plus
 * the document statuses given (or on the record `b` builds).
 */
export function documentGaps(rule: GapRule, claim: 'ssdi' | 'workers_comp', extra: DocumentStatus[],
  b = new CaseBuilder().visit('2024-01-05', DR_PATEL).fact('limitation', { activity: 'sit', source: 'provider', text: 'sit 20 min' }, 'Sitting limited to 20 minutes.')): Gap[] {
  const input = b.input({ type: claim });
  const ctx = buildContext(input.claim, profileFor(claim), input.encounters, input.facts);
  const mmi = assessMmi(ctx);
  const floor = buildFloor(ctx);
  return rule.check({ ...ctx, timeline: buildTimeline(ctx), mmi, floor, trajectory: buildTrajectory(ctx), duration: buildDuration(ctx, mmi, floor), documents: [...input.documents, ...extra] });
}
