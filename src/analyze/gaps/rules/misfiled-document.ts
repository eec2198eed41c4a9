import { makeGap } from '../helpers.js';
import type { GapRule } from '../types.js';

/**
 * Another patient's record in the claimant's file. Plateau already leaves it out of the analysis; the file itself
 * still holds it, and an adjudicator, an examiner or the representative's brief may rely on it until it is removed.
 */
export const rule: GapRule = {
  meta: {
    id: 'misfiled-document',
    title: "Another patient's record in the file",
    severity: 'high',
    rationale: "A page naming another patient (another name and date of birth) is not evidence about the claimant. Until it is removed, findings from it can be attributed to the claimant by an examiner, a reviewer or the adjudicator; the claimant's own record for that date may also be missing.",
    authority: { cite: '20 CFR 404.1512(b)(1) (complete medical record); HIPAA 45 CFR 164.502 (disclosure of another person\'s records)', url: 'https://www.ecfr.gov/current/title-20/section-404.1512' },
    profiles: ['ssdi', 'ssi', 'workers_comp', 'personal_injury', 'general'],
    request: { to: 'whoever assembled the file (hearing office, claims administrator or records custodian)', ask: "Please remove the other patient's record from the claimant's file and send the claimant's own record, if one exists." },
  },
  check(ctx) {
    const misfiled = ctx.documents.filter((d) => d.misfiled);
    if (!misfiled.length) return [];
    const named = misfiled.map((d) => `${d.exhibit ? `Exhibit ${d.exhibit} (${d.file})` : d.file}: ${d.misfiled!.reason}`);
    return [makeGap(rule.meta, {
      why: `The file holds another patient's record: ${named.join('; ')}. It was left out of this analysis, but it is still in the file.`,
      to: rule.meta.request.to,
      ask: `Please remove ${misfiled.length === 1 ? 'this record' : 'these records'} from the claimant's file (${misfiled.map((d) => d.file).join('; ')}), confirm that no opinion relied on ${misfiled.length === 1 ? 'it' : 'them'}, and send the claimant's own record for the same date and provider if one exists.`,
      evidence: misfiled.flatMap((d) => d.misfiled!.evidence.slice(0, 2)),
    })];
  },
};
