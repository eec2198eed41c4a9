/** Statement facts: MMI, work status, prognosis, impairment ratings and plan signals as clinicians write them. */
import type { FactOf } from '../model/index.js';
import { z } from 'zod';
import { capitalShare } from '../util/text.js';
import { daysBetween } from '../knowledge/date-math.js';
import { compileLexicon, phrasesSource, readLexiconFile, RegexSource } from '../knowledge/lexicon.js';
import { PlanSignalKindSchema } from '../model/fact.js';
import { asNeededIsCurrent, clauseAround, mentionBase, nearestDate, type SentenceCtx } from './mention.js';
import type { DateMention } from '../knowledge/dates.js';
import { specialtiesIn } from '../model/specialties.js';

type MmiKind = FactOf<'mmi_statement'>['attributes']['kind'];
type Signal = FactOf<'plan_signal'>['attributes']['signal'];
type Work = FactOf<'work_status'>['attributes']['status'];
type Outlook = FactOf<'prognosis'>['attributes']['outlook'];
/** Entries of one kind: the id names a value of the contract's enum. */
const entriesOf = <T extends string>(ids: readonly T[]) => z.array(z.looseObject({ id: z.enum(ids as [T, ...T[]]), patterns: z.array(RegexSource) }));
const data = readLexiconFile('extract/statements.json', z.looseObject({
  mmi: entriesOf<MmiKind>(['mmi', 'permanent_and_stationary', 'not_at_mmi', 'plateau']),
  mmiNotAssertions: z.record(z.string(), z.union([z.array(z.string().min(1)), z.string()])),
  planSignals: entriesOf<Signal>(PlanSignalKindSchema.options),
  referral: RegexSource,
  referralNamed: RegexSource,
  referralBare: RegexSource,
  workStatus: entriesOf<Work>(['off_work', 'modified_duty', 'full_duty', 'unable_any_work', 'not_working']),
  prognosis: z.object({ cue: RegexSource, treatmentEffect: RegexSource, outlooks: entriesOf<Outlook>(['poor', 'guarded', 'fair', 'good', 'excellent', 'permanent', 'unchanged']) }),
  impairment: z.object({ rating: RegexSource, ratingAfter: RegexSource, guides: RegexSource }),
}));
/** Why a sentence that names MMI does not state it (question, request, deferral, prediction, paraphrase, form instruction). */
/** What a negation denies when it states no change: "has not improved", "did not get better", "has not progressed". */
const STAGNATION_AFTER = /^\s*(?:been\s+|really\s+|significantly\s+|meaningfully\s+)?(?:improv\w*|changed|progressed|gotten better|got better|gained)\b/i;
/** The words before a date that make it the start of a stable state: "stable at this level since approximately 09/2023". */
const STABLE_SINCE = /\b(?:stable|plateau(?:ed)?|unchanged|stabili[sz]ed)\b[^.;\n]{0,70}\b(?:since|as of)\s+(?:approximately\s+|approx\.\s*|about\s+|around\s+|~\s*)?$/i;
const NOT_ASSERTION = Object.entries(data.mmiNotAssertions)
  .filter((e): e is [string, string[]] => Array.isArray(e[1]))
  .map(([why, phrases]) => ({ why, re: new RegExp(phrasesSource(phrases), 'i') }));
const mmi = compileLexicon(data.mmi);
const plan = compileLexicon(data.planSignals);
const work = compileLexicon(data.workStatus);
const outlooks = compileLexicon(data.prognosis.outlooks);
const PROGNOSIS_CUE = new RegExp(data.prognosis.cue, 'i');
const REFERRAL = new RegExp(data.referral, 'gi');
const REFERRAL_NAMED = new RegExp(data.referralNamed, 'gi');
const REFERRAL_BARE = new RegExp(data.referralBare, 'gi');
const TREATMENT_EFFECT = new RegExp(data.prognosis.treatmentEffect, 'i');
/** An acute illness assessed just before a plan of "supportive care" (a cold, the flu, gastroenteritis). */
const ACUTE_ILLNESS_BEFORE = /\b(?:URI|upper respiratory infection|viral (?:syndrome|illness|infection)|influenza|COVID(?:-19)?|sinusitis|pharyngitis|bronchitis|gastroenteritis|otitis(?: media)?)\b[^;]{0,40}$/i;
/** What a referral is for when it is an evaluation of permanency, not care: "for PPI rating", "for an impairment rating". */
const RATING_PURPOSE = /^[^;]{0,60}?\bfor (?:an? |the |her |his )?(?:PPI|permanent (?:partial )?impairment|impairment|disability|permanency)(?: \(PPI\))? (?:rating|evaluation|exam(?:ination)?)\b/i;
/** "pain referred to the ipsilateral side", "referred pain": the symptom sense of the word. */
const SYMPTOM_REFERRAL = /\b(?:pain|symptoms?|discomfort|ache|aching|tenderness|numbness|tingling|paresthesias?|radiat\w*|sensation|region|area|headaches?)\s+(?:\w+\s+){0,2}$/i;
/** What is sent that is not the patient: prescriptions, results, records, forms, a certification to sign. */
const PAPERS_SENT = /\b(?:rx|prescriptions?|scripts?|results?|records?|reports?|cop(?:y|ies)|forms?|letters?|labs?|images?|films?|bills?|orders?|certifications?|certificates?|paperwork|documentation|questionnaires?|statements?|faxe?d?|(?:is|are|was|were|be|been|being|will be))\s+(?:\w+\s+)?$/i;
/** "please refer to the anesthesia notes", "sent to the recovery room": documents and places, not a clinician. */
const NOT_REFERRAL_TARGET = /\b(?:pharmacy|drugstore|(?:reference|outside|send-?out) lab(?:oratory)?|DDS|SSA|Social Security|disability determination|attorney|atty|lawyer|counsel|insurer|carrier|adjuster|employer)\b|^(?:my|his|her|their|us|me|you|them|him)\b|^(?:above|below|chart|record|note|prior|previous|lab(?:oratory)?|portal|recovery|PACU|post-?anesthesia|holding|home|floor|ward|room|ipsilateral|contralateral|side|area|region)|\b(?:notes?|records?|reports?|chart|documentation|dictation|summary|side|HIM|health information(?: management)?|medical records(?: department)?)$/i;
const PAPERWORK_SUBJECT = /^\W*(?:\d+[.)]\s*)?(?:(?:disability|SSA|FMLA|insurance|attorney)\s+)?(?:forms?|paperwork)\b/i;
/** "Operative report and hospital records: refer to the HIM department": where to ask for papers, not a referral. */
const PAPERS_LABEL = /\b(?:records?|reports?|images?|films?|notes?|bills?|billing|questions?|inquiries|copies)\s*[:;,-]\s*$/i;
const PLAN_SECTIONS = new Set(['plan', 'assessment', 'impression', 'recommendations']);
const RATING = new RegExp(data.impairment.rating, 'gi');
const RATING_AFTER = new RegExp(data.impairment.ratingAfter, 'gi');
const GUIDES = new RegExp(data.impairment.guides, 'i');
const RATING_CONTEXT = /\b(?:impairment|WPI|whole[- ]person|rating|rated|Guides|SLU|(?:schedule(?:d)? )?loss of use)\b/i;
/** New York's schedule loss of use ("35% SLU of the right arm", "SLU 20% right arm"), Virginia's "9% permanent loss of use of the right arm". */
const SLU = /\b(\d{1,3}(?:\.\d)?)\s*%\s*(?:SLU|(?:schedule(?:d)? |permanent )?loss of use)\b|\b(?:SLU|schedule(?:d)? loss of use)\s*(?:of\s*)?(?:is\s*|=\s*|:\s*)?(\d{1,3}(?:\.\d)?)\s*%/gi;
const ORDINAL: Record<string, string> = { third: '3rd', fourth: '4th', fifth: '5th', sixth: '6th' };

