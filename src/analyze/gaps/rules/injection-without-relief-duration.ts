import type { Fact, FactOf, Modality } from '../../../model/index.js';
import { daysBetween } from '../../dates.js';
import { sessionFacts } from '../../timeline.js';
import { isExaminingEncounter, list, makeGap, opinionAddressee } from '../helpers.js';
import type { GapRule } from '../types.js';
import { pushTo } from '../../../util/group.js';
import { palliativeCare } from '../../palliative.js';
import { modalitiesIn, modalityWords } from '../../../model/modalities.js';

const INJECTIONS = modalitiesIn('injection');
/**
 * Spinal and diagnostic procedures, whose response decides what comes next (a repeat, an ablation, surgery). A joint
 * or trigger-point injection's response is asked for only when its pain diary went missing.
 */
const RESPONSE_DECIDES = new Set<Modality>([...modalitiesIn('spinal_procedure'), 'other_injection']);
const WINDOW_DAYS = 180;
/** Injections this close together are one series (a viscosupplement course, bilateral or staged blocks): its response is reported after the last. */
const SERIES_DAYS = 28;
/** Words that show an injection procedure, not a triage score ("ESI 3"), a request form ("RFA submitted") or an authorization. */
const PROCEDURE_WORDS = /\b(?:inject\w*|epidural|TFESI|ILESI|CESI|transforaminal|interlaminar|caudal|facet|medial branch|block|radiofrequency|ablation|rhizotomy|trigger point|cortisone|steroid|subacromial|intra-?articular|bursa|viscosupplement\w*|Euflexxa|Synvisc|hyaluron\w*)\b/i;
const NOT_A_PROCEDURE = /\b(?:triage|acuity|non-?certif\w*|not certified|RFA (?:submitted|sent|to follow|approved|for)|submitted|auth #|approved|denied|request\w*|consider\w*|candidate|eval(?:uation)? for)\b|authori[sz]/i;

/** A procedure note's history of earlier ones ("refractory to surgery, ESI x2 and medication"): not this day's procedure. */
const LOOKED_BACK_ON = /\b(?:s\/p|status post|refractory to|history of|prior|previous(?:ly)?)\b|\bx\s?[2-9]\b/i;
/** Injections actually given: from the procedure note when there is one, else a dated mention in procedure words. */
export function injectionsGiven(ctx: Parameters<GapRule['check']>[0], course: FactOf<'treatment'>[]): FactOf<'treatment'>[] {
  return sessionFacts(course, ctx).filter((f) => {
    const enc = ctx.encounterOf(f);
    const q = f.evidence.map((e) => e.quote).join(' ');
    if (NOT_A_PROCEDURE.test(q) || LOOKED_BACK_ON.test(q) || isExaminingEncounter(enc)) return false;
    if (enc?.kind === 'procedure_note') return true;
    return PROCEDURE_WORDS.test(q) && enc?.kind !== 'emergency_visit';
  });
}

interface Item { name: string; dates: string[]; diaryDates: string[]; facts: Fact[] }

export const rule: GapRule = {
  meta: {
    id: 'injection-without-relief-duration',
    title: 'Injection response not documented',
    severity: 'medium',
    rationale: 'The response to each procedure (percent relief, how long the relief lasted, any change in function) shows whether treatment worked and whether relief faded; it is the usual basis for repeating or abandoning injections and for inferring that options are exhausted. A post-injection pain diary is the contemporaneous record of it.',
    authority: { cite: '20 CFR 404.1529(c)(3)(iv)-(v) (effectiveness of treatment); SSR 16-3p; ODG / MTUS repeat-injection criteria', url: 'https://thefederalregister.org/81-FR/14166' },
    profiles: ['ssdi', 'ssi', 'workers_comp', 'personal_injury', 'general'],
    request: { to: 'the physician who performed the injection', ask: 'Please send the post-injection pain diary, or state the relief and its duration after each injection.' },
    keyed: true,
  },
  check(ctx) {
    const byId = new Map<string, Fact>(ctx.asserted.map((f) => [f.id, f]));
    const benefits = ctx.of('benefit');
    const lackingByWho = new Map<string, Item[]>();
    const signals = ctx.of('plan_signal');
    const diariesIssued = signals.filter((f) => f.attributes.signal === 'diary_issued');
    const diariesRead = signals.filter((f) => f.attributes.signal === 'diary_reported');
    const palliative = palliativeCare(ctx);
    for (const e of ctx.timeline.filter((x) => INJECTIONS.has(x.modality))) {
      const course = e.events.map((ev) => byId.get(ev.factId)).filter((f): f is FactOf<'treatment'> => f?.type === 'treatment');
      const done = injectionsGiven(ctx, course);
      const doneDates = done.map((f) => ctx.dateOf(f));
      const lacking: FactOf<'treatment'>[] = [];
      const diaries: Fact[] = [];
      done.forEach((f, i) => {
        const d = ctx.dateOf(f);
        if (!d) return;
        // The next injection that is not part of this one's series bounds where a response report can belong to it.
        let seriesEnd = d;
        for (const x of doneDates.slice(i + 1)) if (x && x >= seriesEnd && daysBetween(seriesEnd, x) <= SERIES_DAYS) seriesEnd = x;
        const next = doneDates.slice(i + 1).find((x) => x && x > seriesEnd);
        const reportedAt = (b: Fact) => {
          const bd = ctx.encounterOf(b)?.date ?? ctx.dateOf(b);
          return !!bd && bd >= d && daysBetween(d, bd) <= WINDOW_DAYS && !(next && bd > next);
        };
        const mine = benefits.filter((b) => {
          const m = b.attributes.modality;
          if (m && m !== e.modality && m !== 'other_injection' && m !== 'joint_injection') return false;
          // A later note that names this injection's date ("injection 05/20 helped about 2-3 weeks") reports on it.
          if (b.dateSource === 'sentence' && ctx.dateOf(b) === d) return true;
          // Otherwise relief is reported at a visit after the injection; a date inside the sentence ("the July injection") names the injection, not the report.
          return reportedAt(b);
        });
        // Any response written after it ("70% relief", "helped about 3 weeks", "no relief") answers it: reviewers ask
        // for the response when none is recorded, not for a duration missing beside a percent.
        // Palliative injections ease what can no longer change, and a billed one without its procedure note is the
        // procedure-record rule's request.
        // Only where the record gives no response to any procedure: where responses are written elsewhere, the one
        // that seems missing is far more often worded past our reading than absent (1 of 22 such requests was one a
        // reviewer listed, across the keyed sets).
        // (A pain diary read back after it, "5-6/10 throughout the 6 hours after the block", is its response too.)
        const diaryRead = diariesRead.some(reportedAt);
        if (!mine.length && !benefits.length && !diaryRead && RESPONSE_DECIDES.has(e.modality) && !palliative(f) && ctx.encounterOf(f)?.source !== 'ledger') lacking.push(f);
        // A diary handed out with the injection and never read back in any later note: the contemporaneous record
        // is missing even when a note summarises the relief. Where later diaries are read back, the practice keeps them.
        const issued = diariesIssued.find((x) => ctx.dateOf(x) === d && !diaries.includes(x));
        if (issued && !diariesRead.some((r) => (ctx.encounterOf(r)?.date ?? ctx.dateOf(r) ?? '') >= d)) diaries.push(issued);
      });
      if (!lacking.length && !diaries.length) continue;
      const performer = ctx.providerOf(lacking.find((f) => ctx.encounterOf(f)?.kind === 'procedure_note') ?? lacking[0] ?? diaries[0]);
      const who = opinionAddressee(ctx, performer);
      pushTo(lackingByWho, who, {
        name: modalityWords(e.modality === 'other_injection' ? 'injection' : e.modality),
        dates: [...new Set(lacking.map((f) => ctx.dateOf(f)!))], diaryDates: [...new Set(diaries.map((f) => ctx.dateOf(f)!))],
        facts: [...lacking, ...diaries],
      });
    }
    return [...lackingByWho].map(([who, items]) => {
      const named = (i: Item, dates: string[]) => `${i.name}${dates.length === 1 ? '' : 's'} on ${list(dates)}`;
      const undocumented = items.filter((i) => i.dates.length).map((i) => named(i, i.dates));
      const unreturned = items.filter((i) => i.diaryDates.length).map((i) => named(i, i.diaryDates));
      const why = [
        undocumented.length && `No response to the ${list(undocumented)} is documented (no relief, percent or duration in the notes that follow).`,
        unreturned.length && `A pain diary was given with the ${list(unreturned)}, and no returned diary is in the file.`,
      ].filter(Boolean).join(' ');
      const all = [...new Set([...undocumented, ...unreturned])];
      return makeGap(rule.meta, {
        why,
        to: who,
        ask: `For the ${list(all)}, please send the post-injection pain diary if one was kept, or state the patient's percent relief and its duration after each procedure, any change in function, and why the injections were or were not repeated.`,
        evidence: items.flatMap((i) => i.facts.flatMap((f) => f.evidence.slice(0, 1))),
      });
    });
  },
};
