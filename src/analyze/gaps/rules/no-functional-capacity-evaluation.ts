import type { Activity, FactOf } from '../../../model/index.js';
import { isAcceptableMedicalSource } from '../../providers.js';
import { systemicClaim } from '../../claimed-conditions.js';
import { daysBetween } from '../../dates.js';
import { datesOf, isExaminingEncounter, list, makeGap, opinionAddressee, quoteOf, recordsOffice } from '../helpers.js';
import type { GapRule } from '../types.js';

/** Physical abilities an FCE measures (cognitive, sleep and driving limits are not tested by one). */
const PHYSICAL = new Set<Activity>([
  'lift', 'carry', 'sit', 'stand', 'walk', 'reach', 'overhead_reach', 'stoop', 'bend', 'crouch', 'kneel', 'crawl',
  'climb', 'balance', 'push', 'pull', 'handle', 'finger', 'twist', 'use_arm',
]);
/** The exertional and manipulative abilities an FCE measures directly; postural limits alone (no ladders) are not tested by one. */
const CORE = new Set<Activity>(['lift', 'carry', 'sit', 'stand', 'walk', 'push', 'pull', 'reach', 'overhead_reach', 'handle', 'finger', 'use_arm']);
/** A restriction for a few days or weeks, or until something happens, is not a lasting capacity. */
const TEMPORARY = /\b(?:until|pending|for now|temporar\w*|x ?\d+ ?(?:days?|wks?|weeks?)|for \d+ (?:days?|weeks?)|through \d|post-?op|after surgery)\b/i;
export const FCE_WORDS = /\b(?:FCE|functional capacity (?:evaluation|exam\w*|assessment|testing))\b/i;
/** A sentence that names an FCE without saying one was done ("may benefit from an FCE", "per FCE when available"). */
const NOT_DONE = /\b(?:recommend\w*|consider\w*|refer\w*|benefit|when available|followed by|pending|schedul\w*|order\w*|request\w*|needs?|should|if|would|pointed|suggest\w*|not (?:done|performed)|no FCE)\b/i;
/** Restrictions documented over this long are lasting, not an acute work note. */
const LASTING_DAYS = 180;