/** Sides or parts named in one MMI sentence: "right upper extremity at MMI …; left not at MMI". */
const PARTIAL_MMI = /\b(?:right|left|upper|lower|cervical|lumbar|shoulder|knee|wrist|hand|elbow|hip|extremity|side)\b(?:[^;.]|\.(?=\S)){0,60}\b(?:at|not at)\s+(?:MMI|maximum)/i;
const SIDE_NAMED = /^\W*(?:right|left)\b|\bfor the (?:right|left)\b/i;
const PART = String.raw`(?:right|left|R|L|bilateral|cervical|thoracic|lumbar|low back|neck|spine|shoulder|knee|ankle|foot|wrist|hand|elbow|hip|extremity|arm|leg)`;
/** "R knee - MMI 01/10/2024", "MMI for the lumbar spine", "right knee only": an MMI said of one body part. */
const PART_QUALIFIED = new RegExp(String.raw`\b${PART}\b[ \t]*(?:-|–|:|\bis at\b|\bhas reached\b|\breached\b)[ \t]*(?:MMI|maximum)|\b(?:MMI|maximum medical improvement|P&S)\b[^.;\n]{0,40}\b(?:for|of) (?:the |her |his )?${PART}\b|\b${PART}\b[^.;\n]{0,15}\bonly\b`, 'i');
/** A report that limits itself to one part: "Body part(s) evaluated on this report: RIGHT KNEE only". */
const SCOPE_ONLY = /\b(?:body parts?(?:\(s\))?|evaluated|rated)\b[^\n]{0,60}\bonly\b/i;
const PART_NEAR = new RegExp(String.raw`\b${PART}\b`, 'i');
/** A form's MMI line marked No for a named part: "MMI:  Lumbar spine [X] No", "Has patient reached MMI? [X] No (lumbar)". */
const MARKED_NO_PART = new RegExp(String.raw`(?:MMI|maximum medical improvement)[^\n]{0,40}(?:\b${PART}\b[^\n]{0,20}\[\s*[Xx✓✔]\s*\]\s*No\b|\[\s*[Xx✓✔]\s*\]\s*No\b[^\n]{0,30}\b${PART}\b)`, 'i');
/** Both answers marked on one MMI line: "MMI: [X] Yes - right knee only   [X] No - lumbar spine". */
const BOTH_MARKED = /\[\s*[Xx✓✔]\s*\]\s*Yes\b[\s\S]*\[\s*[Xx✓✔]\s*\]\s*No\b|\[\s*[Xx✓✔]\s*\]\s*No\b[\s\S]*\[\s*[Xx✓✔]\s*\]\s*Yes\b/i;
/**
 * Another named doctor, or an examiner's or carrier's report, as the subject of an opinion verb ("Received letter from
 * carrier w/ IME report - states he is at MMI", "Reviewed respondents' IME (Dr. V, 12/12/2023) which places her at MMI"):
 * a report of their opinion, not the writer's; so is the writer's disagreement with it ("Disagree w/ IME 12/12/23 re MMI"),
 * and another's opinion named as such ("The chiropractor's 02/28/2024 statement that she is not at MMI is …").
 */
const REPORTED_OPINION = /\bDr\.?\s+[A-Z][\w'-]+(?:'s)?\s+(?:(?:also|further|then)\s+)?(?:concludes|concluded|opines|opined|states|stated|found|finds|asserts|asserted|claims|claimed|believes|believed|reports|reported|wrote|writes|declared|placed|places|puts|dates|certified|deemed|released)\b|\b(?:IME|QME|AME|CME|examiner'?s?|carrier'?s?|adjuster'?s?|insurer'?s?)\b[^.;]{0,40}?\b(?:report|letter|opinion)\s*(?:[-\u2013:]\s*)?(?:which\s+|that\s+)?(?:states|stated|says|said|finds|found|concludes|concluded|opines|opined|indicates|indicated|asserts|claims)\b|\b(?:IME|QME|AME|CME|examiner|Section 12|carrier|adjuster|insurer)\b(?:[^.;]|(?<=\bDr|\b[A-Z])\.){0,60}?\b(?:stating|finding|concluding|opining|indicating|declaring|placing|opines|opined|concludes|concluded|considers|considered|finds|found|(?:which|that)\s+(?:places|placed|puts|put|declares|declared))\b|\bdisagree(?:s|d)?\s+(?:w\/|with)\s*(?:the\s+)?(?:IME|QME|AME|CME|examiner|Dr\b)|\b[A-Za-z]+(?:'s|s')\s+(?:\d{1,2}\/\d{1,2}\/\d{2,4}\s+)?(?:statement|opinion|assertion|letter|report|conclusion|finding)\s+that\b/i;
const RETROSPECTIVE = /\b(?:to have|would have|should have|must have|will have)\s+(?:reached|attained|achieved|been at)\b/i;

/** "This opinion does not address her cervical spine condition": the author says the MMI leaves another condition out. */
const LEAVES_OTHER_OUT = /\b(?:(?:this|my|the) (?:opinion|MMI (?:opinion|finding|determination)|finding|determination|statement) does not (?:address|include|cover|extend to|apply to)|does not address (?:her|his|the|their) (?:[\w-]+ ){0,3}(?:condition|injury|injuries|complaints?))\b/i;

/**
 * "MMI with regard to the fracture … Ongoing CRPS care per Dr. O": an MMI said of one condition while the author hands
 * another condition's continuing care to someone else.
 */
const CONDITION_QUALIFIED = /\b(?:MMI|maximum medical improvement)\b[^.;\n]{0,20}\b(?:with regard to|with respect to|as (?:it )?relates? to|regarding) (?:the |her |his )?[\w-]+/i;
/** An MMI limited to some of the claim's conditions, and the author leaving the others to their own source. */
const SCOPED_ONLY = /\b(?:MMI|maximum medical improvement)\b(?:[^.;\n]|\.(?=\w)){0,60}\bfor (?:the )?(?:[^.;\n]|\.(?=\w)){0,80}?\bonly\b/i;
/** An MMI said of the conditions named before: "… for those two conditions", "as to these injuries". */
const SCOPED_TO_NAMED = /\b(?:MMI|maximum medical improvement)\b[^.;\n]{0,60}\b(?:for|with respect to|as to|regarding) (?:those|these|the (?:above|following)) (?:\w+ )?(?:conditions?|body parts?|injuries|diagnoses|regions?)\b/i;
const DEFERS_OTHER = /\b(?:offers? no opinion (?:on|regarding|as to)|defers? (?:to|that to|the [\w-]+ (?:condition|opinion) to)|do(?:es)? not (?:treat|address) (?:the |her |his )?(?:[\w-]+ )?(?:condition|psych\w*|mental|depress\w*|F\d))/i;
const OTHER_CARE_CONTINUES = /\b(?:ongoing|continued|continuing)\s[\w\s/-]{2,30}\s(?:care|treatment|management)\s(?:per|by|with|through)\s|\b(?:is|are|remains?) (?:being )?(?:managed|treated|followed) by (?:Dr\.?|pain|the pain|neurology|psychiatry)/i;

