import type { FactOf } from '../../../model/index.js';
import { list, makeGap, quoteOf, recordsOffice, shortQuote } from '../helpers.js';
import type { GapRule } from '../types.js';
import { modalityWords } from '../../../model/modalities.js';

/** Treatment waiting on an insurer's or claims administrator's approval. */
const PENDING = /\b(?:prior auth\w*|pre-?auth\w*(?: request\w*)?|(?<!\bno )authori[sz]ation (?:request\w*|pending|needed|submitted)|(?:awaiting|pending) (?:\w+ )?(?:UR|authori[sz]ation|approval)|UR request\w*|RFA (?:submitted|sent|to follow)|submitted (?:to|for) (?:UR|authori[sz]ation)|new authori[sz]ation)\b/i;
/** A utilization-review determination or certification named in a note. */
const DETERMINATION = /\b(?:(?:UR|utilization review)\b[^.]{0,40}\b(?:approv\w*|denied|denial|certif\w*|#)|(?:cert|auth)\w*\.?\s*#|adverse determination|non-?certif\w*|peer[- ]to[- ]peer|UR-\d)/i;
const APPROVED = /\b(?:approv\w*|certified|authori[sz]ed|recd|received)\b/i;
/** A request answered with a denial, in the words of the note. */
const DENIED = /\b(?:den(?:ied|ial)|non-?certif\w*|not certified|adverse determination)\b/i;
const ADVERSE = /\b(?:den(?:ied|ial|y)|non-?certif\w*|not certified|modif\w*|adverse|partial\w*|appeal\w*|IMR)\b/i;
/** Board or examiner authorization numbers identify a provider, not a treatment decision. */
const NOT_UR = /\bWCB Authori[sz]ation\b|\bIME\b/i;
const DONE = new Set(['performed', 'completed', 'ongoing']);

export const rule: GapRule = {
  meta: {
    id: 'authorization-unanswered',
    title: 'Authorization or utilization-review request with no determination or outcome in the file',
    severity: 'medium',
    rationale: 'Treatment that was requested but never authorized, or denied by utilization review, explains a gap in care and is itself appealable (independent medical review, reconsideration, peer-to-peer). The written determination shows what was requested, on what guideline it was denied, and the deadline to challenge it.',
    authority: { cite: 'Cal. Lab. Code 4610 and 8 CCR 9792.9.1 (UR decisions in writing); 28 Tex. Admin. Code 134.600 (preauthorization); SSR 16-3p (reasons for not pursuing treatment)', url: 'https://www.dir.ca.gov/t8/9792_9_1.html' },
    profiles: ['ssdi', 'ssi', 'workers_comp', 'personal_injury', 'general'],
    request: { to: 'the claims administrator (utilization review)', ask: 'Please send the written utilization-review determinations (requests, approvals, denials) for the treatment listed.' },
  },
  check(ctx) {
    const treatments = ctx.of('treatment');
    const wc = ctx.profile.params.utilizationReview;
    const insurer = wc ? 'the claims administrator (utilization review)' : undefined;
    const gaps = [];
    // Requested and never answered: no later sign that the treatment happened.
    // ("24 visits authorized 04/18/2024, preauth #HC-PA-24-0771": the request already answered, approved.)
    // A drug's request is the clause that names it ("naproxen 500 BID, MRI ordered (preauth submitted)": the MRI waits, not the naproxen).
    const ownClause = (f: FactOf<'treatment'>, quote: string) => {
      const drug = f.attributes.drug?.toLowerCase();
      return drug ? quote.split(/[,;]/).find((c) => c.toLowerCase().includes(drug)) ?? quote : quote;
    };
    // ("Microdiscectomy recommended; health plan denied prior authorization 03/28": the request and its answer, a denial.)
    const pending = treatments.filter((f) => ['planned', 'recommended'].includes(f.attributes.status)
      && f.evidence.some((e) => PENDING.test(ownClause(f, e.quote)) && !NOT_UR.test(e.quote) && !APPROVED.test(e.quote) && !DENIED.test(ownClause(f, e.quote))));
    const open: FactOf<'treatment'>[] = [];
    for (const f of pending) {
      const d = ctx.dateOf(f) ?? '';
      const m = f.attributes.modality;
      // Answered later: the treatment given, or a later note that records its approval or denial.
      const happened = treatments.some((x) => x.attributes.modality === m && (ctx.dateOf(x) ?? '') >= d && x !== f
        && (DONE.has(x.attributes.status) && (ctx.dateOf(x) ?? '') > d || x.attributes.status === 'denied' || x.evidence.some((e) => APPROVED.test(e.quote) || DENIED.test(e.quote))))
        || (m === 'imaging_study' && [...ctx.encounters.values()].some((e) => e.kind === 'imaging' && (e.date ?? '') >= d));
      if (!happened && !open.some((o) => o.attributes.modality === m)) open.push(f);
    }
    if (open.length) {
      const what = open.map((f) => `${modalityWords(f.attributes.subtype ?? f.attributes.modality)} (${ctx.dateOf(f) ?? 'undated'})`);
      const by = ctx.providerOf(open[0]);
      gaps.push(makeGap(rule.meta, {
        why: `Authorization was requested for ${list(what)} ("${shortQuote(open[0], 100)}"), and the record shows neither a determination nor the treatment afterwards.`,
        to: insurer ?? recordsOffice(by),
        ask: `Please send the authorization request and the insurer's written determination (approval, denial or modification, with its reasons and any appeal or peer-to-peer review) for ${list(what)}, and state whether the treatment took place.`,
        evidence: open.flatMap((f) => f.evidence.slice(0, 1)),
      }));
    }
    // Workers' comp: determinations named in the notes but not in the file (a file that holds the insurer's
    // determination letters has them, whatever the notes say of them).
    const determinationsOnFile = ctx.documents.some((d) => !d.misfiled && d.role?.kind === 'utilization_review');
    if (wc && !determinationsOnFile) {
      // An approval the note already records ("AUTH #: MM-55193 (approved 05/04/2023)") or an authorization number
      // answers itself; denials and modifications are what can be appealed (undecided requests are asked for above).
      // A denial of care that was given afterwards (reversed on reconsideration, then done) explains no gap.
      const givenLater = (f: (typeof ctx.asserted)[number]) => f.type === 'treatment' && treatments.some((x) => x.attributes.modality === f.attributes.modality
        && DONE.has(x.attributes.status) && (ctx.dateOf(x) ?? '') > (ctx.dateOf(f) ?? '9999'));
      const named = ctx.asserted.filter((f) => f.evidence.some((e) => DETERMINATION.test(e.quote) && ADVERSE.test(e.quote) && !NOT_UR.test(e.quote)) && !givenLater(f));
      const seen = new Set<string>();
      const unique = named.filter((f) => { const q = quoteOf(f); if (seen.has(q)) return false; seen.add(q); return true; });
      if (unique.length) {
        gaps.push(makeGap(rule.meta, {
          why: `The notes refer to ${unique.length} utilization-review or authorization decision${unique.length > 1 ? 's' : ''} (${unique.slice(0, 3).map((f) => `"${shortQuote(f, 80)}"`).join('; ')}) whose written determinations are not in the file.`,
          to: 'the claims administrator (utilization review)',
          ask: `Please send the written utilization-review determinations and authorization (RFA) decisions referred to in the treating notes (${unique.slice(0, 4).map((f) => ctx.dateOf(f) ?? 'undated').join(', ')}), including any denials, modifications, peer-to-peer reviews and appeal or IMR outcomes.`,
          evidence: unique.slice(0, 6).flatMap((f) => f.evidence.slice(0, 1)),
        }));
      }
    }
    return gaps;
  },
};
