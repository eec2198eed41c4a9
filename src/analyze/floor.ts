import type { FactOf, FloorItem, Reason } from '../model/index.js';
import type { CaseContext } from './context.js';
import { copyForwardKey, evidenceOf } from './context.js';
import { addDays } from './dates.js';

type Limitation = FactOf<'limitation'>;

/** Lower limit = more restrictive for amounts and durations ("lift 10 lb", "sit 30 minutes"). */
function mostRestrictive(facts: Limitation[]): Limitation {
  const withLimit = facts.filter((f) => f.attributes.limit !== undefined);
  if (!withLimit.length) return facts[facts.length - 1];
  return withLimit.reduce((a, b) => (b.attributes.limit! < a.attributes.limit! ? b : a));
}

function normalUnit(u: string | undefined): string {
  const x = (u ?? '').toLowerCase().replace(/\.$/, '');
  if (/^(lb|lbs|pound|pounds)$/.test(x)) return 'lb';
  if (/^(min|mins|minute|minutes)$/.test(x)) return 'min';
  if (/^(h|hr|hrs|hour|hours)$/.test(x)) return 'h';
  return x;
}

function limitConflicts(facts: Limitation[], ctx: CaseContext): Reason[] {
  // The latest provider opinion per provider, then compare providers in the same unit.
  const latest = new Map<string, Limitation>();
  for (const f of facts) if (f.attributes.source === 'provider' && f.attributes.limit !== undefined) latest.set(ctx.providerOf(f), f);
  const byUnit = new Map<string, Limitation[]>();
  for (const f of latest.values()) {
    const u = normalUnit(f.attributes.unit);
    byUnit.set(u, [...(byUnit.get(u) ?? []), f]);
  }
  const out: Reason[] = [];
  for (const [unit, fs] of byUnit) {
    const values = new Set(fs.map((f) => f.attributes.limit));
    if (fs.length < 2 || values.size < 2) continue;
    out.push({
      text: `Providers disagree: ${fs.map((f) => `${ctx.providerOf(f)} ${f.attributes.limit}${unit ? ` ${unit}` : ''}${ctx.dateOf(f) ? ` (${ctx.dateOf(f)})` : ''}`).join(' vs ')}.`,
      evidence: evidenceOf(fs),
    });
  }
  return out;
}

/** Current limitations per activity, with how well the record corroborates each. */
export function buildFloor(ctx: CaseContext): FloorItem[] {
  if (!ctx.lastDate) return [];
  const since = addDays(ctx.lastDate, -Math.round(ctx.profile.params.floorWindowMonths * 30.4375));
  const facts = ctx.of('limitation').filter((f) => { const d = ctx.dateOf(f); return !d || d >= since; });
  const fullDuty = ctx.of('work_status').filter((f) => f.attributes.status === 'full_duty' && (ctx.dateOf(f) ?? '') >= since);

  const byActivity = new Map<string, Limitation[]>();
  for (const f of facts) byActivity.set(f.attributes.activity, [...(byActivity.get(f.attributes.activity) ?? []), f]);

  const items: FloorItem[] = [];
  for (const [, fs] of byActivity) {
    // Copy-forward: the same sentence carried into later notes counts once.
    const distinct = new Map<string, Limitation>();
    for (const f of fs) if (!distinct.has(copyForwardKey(f))) distinct.set(copyForwardKey(f), f);
    const unique = [...distinct.values()];
    const visits = new Set(unique.map((f) => `${ctx.dateOf(f) ?? f.encounterId}|${ctx.providerOf(f)}`)).size;
    const providers = [...new Set(unique.map((f) => ctx.providerOf(f)))];
    const lastDate = fs.map((f) => ctx.dateOf(f)).filter((d): d is string => !!d).sort().pop();
    const latest = lastDate ? fs.filter((f) => ctx.dateOf(f) === lastDate) : fs;
    const preferred = latest.some((f) => f.attributes.source === 'provider') ? latest.filter((f) => f.attributes.source === 'provider') : latest;
    const pick = mostRestrictive(preferred);
    const conflicts = limitConflicts(fs, ctx);
    for (const w of fullDuty) {
      conflicts.push({ text: `${ctx.providerOf(w)}${ctx.dateOf(w) ? ` on ${ctx.dateOf(w)}` : ''} released the claimant to full duty, without restrictions.`, evidence: w.evidence });
    }
    items.push({
      activity: pick.attributes.activity,
      summary: pick.attributes.text,
      limit: pick.attributes.limit,
      unit: pick.attributes.unit,
      firstDate: fs.map((f) => ctx.dateOf(f)).filter((d): d is string => !!d).sort()[0],
      lastDate,
      visits,
      providers,
      sources: [...new Set(fs.map((f) => f.attributes.source))],
      consistency: visits >= 2 && providers.length >= 2 ? 'corroborated' : visits >= 2 ? 'single_provider' : 'single_visit',
      conflicts,
      evidence: evidenceOf(fs),
    });
  }
  return items.sort((a, b) => a.activity.localeCompare(b.activity));
}
