/** "What this record supports": the claim profile's reading of the analysis, every item cited or saying what is missing. */
import type { CaseAnalysis, Supports } from '../../model/index.js';
import type { CaseContext } from '../case-context.js';
import { workersCompSupports } from './workers-comp.js';
import { personalInjurySupports } from './personal-injury.js';
import { ssaSupports } from './ssa.js';

export function buildSupports(ctx: CaseContext, a: Pick<CaseAnalysis, 'mmi' | 'billing' | 'trajectory' | 'functionalFloor' | 'duration' | 'facts'>): Supports | undefined {
  switch (ctx.claim.type) {
    case 'workers_comp': return workersCompSupports(ctx, a);
    case 'personal_injury': return personalInjurySupports(ctx, a);
    case 'ssdi': case 'ssi': return ssaSupports(ctx, a);
    default: return undefined;
  }
}