/** A part-qualified MMI is partial when another part is said not to be at MMI, in the sentence, the visit or close by. */
function partOnly(sent: SentenceCtx): boolean {
  const after = sent.doc.text.slice(sent.start, Math.min(sent.encounter.end, sent.end + 200));
  if (LEAVES_OTHER_OUT.test(after) || (CONDITION_QUALIFIED.test(sent.text) && OTHER_CARE_CONTINUES.test(after))) return true;
  // "MMI reached for the allowed physical conditions (…) only. I … offer no opinion on F32.1 - defer to Dr. Roe."
  // (The scope may be the comment under a form's marked answer.)
  // ("MCI is equivalent to maximum medical improvement for those two conditions. … I offer no opinion on … her concussion.")
  if ((SCOPED_ONLY.test(after) || SCOPED_TO_NAMED.test(sent.text)) && DEFERS_OTHER.test(after)) return true;
  const notAtIn = (text: string) => mmi.match(text).some((x) => x.entry.id === 'not_at_mmi');
  const notAtPartIn = (text: string) => MARKED_NO_PART.test(text)
    || mmi.match(text).some((x) => x.entry.id === 'not_at_mmi' && PART_NEAR.test(text.slice(Math.max(0, x.start - 60), x.end + 60)));
  const nearby = sent.doc.text.slice(Math.max(sent.encounter.start, sent.start - 300), Math.min(sent.encounter.end, sent.end + 300));
  if (SCOPE_ONLY.test(nearby) && notAtPartIn(nearby)) return true;
  const sideNamed = SIDE_NAMED.test(sent.text);
  if (!sideNamed && !PARTIAL_MMI.test(sent.text) && !PART_QUALIFIED.test(sent.text)) return false;
  return notAtIn(sent.text) || BOTH_MARKED.test(sent.text) || notAtPartIn(sent.doc.text.slice(sent.encounter.start, sent.encounter.end))
    || (sideNamed && notAtIn(nearby));
}

