/**
 * Reasons given after a decision: "After discussion Ms. K declined surgery. She explained that she is the only
 * caregiver for her husband …". A declined or stopped treatment whose own sentence gives no reason takes the
 * reason from the next sentences of the same paragraph, and cites them.
 */
import type { Fact, SourceDocument } from '../model/index.js';
import { evidenceAt } from '../knowledge/evidence.js';

/** How many following sentences may carry the reason. */
const LOOK_AHEAD = 2;
/**
 * Cue words that open a reason. Group 1 (reported speech, "because") is dropped from the reason; group 2
 * ("does not want", "concerned about") is part of it.
 */
const REASON_CUE = /\b(?:(because(?: of)?|due to|owing to|secondary to|(?:she|he|they|patient|the patient) (?:explained|stated|states|said|reports|reported|noted|feels|felt)(?: that)?|explain(?:s|ed|ing) that|as (?:she|he|they) (?:is|was|are|were|has|had|cannot|could not|can't)\b)\s+|(given (?:her|his|their|the)\b|concerned about|(?:is |was )?(?:worried|afraid|fearful) (?:about|of|that)|fear of|(?:does|did) not want|doesn't want|would (?:rather|prefer)|prefers?|preferring|wishes to (?:avoid|defer|wait)|cannot (?:afford|arrange|take time)|is the (?:only|sole|primary) caregiver))/i;
/** A sentence that makes its own treatment decision: its reasons are its own. */
const NEXT_DECISION = /\b(?:start(?:s|ed|ing)?|begin|began|increas\w*|add(?:ed|ing)?|switch\w*|prescrib\w*|recommend\w*|refer(?:red|ral)?|schedul\w*|order(?:ed)?|continu\w*|declin\w*|stop(?:ped|s)?|discontinu\w*)\b/i;

/** The reason stated in `sentence`, if it contains a reason cue. */
export function reasonIn(sentence: string): string | undefined {
  const m = REASON_CUE.exec(sentence);
  if (!m) return undefined;
  const from = m[1] ? m.index + m[0].length : m.index;
  const reason = sentence.slice(from).replace(/[\s.;]+$/, '').trim();
  return reason.length >= 4 ? reason.slice(0, 240) : undefined;
}

/** A sentence span (absolute offsets). */
export interface Span { start: number; end: number }

/**
 * For each declined or discontinued treatment fact of sentence `index` that has no reason yet, read the reason
 * from up to LOOK_AHEAD following sentences of the same paragraph (a blank line or page break ends it).
 */
/** The answer to an offer, opening the next sentence: "Offered trigger point injections today. Patient declined, …". */
const DECLINED_NEXT = /^\s*(?:the\s+)?(?:patient|pt|he|she|they|claimant|client)\s+(?:declined|declines|refused|refuses|does not wish|did not wish|is not interested|was not interested|prefers not)\b/i;

/** An offer answered "no" in the next sentence is declined, and that sentence is cited with it. */
function declinedInNextSentence(doc: SourceDocument, spans: Span[], index: number, facts: Fact[]): void {
  const next = spans[index + 1];
  if (!next || /\n[ \t]*\n|\f/.test(doc.text.slice(spans[index].end, next.start))) return;
  if (!DECLINED_NEXT.test(doc.text.slice(next.start, next.end))) return;
  for (const f of facts) {
    if (f.type !== 'treatment' || f.negated || !['recommended', 'planned'].includes(f.attributes.status) || !/\boffer\w*/i.test(f.evidence[0]?.quote ?? '')) continue;
    f.attributes.status = 'declined';
    f.evidence = [...f.evidence, evidenceAt(doc, next.start, next.end)];
  }
}

export function attachFollowingReasons(doc: SourceDocument, spans: Span[], index: number, facts: Fact[]): void {
  declinedInNextSentence(doc, spans, index, facts);
  const pending = facts.filter((f) => f.type === 'treatment' && (f.attributes.status === 'declined' || f.attributes.status === 'discontinued') && !f.attributes.reasonStopped && !f.negated);
  if (pending.length === 0) return;
  let prevEnd = spans[index].end;
  for (let k = index + 1; k < spans.length && k <= index + LOOK_AHEAD; k++) {
    if (/\n[ \t]*\n|\f/.test(doc.text.slice(prevEnd, spans[k].start))) return; // a new paragraph speaks of something else
    const sentence = doc.text.slice(spans[k].start, spans[k].end);
    if (NEXT_DECISION.test(sentence)) return; // "Start duloxetine because …": that reason is for the next decision
    const reason = reasonIn(sentence);
    if (reason) {
      for (const f of pending) {
        if (f.type !== 'treatment') continue;
        f.attributes.reasonStopped = reason;
        f.evidence = [...f.evidence, evidenceAt(doc, spans[k].start, spans[k].end)];
      }
      return;
    }
    prevEnd = spans[k].end;
  }
}