export const rule: GapRule = {
  meta: {
    id: 'no-functional-capacity-evaluation',
    title: 'No functional capacity evaluation or objective functional testing behind the restrictions',
    severity: 'high',
    rationale: 'Lasting lifting, standing, walking or hand-use restrictions carry weight when they rest on objective testing. An FCE (or timed tolerance and lift testing with effort measures) turns an estimate into a measurement, and is the usual way to settle disputed restrictions.',
    authority: { cite: '20 CFR 404.1520c(c)(1) (supportability); AMA Guides (objective functional assessment); ACOEM Practice Guidelines (FCE)', url: 'https://www.ecfr.gov/current/title-20/section-404.1520c' },
    profiles: ['ssdi', 'workers_comp', 'general'],
    request: { to: 'the treating physician', ask: 'Please refer the patient for a functional capacity evaluation (FCE), or state the objective testing your restrictions rest on.' },
  },
  check(ctx) {
    const restrictions = ctx.of('limitation').filter((f) => f.attributes.source === 'provider' && PHYSICAL.has(f.attributes.activity)
      && !isExaminingEncounter(ctx.encounterOf(f)) && !f.evidence.some((e) => TEMPORARY.test(e.quote)));
    // Lasting limits of the claim period (the functional floor), whoever stated them, also call for objective testing.
    // (a clinician, examiners included, states the limit as more than a temporary restriction).
    const lastingByProvider = new Set(ctx.of('limitation').filter((f) => f.attributes.source === 'provider' && !f.evidence.some((e) => TEMPORARY.test(e.quote)))
      .map((f) => f.attributes.activity));
    const floorCore = ctx.floor.filter((i) => CORE.has(i.activity) && lastingByProvider.has(i.activity) && i.firstDate && i.lastDate
      && daysBetween(i.firstDate, i.lastDate) >= LASTING_DAYS);
    if (!restrictions.some((f) => CORE.has(f.attributes.activity)) && !floorCore.length) return [];
    const fceMentions = ctx.asserted.filter((f) => f.evidence.some((e) => FCE_WORDS.test(e.quote) && !NOT_DONE.test(e.quote)));
    const fceReport = [...ctx.encounters.values()].some((e) => (e.kind === 'fce' || e.specialty === 'fce') && isAcceptableMedicalSource(e) === false);
    if (fceReport) return [];
    if (fceMentions.length) {
      // An FCE was done but only its results are quoted: the report itself (test data, effort and validity) is missing.
      const m = fceMentions[0];
      return [makeGap(rule.meta, {
        why: `A functional capacity evaluation is relied on ("${quoteOf(m).slice(0, 120)}"), but the FCE report itself (test data, effort and validity measures, job match) is not in the file.`,
        to: recordsOffice(undefined, 'the clinic that performed the functional capacity evaluation'),
        ask: 'Please send the complete functional capacity evaluation (FCE) report: every page, with the raw test data, the effort and validity/consistency measures, the job-demand match and the evaluator\'s conclusions.',
        evidence: fceMentions.slice(0, 2).flatMap((f) => f.evidence.slice(0, 1)),
      })];
    }
    // An FCE measures the capacity that remains once treatment has done what it can: while care is still changing the
    // condition (MMI not reached) or the record is too thin to judge, testing would be premature.
    if (ctx.mmi.status === 'not_reached' || ctx.mmi.status === 'insufficient_evidence') return [];
    // Social Security weighs a systemic or mental impairment by the disease's markers and the treating source's
    // opinion (no-treating-source-opinion asks for that), not by a lifting test; a carrier still rates capacity by one.
    const ssa = ctx.claim.type === 'ssdi' || ctx.claim.type === 'ssi';
    if (ssa && (ctx.mentalClaim || systemicClaim(ctx.asserted))) return [];
    const dates = [...new Set([...datesOf(ctx, restrictions), ...floorCore.flatMap((i) => [i.firstDate!, i.lastDate!])])].sort();
    const span = dates.length ? daysBetween(dates[0], dates[dates.length - 1]) : 0;
    const permanent = ctx.of('prognosis').some((p) => p.attributes.outlook === 'permanent')
      || ctx.mmi.status === 'explicit' || ctx.mmi.status === 'implied'
      || [...ctx.encounters.values()].some((e) => e.kind === 'medical_source_statement');
    if (span < LASTING_DAYS && !permanent && !floorCore.length) return [];
    const latest = restrictions[restrictions.length - 1];
    const who = opinionAddressee(ctx, latest ? ctx.providerOf(latest) : undefined);
    const acts = [...new Set([...restrictions.map((f) => f.attributes.activity), ...floorCore.map((i) => i.activity)].map((a) => a.replace(/_/g, ' ')))].slice(0, 6);
    const shown: FactOf<'limitation'>[] = [];
    for (const f of [...restrictions].reverse()) if (shown.length < 3 && !shown.some((s) => s.attributes.activity === f.attributes.activity)) shown.push(f);
    const floorEvidence = floorCore.slice(0, 3).flatMap((i) => i.evidence.slice(0, 1));
    return [makeGap(rule.meta, {
      why: `Limits on ${list(acts)} are documented${dates.length > 1 ? ` from ${dates[0]} to ${dates[dates.length - 1]}` : dates.length ? ` on ${dates[0]}` : ''}${latest ? ` (latest restriction: "${quoteOf(latest).slice(0, 120)}")` : ''}, but no functional capacity evaluation or other objective functional testing in the record measures these abilities.`,
      to: who,
      ask: `Please refer the patient for a functional capacity evaluation (FCE) with effort/validity measures, or state the objective testing (e.g. timed sitting, standing and walking tolerance, lift testing, dexterity testing) your restrictions on ${list(acts)} rest on, and whether they are permanent.`,
      evidence: [...shown.flatMap((f) => f.evidence.slice(0, 1)), ...floorEvidence],
    })];
  },
};
