import { makeGap } from '../helpers.js';
import { heldByFile } from '../record-held.js';
import type { GapContext, GapRule } from '../types.js';
import { findDates } from '../../../knowledge/dates.js';

/** A reviewer's short list: the first lines the file gives. */
const MAX_LINES = 5;

/** What kind of record a missing line names, so the request says why it matters (first match wins). */
const KINDS: [RegExp, string][] = [
  [/\b(?:daily notes?|daily note set|therapy notes?|PT notes?|OT notes?|session notes?|flowsheets?)\b/i, 'therapy notes'],
  [/\b(?:MRI|CT|x-?rays?|films?|radiograph\w*|imaging|pano\w*|ultrasound|EMG|NCS|nerve conduction)\b/i, 'imaging or testing'],
  [/\b(?:operative|op note|pathology|surgical|hospital|discharge summary|admission)\b/i, 'a procedure or hospital record'],
  [/\b(?:consult\w*|specialist|surgeon'?s?|second opinion)\b/i, "a specialist's consultation"],
  [/\b(?:personnel|payroll|wage\w*|job description|employer|termination)\b/i, 'employment records'],
  [/\b(?:bills?|billing|ledger|itemi[sz]ed|statements? of charges)\b/i, 'billing'],
];
/** Words that put a record before the injury or onset. */
const PRIOR = /\b(?:prior|previous|pre-?(?:injury|accident|incident|existing)|before (?:the )?(?:injury|accident|incident|DOI|onset))\b/i;

/** "(pre-injury baseline records)", "(imaging or testing)": what the line asks for, in a reviewer's words. */
function kindOf(ctx: GapContext, text: string): string | undefined {
  const onset = ctx.claim.onset ?? ctx.duration.onset;
  // ("records of the 2016 chiropractic treatment; primary care records before 03/09/2022", the injury on 03/09/2022.)
  // (Only dates that carry their year: "our request of January 22" is not placed by a guessed one.)
  const dates = findDates(text, onset).filter((d) => !d.relative && /(?:19|20)\d{2}|\d{1,2}\/\d{1,2}\/\d{2}\b/.test(text.slice(d.start, d.end)));
  const years = [...text.matchAll(/(?<![\d/])(?:19|20)\d{2}(?![\d/])/g)].map((m) => m[0]);
  const before = PRIOR.test(text) || (!!onset && ((dates.length > 0 && dates.every((d) => d.date < onset || (d.date === onset && /\bbefore\s*$/i.test(text.slice(0, d.start)))))
    || (!dates.length && years.length > 0 && years.every((y) => y < onset.slice(0, 4)))));
  const kind = KINDS.find(([re]) => re.test(text))?.[1];
  if (before) return `pre-injury baseline records${kind ? `, ${kind}` : ''}: they bear on causation and apportionment`;
  return kind;
}

export const rule: GapRule = {
  meta: {
    id: 'record-noted-missing',
    title: 'A record the file itself says is missing',
    severity: 'medium',
    rationale: 'When an exhibit list, a copy set or an examiner\'s list of records says a record was requested and not received, not included or available on request, the record exists and someone thought it relevant; the file is incomplete until it is obtained, and an opinion written without it can be challenged for that reason.',
    authority: { cite: '20 CFR 404.1512(b)(1) (reasonable efforts to obtain the complete record: an initial and a follow-up request)', url: 'https://www.ecfr.gov/current/title-20/section-404.1512' },
    profiles: ['ssdi', 'ssi', 'workers_comp', 'personal_injury', 'general'],
    request: { to: 'the records custodian of each source named', ask: 'Please send the record the file lists as missing.' },
  },
  check(ctx) {
    const seen = new Set<string>();
    const noted = ctx.documents.filter((d) => !d.misfiled).flatMap((d) => (d.recordsNotedMissing ?? []).map((m) => ({ ...m, doc: d })))
      .filter((m) => !seen.has(m.text) && seen.add(m.text));
    // An index printed before the record came in lists what the file now holds: nothing is missing. An examiner who
    // was not sent a record the file holds wrote without it: that examiner is asked to weigh it, not the custodian to send it.
    const held = noted.filter((m) => heldByFile(ctx, m));
    const missing = noted.filter((m) => !held.includes(m)).slice(0, MAX_LINES);
    const unseen = held.filter((m) => m.doc.role?.role === 'examining').slice(0, Math.max(0, MAX_LINES - missing.length));
    if (!missing.length && !unseen.length) return [];
    const itemsOf = (lines: typeof noted, from = 1) => lines.map((m, i) => {
      const kind = kindOf(ctx, m.text);
      return `(${i + from}) "${m.text}"${kind ? ` (${kind})` : ''}`;
    }).join('; ');
    const absent = itemsOf(missing);
    const notSeen = itemsOf(unseen, missing.length + 1);
    const examiner = unseen.length ? [...ctx.encounters.values()].find((e) => e.file === unseen[0].doc.file && e.provider.name)?.provider.name ?? 'the examiner' : '';
    const why = [
      missing.length ? `The file itself says ${missing.length === 1 ? 'a record is' : 'these records are'} missing: ${absent}.` : '',
      unseen.length ? `An examiner's report says it was written without records the file holds, so its opinion did not weigh them: ${notSeen}.` : '',
    ].filter(Boolean).join(' ');
    const ask = [
      missing.length ? `Please send ${missing.length === 1 ? 'the record' : 'each record'} the file lists as missing, or state that it does not exist: ${absent}.` : '',
      unseen.length ? `Please have ${examiner} review the records the file holds that the report says were not provided (${notSeen}) and state in an addendum whether they change the opinions.` : '',
    ].filter(Boolean).join(' ');
    return [makeGap(rule.meta, {
      why, ask,
      to: missing.length ? rule.meta.request.to : examiner,
      evidence: [...missing, ...unseen].flatMap((m) => m.evidence),
    })];
  },
};