/** The first words in the sentence that make a mention of MMI something other than a statement of it. */
const ENUMERATED_TOPICS = /^\s*(?:[A-Z][\w ]{0,30}:\s*)?\([A-Ea-e1-9]\)[^()]{1,80}\([B-Eb-e2-9]\)/;
/** "Purposes: [X] MMI  [X] Impairment rating  [ ] Other": the boxes choose what an examination is for, not its answers. */
const TOPIC_CHECKLIST = /^\s*[^[\n]{0,40}\b(?:purposes?|issues?|reasons? for (?:the )?(?:exam\w*|evaluation|referral)|questions?(?: (?:presented|addressed|to be addressed))?|requested|scope|type of (?:exam\w*|evaluation))\b[^[\n]{0,20}?:?\s*\[/i;
/**
 * "Issues referred by the Division: MMI; permanent impairment.": a referral's list of topics, without boxes. Two items
 * or more, none of them a clause ("Issues: she has reached MMI, 11% rating" answers them).
 */
const TOPIC_LABEL = /^\s*[^\n:]{0,40}\b(?:purposes?|issues?|reasons? for (?:the )?(?:exam\w*|evaluation|referral)|questions?|scope|type of (?:exam\w*|evaluation))\b[^\n:]{0,40}:\s*/i;
const CLAUSE_WORD = /\b(?:is|are|was|were|has|have|had|reached|remains?|not|no|yes|at|as of)\b|\d/i;
function topicList(line: string): RegExpExecArray | null {
  const label = TOPIC_LABEL.exec(line);
  if (!label) return null;
  // ("Issue: Maximum medical improvement / ability to return to former position of employment": a topic alone, or with others.)
  const items = line.slice(label[0].length).replace(/\.\s*$/, '').split(/\s*[;,/]\s*/);
  return items.length >= 1 && items.every((i) => i.length > 0 && i.length <= 60 && !CLAUSE_WORD.test(i)) ? label : null;
}
function notAssertion(raw: string): { why: string; start: number; end: number; trigger: string } | undefined {
  // Unmarked form options ("[ ] … statutory MMI on: ____") state nothing, so their words cannot qualify the marked one.
  const text = raw.replace(/\[\s*\][^[\n]*/g, (m) => ' '.repeat(m.length));
  if (/\?\s*$/.test(text)) return { why: 'question', start: text.length - 1, end: text.length, trigger: '?' };
  // "would be expected to have reached MMI no later than 06/22/2023": an opinion on the past, not a prediction.
  const retrospective = RETROSPECTIVE.test(text);
  // "Dr. Whitcomb concludes that she sustained only a sprain and reached MMI by …": another doctor's opinion reported.
  const reported = REPORTED_OPINION.exec(text);
  if (reported) return { why: 'paraphrase', start: reported.index, end: reported.index + reported[0].length, trigger: reported[0] };
  for (const n of NOT_ASSERTION) {
    if (retrospective && n.why === 'prediction') continue;
    const m = n.re.exec(text);
    if (m) return { why: n.why, start: m.index, end: m.index + m[0].length, trigger: m[0] };
  }
  return undefined;
}

/**
 * A title or heading ("MAXIMUM MEDICAL IMPROVEMENT", "MMI / Impairment / Future Care Report - Page 2 of 3",
 * "PART 4 - MMI:"): it names the subject of what follows and states nothing.
 */
function isTitleLine(text: string): boolean {
  const t = text.trim();
  if (/\bPage \d+ of \d+\b/i.test(t)) return true;
  if (t.length > 90) return false;
  if (/:\s*$/.test(t)) return true;
  // "3. MMI.", '5. "Maximum medical improvement."': a numbered item's heading in a letter answering questions.
  if (/^(?:\(?\d{1,2}[.)]|\(?[A-Ha-h][.)])?\s*["“']?(?:MMI|maximum medical improvement|P\s?&\s?S|permanent and stationary)\s*[.:]?["”']?\s*[.:]?$/i.test(t)) return true;
  // "Status of maximum medical improvement" under a letter's RE: line, "MMI determination": the topic, with no verb.
  // ('3. Date of "maximum medical improvement."': a numbered item's heading in a letter answering an examiner.)
  if (/^(?:\(?\d{1,2}[.)]\s*)?(?:(?:status|issue|question|topic|subject|determination|date|opinion) of ["“']?(?:MMI|maximum medical improvement|P\s?&\s?S)|["“']?(?:MMI|maximum medical improvement|P\s?&\s?S)["”']? (?:status|issue|question|determination|opinion))[.,]?["”']?\s*[.:]?$/i.test(t)) return true;
  // "MMI: No.   /s/ DPS": a field answered, then the author's initials, is no heading however many capitals it has.
  if (/\b(?:MMI|P\s?&\s?S)\s*[:?]\s*(?:No|Yes)\b/i.test(t)) return false;
  return capitalShare(t, 6) >= 0.75;
}

/** The MMI term as the modifier of a document or visit ("P&S evaluation", "MMI / impairment rating exam"). */
const NAMES_A_DOCUMENT = /^\s*(?:\/\s*[\w&]+(?:\s+rating)?\s*)?(?:evaluation|eval|examination|exam|report|determination|questionnaire|form|inquiry|letter|visit|appointment|certification form|paperwork|papers|forms|opinion|opinions|note|notes)\b/i;

/** An MMI date is the one written with the statement ("reached MMI on December 7, 2022", "Clinical MMI: 11/28/2023"), not any date in the sentence. */
const MMI_DATE_REACH = 40;
/** Words that tie a later date in the clause to the MMI stated before it. */
const MMI_DATE_TIE = /\b(?:as of|no later than|not later than|effective|as early as|by|on|since|on or about|on or before|(?:at|by) approximately|about)\s*$|\bas\s+of\s+(?:my|the|her|his|our)\s+(?:(?:last|most\s+recent|final)\s+)?(?:examination|exam|visit|evaluation|appointment)(?:\s+(?:of|on|dated))?\s*$/i;
/** "for the injuries caused by the 01/21/2023 fall": the date of the event the MMI is for, not the MMI's. */
const EVENT_DATE = /^\s*(?:slip[- ]and[- ]fall|fall|injury|injuries|accident|collision|incident|MVA|MVC|crash|assault)\b/i;
/** "… with respect to the work injury of 09/20/2021 as of today's date": the date the event's own words introduce. */
const EVENT_OF_DATE = /\b(?:injury|injuries|accident|collision|incident|MVA|MVC|crash|assault|fall|DOI|date of (?:injury|loss|accident))\s*(?:of|on|dated|:)?\s*$/i;
const MMI_DATE_TIED_REACH = 110;
/**
 * "Maximum medical improvement: Her symptoms have been unchanged since about 02/2024": under the heading a sentence
 * of its own begins, and its date is what it speaks of; "MMI: 06/27/2023", "Date of MMI - as of 05/14/2024" answer the label.
 */
function underLabel(between: string): boolean {
  const m = /^\s*[:\-\u2013]\s*(.*)$/s.exec(between);
  return !!m && /\b(?:has|have|had|was|were|is|are)\b/i.test(m[1]) && m[1].trim().split(/\s+/).length > 4;
}
/** "As of my examination on 04/17/2023, she had reached MMI": an as-of date written before the words it dates. */
const AS_OF_BEFORE = /\b(?:as of|effective)\b[^.;]{0,30}$/i;
const MMI_DATE_LEAD_REACH = 60;

/**
 * "My C-4.3 (MMI 01/17/2023; 22.5% SLU) is withdrawn", "she withdrew her MMI opinion", "He was at MMI from 12/06/2022
 * until his fall; that is no longer the case", 'Item 12 … was marked "Yes" (MMI 06/01/2022) in error': the MMI named is taken back.
 */
const WITHDRAWN = /\b(?:(?:is|was|are|were|has been|have been|being)\s+(?:hereby\s+)?(?:withdrawn|rescinded|retracted|vacated|revoked)|(?:withdr[ae]w(?:s|n|ing)?|rescind(?:s|ing)?|retract(?:s|ing)?|revok(?:e|es|ing))\s+(?:her|his|my|the|this|that|their)\b|\bwithdrawal of (?:the|my|his|her|this|that|their)\b|\b(?:MMI|maximum medical improvement|P&S)(?: (?:opinion|finding|rating|determination))?\s+(?:withdrawal|rescission|retraction|revocation)\b|(?:is|are) no longer (?:the case|true|valid|applicable)|no longer (?:applies|holds)\b|(?:was|were) at (?:MMI|maximum medical improvement) (?:from|until)\b|\b(?:marked|checked|ticked|entered|answered|indicated)\b[^.;]{0,60}\b(?:in error|by mistake)\b|\b(?:erroneously|mistakenly) (?:marked|checked|ticked|entered|answered|indicated)\b)/i;
/** "withdrawn on 05/10/2022", "rescinded 08/03/2023": the day a withdrawal was made. */
const WITHDRAWN_ON = /\b(?:withdrawn|rescinded|retracted|vacated|revoked|withdrew)\s+(?:on|as of)?\s*/i;
/** What may stand between a date and the withdrawal it dates: "(02/15/2022) I withdrew", "on 02/15/2022, Dr. Roe rescinded". */
const WITHDRAWER_BETWEEN = /^[)\],:]?\s*(?:,\s*)?(?:I|we|he|she|(?:Dr\.?\s+)?[A-Z][\w'-]+)?\s*$/;
/** A withdrawal dated this long before the note that tells it is that note's history. */
const RECOUNTED_AFTER_DAYS = 30;
/** The date of a withdrawal the sentence tells as long past (before the note by more than RECOUNTED_AFTER_DAYS). */
function recountedWithdrawal(sent: SentenceCtx): DateMention | undefined {
  const on = WITHDRAWN_ON.exec(sent.text);
  // After the verb ("rescinded 08/03/2023"), or just before it ("at which point (02/15/2022) I withdrew that MMI date").
  const when = on ? sent.dates().find((x) => !x.relative && ((x.start >= on.index && x.start <= on.index + on[0].length + 4)
    || (x.end <= on.index && WITHDRAWER_BETWEEN.test(sent.text.slice(x.end, on.index))))) : undefined;
  return when && sent.encounter.date && daysBetween(when.date, sent.encounter.date) > RECOUNTED_AFTER_DAYS ? when : undefined;
}
/** "Not at MMI. Re-evaluate after surgery.", "not at MMI pending surgery": the opinion waits for an operation. */
const AWAITS_OPERATION = /^[^.;]{0,60}?\b(?:after|following|pending|until|awaiting)\s+(?:the\s+|her\s+|his\s+|planned\s+|scheduled\s+)?(?:surgery|operation|fusion|surgical repair)\b|^\s*[.;]?\s*(?:re-?evaluate|reassess|recheck|re-?check)\s+(?:after|following|post)[\s-]?(?:surgery|op\b|operation)/i;
/** The next sentence's words taking back the opinion just recalled: "I am withdrawing that answer." */
const WITHDRAWN_NEXT = /^[\s"')\]]*(?:I am|I'm|I)\s+(?:hereby\s+|now\s+)?(?:withdraw(?:ing)?|rescind(?:ing)?|retract(?:ing)?|revok(?:e|ing))\s+(?:that|this|the|my)\s+(?:answer|opinion|finding|response|statement|certification|determination|box)\b/i;
/** A section the note itself marks as repeated from earlier notes. */
const CARRIED_SECTION = /\b(?:carried|copied|brought) forward\b|\bcopied from\b/i;
/** The last label before a sentence says its lines are carried forward ("… (carried forward from prior visit template):"). */
const CARRIED_LABEL = /(?:\b(?:carried|copied|brought) forward\b|\bcopied from\b)[^\n:]{0,60}:[ \t]*\n?[ \t]*$/i;
/** The answer after the label: "MMI: No", "MMI? N", "MMI No." (a form line written out without its colon). */
const FIELD_NO = /^\s*(?:[:?]\s*(?:No|N)\b|No\b(?=\s*(?:[.;,)]|$)))/;
/** The same ceiling, its abbreviation opened in brackets after it: "maximum chiropractic improvement (". */
const DISCIPLINE_ABBREVIATED = /\bmaxim(?:um|al) (?:chiropractic|therapeutic|rehabilitative|functional|physical therapy|PT|OT) (?:improvement|benefit)\s*\(\s*$/i;
/** A therapy discipline's own ceiling: "maximum benefit from skilled PT", "maximum chiropractic improvement". */
const DISCIPLINE_BENEFIT = /\bmaxim(?:um|al) (?:benefit|potential|(?:chiropractic|therapeutic|rehabilitative|functional) (?:improvement|benefit))/i;
/** "… maximum benefit from treatment": the ceiling of all the care, not of one discipline's. */
const WHOLE_CARE_BENEFIT = /\bmaxim(?:um|al) (?:medical )?benefit from (?:(?:all|any|further|medical|current|his|her|their|the) )*(?:treatment|care|medical care)\b/i;
export const isWholeCareBenefit = (text: string): boolean => WHOLE_CARE_BENEFIT.test(text);
/**
 * "She is early in trauma-focused treatment and has not reached maximum benefit": a physician's bare "maximum benefit",
 * naming no discipline, is the ceiling of the care the physician directs; a therapist's is the ceiling of the therapy.
 */
const BARE_BENEFIT = /\bmaxim(?:um|al) benefit$/i;
const BENEFIT_OF = /^\s*(?:from|of|with|in|for|to)\b/i;
const THERAPISTS = specialtiesIn('therapist');
function physiciansBareBenefit(sent: SentenceCtx, m: { text: string; end: number }): boolean {
  const specialty = sent.encounter.specialty;
  return BARE_BENEFIT.test(m.text) && !BENEFIT_OF.test(sent.text.slice(m.end)) && specialty !== 'unknown' && !THERAPISTS.has(specialty);
}
/** "MMI:", "MMI / impairment:" or "MMI status:" as a field label before the answer ("MMI status: no longer at maximum medical improvement"). */
const LABEL_AFTER = /^\s*(?:\/\s*[\w ]{1,25}?|\s+(?:status|date|opinion|determination|question))?\s*[:\-\u2013]/i;

/** A person named after "Referral:": "Dr. Roe", "P. Natarajan-Holt, MD", "Jane Roe, PA-C". */
const REFERRER_NAMED = /^(?:Dr\.?\s|[A-Z]\.\s|[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][\w'-]+,\s*(?:MD|DO|PA|PA-C|NP|FNP|DPT|DC)\b)/;
/** A referral's source line: "Referring: Dr. …", "Referred by: …". */
const REFERRER_LINE = /^\s*(?:referring(?:\s+(?:physician|provider|doctor|MD))?|referred\s+by|referral\s+(?:source|from))\s*:/i;
/** A form field's label followed by its blank: "(if known): ______________", "date: ____/____/____". */
const BLANK_FIELD = /^\s*(?:\([^()\n]{0,30}\)\s*)?(?:date\s*)?[:\-\u2013]?\s*_{3,}(?:[\s\/]*_+)*\s*(?:$|\n|[A-Z])/;

export function extractMmi(sent: SentenceCtx): FactOf<'mmi_statement'>[] {
  const out: FactOf<'mmi_statement'>[] = [];
  if (isTitleLine(sent.text)) return out;
  const matches = mmi.match(sent.text);
  if (!matches.length) return out;
  const answeredNo = matches.some((m) => m.entry.id === 'not_at_mmi');
  const withdrawn = WITHDRAWN.test(sent.text);
  const recounted = withdrawn ? recountedWithdrawal(sent) : undefined;
  // "On the APS dated 11/20/2023 I checked that she had reached MMI. I am withdrawing that answer.": the next sentence
  // takes back the MMI this one recalls.
  const withdrawnNext = WITHDRAWN_NEXT.test(sent.doc.text.slice(sent.end, Math.min(sent.encounter.end, sent.end + 120)));
  // "(A) Maximum medical improvement (B) Impairment rating", "Issues: (1) MMI/IR; (2) reasonableness of revision",
  // "Purposes: [X] MMI [X] Impairment rating": the topics a form or a referral lists, not an opinion on them.
  // (The checklist's label may end the sentence before: "Reason for examination: | [X] Maximum medical improvement".)
  const lineLead = sent.doc.text.slice(Math.max(sent.encounter.start, sent.doc.text.lastIndexOf('\n', sent.start - 1) + 1), sent.start);
  // A label the note gives the lines below it, "Work status (carried forward from prior visit template):", or the line's own.
  const carriedLabel = CARRIED_LABEL.test(sent.doc.text.slice(Math.max(sent.encounter.start, sent.start - 160), sent.start));
  const listed = ENUMERATED_TOPICS.exec(sent.text);
  const checklist = !listed && (TOPIC_CHECKLIST.exec(lineLead + sent.text) ?? topicList(lineLead + sent.text));
  // "Referring: Alan M. Creekmore, MD (ATP) - 'med mgmt …, MMI 02/06/23'": the referrer's words, carried on the referral.
  const referrer = REFERRER_LINE.exec(lineLead + sent.text);
  const topics = listed ? { start: listed.index, end: listed.index + listed[0].length, trigger: listed[0] }
    : checklist ? { start: 0, end: Math.max(0, checklist[0].length - lineLead.length), trigger: checklist[0].trim() }
    : referrer ? { why: 'paraphrase', start: 0, end: Math.max(0, referrer[0].length - lineLead.length), trigger: referrer[0].trim() } : undefined;
  // Whether the sentence's MMI covers only part of the claim: once per sentence, not once per mention.
  let partial: boolean | undefined;
  // Mentions in one clause share its verdict (a run-on line may hold hundreds).
  const judged = new Map<string, ReturnType<typeof notAssertion>>();
  for (const m of matches) {
    // A field label whose answer in the same sentence is "not at MMI" states nothing itself.
    if (answeredNo && m.entry.id !== 'not_at_mmi' && LABEL_AFTER.test(sent.text.slice(m.end))) continue;
    // "Date of maximum medical improvement (if known): ______": a field left blank states nothing.
    if (BLANK_FIELD.test(sent.text.slice(m.end))) continue;
    // "maximum chiropractic improvement (MMI)": the bracket abbreviates the discipline's own ceiling, named just before.
    if (m.entry.id === 'mmi' && DISCIPLINE_ABBREVIATED.test(sent.text.slice(Math.max(0, m.start - 60), m.start))) continue;
    // Judged within the mention's own clause: "Statutory MMI does not apply; clinical MMI has been reached" states the second.
    const clause = clauseAround(sent.text, m.start, m.end);
    const clauseKey = `${clause.start}:${clause.text.length}`;
    if (!judged.has(clauseKey)) judged.set(clauseKey, notAssertion(clause.text));
    const inClause = judged.get(clauseKey);
    let not = inClause ? { ...inClause, start: inClause.start + clause.start, end: inClause.end + clause.start }
      : topics ? { why: 'question', ...topics } : undefined;
    // "Statutory MMI" qualifies only the MMI it names, not a clinical MMI stated beside it.
    if (not?.why === 'statutory' && !(not.start <= m.start && not.end >= m.end)) not = undefined;
    // "My previous MMI of 12/13/2022 is no longer valid": the earlier MMI is part of the words that take it back.
    // ("S/p meniscectomy; withdrawn MMI 03/28/2023; s/p microfracture": an earlier withdrawal named in a history list is history.)
    if (not && m.entry.id === 'not_at_mmi' && not.start >= m.start && not.end <= m.end && !(not.why === 'history' && /^(?:withdrawn|rescinded|retracted)\b/i.test(not.trigger))) not = undefined;
    const base = mentionBase(sent, 'mmi_statement', m.start, m.end, { dating: 'encounter' });
    // Under "HISTORY (carried forward):" the note repeats an earlier visit's words; they are not this visit's opinion.
    if (((sent.section && CARRIED_SECTION.test(sent.section.title ?? '')) || carriedLabel) && base.temporality === 'current') {
      base.temporality = 'historical';
      base.context = [...base.context, { category: 'historical', trigger: `carried forward: ${sent.section?.title ?? 'the label above'}`, start: sent.start + m.start, end: sent.start + m.end }];
    }
    // "permanent and stationary evaluation", "MMI/IR exam", "P&S report": the term names a document or visit, not a state.
    const names = m.entry.id !== 'plateau' && NAMES_A_DOCUMENT.exec(sent.text.slice(m.end));
    // (A withdrawal names the opinion it takes back, "withdrawing my 04/17/2024 MMI opinion": that is the withdrawal, below.)
    if (names && !not && !withdrawn) {
      base.temporality = 'hypothetical';
      base.context = [...base.context, { category: 'hypothetical', trigger: `names a document: ${names[0].trim()}`, start: sent.start + m.end, end: sent.start + m.end + names[0].length }];
    }
    // "I am withdrawing my 06/13/2023 statement that she had reached MMI": the old MMI recounted in the words that take
    // it back is the withdrawal itself (a withdrawal long past, recounted, is still history: below).
    if (withdrawn && not?.why === 'history' && (m.entry.id === 'mmi' || m.entry.id === 'permanent_and_stationary')) not = undefined;
    // "asked whether he has reached MMI", "should reach MMI in 6 weeks", "I defer MMI to the treating doctor".
    if (not && (m.entry.id !== 'plateau' || not.why === 'history')) {
      base.temporality = 'hypothetical';
      base.context = [...base.context, { category: 'hypothetical', trigger: `${not.why}: ${not.trigger}`, start: sent.start + not.start, end: sent.start + not.end }];
    }
    let kind = m.entry.id;
    // "Without surgery I do not expect further improvement": "without" negates the condition (surgery), not the plateau.
    const negations = base.context.filter((c) => c.category === 'negated');
    // "well stabilized and unlikely to change substantially": a negation word inside another plateau phrase belongs to it.
    const insideAnother = (c: { start: number }) => matches.some((o) => o !== m && o.entry.id === 'plateau' && c.start - sent.start >= o.start && c.start - sent.start < o.end);
    // "EF has not improved beyond 30-35% despite optimal therapy and is not expected to improve": a negated change is
    // the plateau's own evidence, not a denial of it.
    const stagnation = (c: { end: number }) => STAGNATION_AFTER.test(sent.text.slice(c.end - sent.start, c.end - sent.start + 30));
    if (base.negated && kind === 'plateau' && negations.every((c) => /^(?:without|w\/o)$/i.test(c.trigger) || insideAnother(c) || stagnation(c))) {
      base.negated = false;
      base.context = base.context.filter((c) => c.category !== 'negated');
    }
    // "has not reached MMI" phrased around the match: the statement is "not at MMI", affirmed.
    // "he has not reached a plateau" is the same opinion: improvement is still expected.
    // ("Has not reached maximum therapeutic benefit" speaks of the therapy course, not of MMI: it stays a negated plateau.)
    if (base.negated && (kind === 'mmi' || kind === 'permanent_and_stationary' || (kind === 'plateau' && (!DISCIPLINE_BENEFIT.test(m.text) || isWholeCareBenefit(sent.text.slice(m.start, m.end + 40)) || physiciansBareBenefit(sent, m))))) { kind = 'not_at_mmi'; base.negated = false; }
    // A field answered inline ("fixed and stable: No.", "MMI? No"): the answer decides.
    if ((kind === 'mmi' || kind === 'permanent_and_stationary') && FIELD_NO.test(sent.text.slice(m.end))) kind = 'not_at_mmi';
    // An MMI opinion taken back is a statement that the claimant is no longer at MMI. ("… found P&S 04/26/2022; that
    // P&S finding was withdrawn on 05/10/2022": a withdrawal long past, recounted, is history, and so is the MMI it took back.)
    if (withdrawn && !not && base.temporality === 'current' && (kind === 'mmi' || kind === 'permanent_and_stationary')) kind = 'not_at_mmi';
    if (recounted && base.temporality === 'current' && kind !== 'plateau') {
      base.temporality = 'historical';
      base.context = [...base.context, { category: 'historical', trigger: `withdrawn on ${recounted.date}`, start: sent.start + recounted.start, end: sent.start + recounted.end }];
    }
    if (withdrawnNext && (kind === 'mmi' || kind === 'permanent_and_stationary')) {
      kind = 'not_at_mmi';
      base.temporality = 'current';
      base.context = [...base.context.filter((c) => c.category !== 'hypothetical' && c.category !== 'historical'), { category: 'historical', trigger: 'withdrawn in the next sentence', start: sent.end, end: sent.end }];
    }
    // "right upper extremity at MMI as of 02/08/2024; left not at MMI - surgery pending": one part is, the injury is not.
    // (A form's question counts too: its marked answer is bound later, and a partial one stays partial.)
    if ((kind === 'mmi' || kind === 'permanent_and_stationary') && (base.temporality === 'current' || not?.why === 'question') && (partial ??= partOnly(sent))) {
      base.temporality = 'hypothetical';
      base.context = [...base.context, { category: 'hypothetical', trigger: 'partial: another part is not at MMI', start: sent.start, end: sent.start }];
    }
    const attributes: FactOf<'mmi_statement'>['attributes'] = { kind };
    if (kind !== 'not_at_mmi' && kind !== 'plateau') {
      // (A form's field and its answer across the page, "Date of MMI:            08/15/2023": the gap is layout.)
      const near = sent.dates().filter((x) => (!x.relative || x.date <= (sent.encounter.date ?? x.date)) && x.start >= m.end - 5
        && (x.start - m.end <= MMI_DATE_REACH || /^\s*:[ \t]+$/.test(sent.text.slice(m.end, x.start)))
        // ("reached MMI; his knee has been unchanged since my 01/24/2023 visit": the next clause's date is its own.)
        && !sent.text.slice(m.end, x.start).includes(';')
        && !EVENT_DATE.test(sent.text.slice(x.end, x.end + 25)) && !EVENT_OF_DATE.test(sent.text.slice(Math.max(0, x.start - 30), x.start)) && !underLabel(sent.text.slice(m.end, x.start)));
      // "reached MMI for any collision-related injury no later than 05/26/2023", "… as of my examination of March 5,
      // 2024": a date its own words tie to the MMI, further on.
      const tied = sent.dates().find((x) => !x.relative && x.start >= m.end && x.start - m.end <= MMI_DATE_TIED_REACH
        && MMI_DATE_TIE.test(sent.text.slice(Math.max(m.end, x.start - 45), x.start)) && !/[.;]/.test(sent.text.slice(m.end, x.start)) && !underLabel(sent.text.slice(m.end, x.start)));
      // "As of my examination on April 17, 2023, she had reached maximum medical improvement": the date leads.
      const leading = sent.dates().find((x) => !x.relative && x.end <= m.start && m.start - x.end <= MMI_DATE_LEAD_REACH
        && AS_OF_BEFORE.test(sent.text.slice(Math.max(0, x.start - 40), x.start)) && !/[.;]/.test(sent.text.slice(x.end, m.start)));
      const d = nearestDate(near, m.start, m.end) ?? tied ?? leading;
      if (d) attributes.mmiDate = d.date;
    } else if (kind === 'plateau') {
      // "Her condition plateaued as of her 01/23/2024 visit": only a date its own words tie to the plateau dates it.
      const tied = sent.dates().find((x) => !x.relative && x.start >= m.end && x.start - m.end <= MMI_DATE_TIED_REACH
        && /\b(?:as of|since|effective)\s+(?:(?:her|his|the)\s+)?$/i.test(sent.text.slice(Math.max(m.end, x.start - 25), x.start)) && !/[.;]/.test(sent.text.slice(m.end, x.start)));
      // "Stable at this level on the current regimen since approximately 09/2023; … not expected to improve": the
      // stability the opinion rests on began on the date it names.
      const stableSince = tied ? undefined : sent.dates().find((x) => !x.relative && x.end <= m.start
        && STABLE_SINCE.test(sent.text.slice(Math.max(0, x.start - 100), x.start)) && !/\./.test(sent.text.slice(x.end, m.start).replace(/\b(?:approx|est)\./gi, '')));
      const d = tied ?? stableSince;
      if (d) attributes.mmiDate = d.date;
    }
    if (kind === 'not_at_mmi' && AWAITS_OPERATION.test(`${sent.text.slice(m.end)} ${sent.doc.text.slice(sent.end, Math.min(sent.encounter.end, sent.end + 80))}`)) attributes.awaits = 'operation';
    out.push({ ...base, type: 'mmi_statement', attributes });
  }
  return out;
}

const REFERRAL_DECLINED = /^(?:[^.]|(?<=\b(?:Dr|Mr|Mrs|Ms|St))\.){0,120}?(?:(?:[;,]|\s[-\u2013\u2014])\s*(?:and\s+|but\s+)?(?:(?:he|she|they|the patient|patient|pt|claimant)\s+)?(?:declines?|declined|refuses?|refused|does not wish|is not interested)|\boffered\s*(?:[-\u2013\u2014:,(]\s*|\s(?:but|and)\s+)(?:declined|refused)|\((?:declined|refused)\)|\b(?:declined|refused)\s+by\s+(?:the\s+)?(?:pt|patient|claimant))\b/i;
const NEGATIVE_SIGNAL = /\b(?:not|no|non|never)\b|\bnon-/i;

export function extractPlanSignals(sent: SentenceCtx): FactOf<'plan_signal'>[] {
  const out: FactOf<'plan_signal'>[] = [];
  if (sent.section?.kind === 'goals' || sent.section?.kind === 'family_history') return out;
  for (const m of plan.match(sent.text)) {
    // "A: Viral upper respiratory infection. P: Supportive care; saline rinse.": the care of a passing illness.
    if (m.entry.id === 'maintenance_care' && /^supportive/i.test(m.text) && ACUTE_ILLNESS_BEFORE.test(sent.doc.text.slice(Math.max(sent.encounter.start, sent.start - 120), sent.start))) continue;
    const attributes: FactOf<'plan_signal'>['attributes'] = { signal: m.entry.id };
    if (m.entry.id === 'return_to_clinic') attributes.target = /in (.+)$/i.exec(m.text)?.[1];
    // Whom the condition is left to: "per Dr. Vance", "per neurosurgery"; unnamed ("I do not manage his spine"), a specialist.
    if (m.entry.id === 'managed_elsewhere') attributes.target = /\b(?:per|by|with)\s+(.+)$/i.exec(m.text)?.[1] ?? 'specialist';
    // "not a surgical candidate" carries its own negation; an earlier clause's "does not show" must not cancel it.
    const selfNegating = NEGATIVE_SIGNAL.test(m.text) ? { meaningfulNegation: /./ } : {};
    const base = mentionBase(sent, 'plan_signal', m.start, m.end, { dating: 'encounter', ...selfNegating });
    // "Continue current regimen (meloxicam, tizanidine PRN, HEP)": a PRN drug in the list does not make the plan hypothetical.
    asNeededIsCurrent(base);
    // "We will continue his current medication regimen": a plan is stated in the future tense; "will" makes it the plan, not a hypothesis.
    const hyp = base.context.filter((c) => c.category === 'hypothetical');
    if (base.temporality === 'hypothetical' && hyp.length && hyp.every((c) => /^(?:(?:we|i|she|he|they|patient|pt)\s+)?will$/i.test(c.trigger.trim()))) {
      base.temporality = 'current';
      base.context = base.context.filter((c) => c.category !== 'hypothetical');
    }
    out.push({ ...base, type: 'plan_signal', attributes });
  }
  // "referred to Meredith A. Kalani, DO (PM&R) for PPI rating": sent to be rated, not treated.
  const forRating = (m: RegExpMatchArray) => RATING_PURPOSE.test(sent.text.slice(m.index! + m[0].length, m.index! + m[0].length + 80));
  for (const m of sent.text.matchAll(REFERRAL)) {
    if (forRating(m)) continue;
    const target = m[1].trim().replace(/\s+(?:the|a|an|for|and|in|at)$/i, '');
    if (!target || NOT_REFERRAL_TARGET.test(target)) continue;
    // ("Referral: P. Natarajan-Holt, MD 08/15/2023 - …": a therapist's note naming who referred, not where to.)
    if (/:\s*$/.test(m[0].slice(0, m[0].length - m[1].length)) && REFERRER_NAMED.test(sent.text.slice(m.index + m[0].length - m[1].length))) continue;
    if (SYMPTOM_REFERRAL.test(sent.text.slice(Math.max(0, m.index - 40), m.index))) continue;
    // "3 Rx sent to CareFirst Pharmacy", "results are sent to DDS": papers sent somewhere, not a patient referred.
    if (/^sen[dt]\b/i.test(m[0]) && PAPERS_SENT.test(sent.text.slice(Math.max(0, m.index - 40), m.index))) continue;
    if (PAPERS_LABEL.test(sent.text.slice(Math.max(0, m.index - 40), m.index))) continue;
    // "Offered referral to the bariatric program. She declines referral ...": the answer in the next lines of the visit.
    if (/^offer/i.test(sent.text.slice(Math.max(0, m.index - 8), m.index + 12).trim()) || /\boffer\w*\s+(?:a\s+|the\s+)?(?:re-?)?$/i.test(sent.text.slice(Math.max(0, m.index - 12), m.index))) {
      const after = sent.doc.text.slice(sent.end, Math.min(sent.encounter.end, sent.end + 250));
      if (/\b(?:declin\w*|refus\w*)\s+(?:the\s+|a\s+|this\s+)?(?:re-?)?referral\b/i.test(after)) continue;
    }
    // "She declines referral to the bariatric program", "refused a referral to PT": the offer turned down opens nothing.
    if (/\b(?:declin\w*|refus\w*|does not want|not interested in)\s+(?:the\s+|a\s+|any\s+)?(?:re-?)?$/i.test(sent.text.slice(Math.max(0, m.index - 30), m.index))) continue;
    // "Forms - declined to complete; referred to treating spine providers": the paperwork is sent on, not the patient.
    if (PAPERWORK_SUBJECT.test(sent.text.slice(0, m.index))) continue;
    // "was referred to PT for knee pain" in the history is why this visit happened, not a new referral from it.
    if (/^referred\b/i.test(m[0]) && !PLAN_SECTIONS.has(sent.section?.kind ?? '')) continue;
    // "Offered re-referral to neurosurgery; he declines": an offer turned down opens nothing.
    if (REFERRAL_DECLINED.test(sent.text.slice(m.index))) continue;
    out.push({ ...mentionBase(sent, 'plan_signal', m.index, m.index + m[0].length, { dating: 'encounter' }), type: 'plan_signal', attributes: { signal: 'referral', target } });
  }
  for (const m of sent.text.matchAll(REFERRAL_NAMED)) {
    if (forRating(m) || REFERRAL_DECLINED.test(sent.text.slice(m.index))) continue;
    out.push({ ...mentionBase(sent, 'plan_signal', m.index, m.index + m[0].length, { dating: 'encounter' }), type: 'plan_signal', attributes: { signal: 'referral', target: m[1] } });
  }
  for (const m of sent.text.matchAll(REFERRAL_BARE)) {
    if (forRating(m) || REFERRAL_DECLINED.test(sent.text.slice(m.index))) continue;
    if (out.some((f) => f.type === 'plan_signal' && f.attributes.signal === 'referral' && f.evidence[0].start <= sent.start + m.index && sent.start + m.index < f.evidence[0].end && f.attributes.target?.toLowerCase().startsWith(m[1].toLowerCase()))) continue;
    out.push({ ...mentionBase(sent, 'plan_signal', m.index, m.index + m[0].length, { dating: 'encounter' }), type: 'plan_signal', attributes: { signal: 'referral', target: m[1] } });
  }
  return out;
}

export function extractWorkStatus(sent: SentenceCtx): FactOf<'work_status'>[] {
  const out: FactOf<'work_status'>[] = [];
  if (sent.section?.kind === 'family_history' || sent.section?.kind === 'goals') return out;
  for (const m of work.match(sent.text)) {
    const attributes: FactOf<'work_status'>['attributes'] = { status: m.entry.id };
    const until = /\buntil\b/i.exec(sent.text.slice(m.end));
    if (until) {
      const at = m.end + until.index;
      const d = sent.dates().find((x) => x.start >= at);
      if (d) attributes.until = d.date;
    }
    out.push({ ...mentionBase(sent, 'work_status', m.start, m.end, { dating: 'encounter' }), type: 'work_status', attributes });
    break; // one work status per sentence: the first phrase states it
  }
  return out;
}

export function extractPrognosis(sent: SentenceCtx): FactOf<'prognosis'>[] {
  let cue = PROGNOSIS_CUE.exec(sent.text);
  // "a microdiscectomy, which would be expected to improve her leg pain": a treatment's hoped-for effect, not her course.
  if (cue && TREATMENT_EFFECT.test(sent.text.slice(Math.max(0, cue.index - 40), cue.index))) cue = null;
  // Under a "PROGNOSIS:" heading the sentence itself ("Guarded.") need not repeat the word.
  const underHeading = !cue && /prognos/i.test(sent.section?.title ?? '') && sent.text.length < 200;
  if (!cue && !underHeading) return [];
  const words = outlooks.match(sent.text);
  const word = (cue && words.find((w) => w.start >= cue.index)) || words[0];
  if (!word) return [];
  const s = cue ? Math.min(cue.index, word.start) : word.start;
  const e = cue ? Math.max(cue.index + cue[0].length, word.end) : word.end;
  return [{ ...mentionBase(sent, 'prognosis', s, e, { dating: 'encounter' }), type: 'prognosis', attributes: { outlook: word.entry.id, text: sent.text.slice(s, e) } }];
}

function basisOf(raw: string | undefined): FactOf<'impairment_rating'>['attributes']['basis'] {
  if (!raw) return 'unspecified';
  if (/whole|WP|body as a whole/i.test(raw)) return 'whole_person';
  if (/upper|UE/i.test(raw)) return 'upper_extremity';
  if (/lower|LE/i.test(raw)) return 'lower_extremity';
  return 'regional';
}

export function extractImpairment(sent: SentenceCtx): FactOf<'impairment_rating'>[] {
  if (!RATING_CONTEXT.test(sent.text)) return [];
  const out: FactOf<'impairment_rating'>[] = [];
  const g = GUIDES.exec(sent.text);
  const edition = g ? (ORDINAL[(g[1] ?? g[2]).toLowerCase()] ?? (g[1] ?? g[2])) : undefined;
  const withdrawn = WITHDRAWN.test(sent.text);
  const seen = new Set<number>();
  const add = (s: number, e: number, percent: number, basisRaw: string | undefined) => {
    if (percent > 100 || [...seen].some((x) => Math.abs(x - s) < 30)) return;
    seen.add(s);
    const attributes: FactOf<'impairment_rating'>['attributes'] = { percent, basis: basisOf(basisRaw) };
    if (edition) attributes.guidesEdition = edition;
    const region = /\b(lumbar|cervical|thoracic|shoulder|knee|hip|upper extremity|lower extremity|spine)\b/i.exec(sent.text)?.[1];
    if (region) attributes.bodyRegion = region.toLowerCase();
    const base = mentionBase(sent, 'impairment_rating', s, e, { dating: 'encounter' });
    // "I am withdrawing my MMI opinion and the 4% PPD rating": a rating taken back is no longer the claimant's.
    if (withdrawn && base.temporality === 'current') {
      base.temporality = 'historical';
      base.context = [...base.context, { category: 'historical', trigger: 'withdrawn', start: sent.start, end: sent.start }];
    }
    out.push({ ...base, type: 'impairment_rating', attributes });
  };
  for (const m of sent.text.matchAll(RATING)) {
    // "50% relief" or "ODI 42%" are not ratings: need an impairment word near the percent.
    const near = sent.text.slice(m.index, m.index + m[0].length + 40);
    if (!m[2] && !/impairment|WPI|rating/i.test(near)) continue;
    add(m.index, m.index + m[0].length, Number(m[1]), m[2]);
  }
  for (const m of sent.text.matchAll(RATING_AFTER)) add(m.index, m.index + m[0].length, Number(m[2]), m[1]);
  for (const m of sent.text.matchAll(SLU)) add(m.index, m.index + m[0].length, Number(m[1] ?? m[2]), 'regional');
  return out;
}
