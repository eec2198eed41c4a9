/**
 * Functional status in rehabilitation wording: an assistance level graded for a task ("ambulates with contact guard
 * assist", "transfers at min A", "modified independent with a rolling walker", "requires moderate assistance for
 * ADLs") or a stated impairment ("has some walking impairment", "balance problems limit her walking"). Each is a
 * limitation of the task's activity, observed by the clinician unless the sentence reports the patient's words.
 */
import type { FactOf } from '../model/index.js';
import { z } from 'zod';
import { readLexiconFile, RegexSource } from '../knowledge/lexicon.js';
import { ActivitySchema } from '../model/fact.js';
import { clauseAround, mentionBase, type SentenceCtx } from './mention.js';

type Activity = FactOf<'limitation'>['attributes']['activity'];
const data = readLexiconFile('extract/functional-status.json', z.looseObject({
  assistLevel: RegexSource, impairment: RegexSource, walkingDevice: RegexSource,
  activities: z.array(z.object({ id: ActivitySchema, patterns: z.array(RegexSource) })),
}));
const ASSIST = new RegExp(data.assistLevel, 'gi');
const IMPAIRMENT = new RegExp(data.impairment, 'gi');
const WALKING_DEVICE = new RegExp(data.walkingDevice, 'i');
const TASKS = data.activities.map((a) => ({ id: a.id, re: new RegExp(`\\b(?:${a.patterns.join('|')})\\b`, 'gi') }));
const PATIENT = /\b(?:reports?|reported|states?|stated|says|said|per (?:the )?patient|family reports?|according to)\b/i;
/** Goals and prior level of function grade a target or the past, not the present state. */
const GOAL = /\b(?:goals?|will (?:be able|ambulate|demonstrate|transfer|perform|require|progress)|(?:is|are) to (?:be|ambulate|demonstrate|transfer|perform)|in order to|to be independent)\b/i;
const PRIOR_LEVEL = /prior (?:level|functional)|\bPLOF\b|baseline/i;
/** "independent with transfers" is no limitation; "with supervision only for safety" still is. */
const WITHOUT_HELP = /\b(?:without (?:any )?(?:assist(?:ance)?|help|device)|no (?:assist(?:ance)?|help) (?:needed|required))\b/i;

interface Cue { start: number; end: number }

function cuesIn(text: string): Cue[] {
  const out: Cue[] = [];
  for (const re of [ASSIST, IMPAIRMENT]) for (const m of text.matchAll(re)) out.push({ start: m.index, end: m.index + m[0].length });
  return out.sort((a, b) => a.start - b.start);
}

export function extractFunctionalStatus(sent: SentenceCtx): FactOf<'limitation'>[] {
  const section = sent.section;
  if (section?.kind === 'goals' || section?.kind === 'family_history' || GOAL.test(sent.text)) return [];
  const cues = cuesIn(sent.text);
  if (cues.length === 0) return [];
  const out: FactOf<'limitation'>[] = [];
  const seen = new Set<Activity>();
  for (const cue of cues) {
    const clause = clauseAround(sent.text, cue.start, cue.end);
    if (WITHOUT_HELP.test(clause.text)) continue;
    for (const task of TASKS) {
      if (seen.has(task.id)) continue;
      let hit: RegExpMatchArray | undefined;
      for (const m of clause.text.matchAll(task.re)) { hit = m; break; }
      if (!hit) continue;
      const ts = clause.start + hit.index!; const te = ts + hit[0].length;
      // The task word inside the cue itself ("walking impairment") still counts: it names what is impaired.
      seen.add(task.id);
      const s = Math.min(ts, cue.start); const e = Math.max(te, cue.end);
      const base = mentionBase(sent, 'limitation', s, e);
      if (PRIOR_LEVEL.test(section?.title ?? '') && base.temporality === 'current') base.temporality = 'historical';
      const source = PATIENT.test(clause.text) ? 'patient' : 'provider';
      out.push({ ...base, type: 'limitation', attributes: { activity: task.id, source, text: clause.text.trim() } });
    }
    const device = seen.size === 0 && WALKING_DEVICE.exec(clause.text);
    if (device) {
      seen.add('walk');
      const ds = clause.start + device.index;
      const base = mentionBase(sent, 'limitation', Math.min(cue.start, ds), Math.max(cue.end, ds + device[0].length));
      out.push({ ...base, type: 'limitation', attributes: { activity: 'walk', source: PATIENT.test(clause.text) ? 'patient' : 'provider', text: clause.text.trim() } });
    }
  }
  return out;
}
