/** The functional floor: the most restrictive documented limitation per activity over the claim period, cited. */
import type { FactOf, FloorItem, Reason } from '../model/index.js';
import type { CaseContext } from './case-context.js';
import { copyForwardKey, evidenceOf } from './case-context.js';
import { addDays, DAYS_PER_MONTH } from './dates.js';
import { pushTo } from '../util/group.js';
import { findDates } from '../knowledge/dates.js';

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
    pushTo(byUnit, u, f);
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

/**
 * Where the floor starts: the claim period runs from onset (claim.onset, else the first dated evidence) to the
 * end of the record, so a limitation stated once long ago still shows, with its last documented date. A profile
 * may instead look back a fixed number of months.
 */
export function floorPeriodStart(ctx: CaseContext): string | undefined {
  const months = ctx.profile.params.floorLookbackMonths;
  if (months !== undefined && ctx.lastDate) return addDays(ctx.lastDate, -Math.round(months * DAYS_PER_MONTH));
  return ctx.claim.onset ?? ctx.firstDate;
}

/** Last documented longer ago than the profile's recent window: the limit was not restated recently. */
export function isStale(item: FloorItem, ctx: CaseContext): boolean {
  if (!item.lastDate || !ctx.lastDate) return false;
  return item.lastDate < addDays(ctx.lastDate, -Math.round(ctx.profile.params.floorRecentMonths * DAYS_PER_MONTH));
}

/**
 * A limit as a reader can take it in: one line, spaces collapsed, at most about a sentence. Table rows pasted from an
 * FCE ("Task  Demonstrated  Lift floor-waist …") are cut to their first line rather than shown whole.
 */
function readableLimit(text: string): string {
  const lines = text.split(/\n/).map((l) => l.trim()).filter(Boolean);
  const table = lines.some((l) => (l.match(/\S {2,}\S/g)?.length ?? 0) >= 2);
  // A wrapped sentence reads joined; a table is read row by row, starting at the first row that states a limit.
  const line = table ? lines.find((l) => /\d|never|occasional|frequent|no |avoid|limit|unable|cannot/i.test(l)) ?? lines.join(' ') : lines.join(' ');
  const flat = line.replace(/\s{2,}/g, ' ').trim();
  return flat.length <= 140 ? flat : `${flat.slice(0, flat.lastIndexOf(' ', 137))} …`;
}

const NOT_A_WORK_ABILITY = new Set<Limitation['attributes']['activity']>(['sleep']);

/** "restrictions through 04/15/2023", "until 5/12/23": the day a restriction is written to end. */
const ENDS_ON = /\b(?:through|thru|until|till|to|expir\w*)\s+(\d{1,2}\/\d{1,2}\/(?:\d{4}|\d{2}))\b/i;
/** A restriction whose end date passed this long before the record ends, never restated since, no longer binds. */
const EXPIRED_DAYS = 60;

/** The day a restriction's own words end it, if they do. */
function endsOn(f: Limitation): string | undefined {
  const m = ENDS_ON.exec(f.evidence[0]?.quote ?? f.attributes.text);
  return m ? findDates(m[1])[0]?.date : undefined;
}

/** Limitations per activity over the claim period, with how well the record corroborates each. */
export function buildFloor(ctx: CaseContext): FloorItem[] {
  if (!ctx.lastDate) return [];
  const since = floorPeriodStart(ctx) ?? '';
  // Sleep is a symptom that may explain other limits, not a work-related ability of its own; a restriction written
  // to end on a day long past ("restrictions through 04/15/2023") bound only until then.
  const expired = (f: Limitation) => { const end = endsOn(f); return !!end && addDays(end, EXPIRED_DAYS) < ctx.lastDate!; };
  const facts = ctx.of('limitation').filter((f) => { const d = ctx.dateOf(f); return (!d || d >= since) && !NOT_A_WORK_ABILITY.has(f.attributes.activity) && !expired(f); });
  const fullDuty = ctx.of('work_status').filter((f) => f.attributes.status === 'full_duty' && (ctx.dateOf(f) ?? '') >= since);

  const byActivity = new Map<string, Limitation[]>();
  for (const f of facts) pushTo(byActivity, f.attributes.activity, f);

  const items: FloorItem[] = [];
  for (const [, fs] of byActivity) {
    // Copy-forward: the same sentence carried into a provider's later notes counts once; another provider
    // stating the same limit still corroborates it.
    const distinct = new Map<string, Limitation>();
    for (const f of fs) {
      const key = `${ctx.providerOf(f)}|${copyForwardKey(f)}`;
      if (!distinct.has(key)) distinct.set(key, f);
    }
    const unique = [...distinct.values()];
    const visits = new Set(unique.map((f) => `${ctx.dateOf(f) ?? f.encounterId}|${ctx.providerOf(f)}`)).size;
    const providers = [...new Set(unique.map((f) => ctx.providerOf(f)))];
    const lastDate = fs.map((f) => ctx.dateOf(f)).filter((d): d is string => !!d).sort().pop();
    const latest = lastDate ? fs.filter((f) => ctx.dateOf(f) === lastDate) : fs;
    const preferred = latest.some((f) => f.attributes.source === 'provider') ? latest.filter((f) => f.attributes.source === 'provider') : latest;
    const pick = mostRestrictive(preferred);
    const firstDate = fs.map((f) => ctx.dateOf(f)).filter((d): d is string => !!d).sort()[0];
    const conflicts = limitConflicts(fs, ctx);
    // A release to full duty before the limit was first documented is not in conflict with it.
    for (const w of fullDuty.filter((x) => !firstDate || (ctx.dateOf(x) ?? '') >= firstDate)) {
      conflicts.push({ text: `${ctx.providerOf(w)}${ctx.dateOf(w) ? ` on ${ctx.dateOf(w)}` : ''} released the claimant to full duty, without restrictions.`, evidence: w.evidence });
    }
    items.push({
      activity: pick.attributes.activity,
      summary: readableLimit(pick.attributes.text),
      limit: pick.attributes.limit,
      unit: pick.attributes.unit,
      firstDate,
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
