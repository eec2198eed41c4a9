/**
 * What a gap is about, read from its words: the reviewer's prose of an expected gap and our gap's title and
 * request are tagged with the same table, and two gaps match when they share a tag. Specific concepts win over
 * the generic "records missing" so that one catch-all request cannot claim every expected gap.
 */
export interface GapConcept { id: string; pattern: RegExp; generic?: boolean }

export const GAP_CONCEPTS: GapConcept[] = [
  { id: 'misfiled', pattern: /\b(?:misfiled|another patient|different patient|other patient|wrong patient|belongs to (?:a different|another))/i },
  { id: 'fce', pattern: /\b(?:FCE|functional capacity|objective (?:functional |work[- ]capacity |lifting |standing |dexterity )?testing|work[- ]capacity)/i },
  { id: 'treating_opinion', pattern: /\b(?:medical source statement|MSS|function[- ]by[- ]function|functional opinion|opinion on (?:function|work)|RFC|work[- ]related abilities|permanent restrictions)\b/i },
  { id: 'mmi_rating', pattern: /\b(?:MMI|maximum medical improvement|permanen(?:t and stationary|cy|t impairment)|P&S|PR-4|impairment rating|WPI|IRE|SLU|schedule loss)\b/i },
  { id: 'mental_health', pattern: /\b(?:mental|psycholog\w*|depress\w*|mood|PHQ-?9|anxiety|psychiatr\w*|counsel(?:ing|or))\b/i },
  { id: 'imaging', pattern: /\b(?:imag(?:ing|ed)|MRI|x-?rays?|radiograph\w*|CT (?:scan|head|cervical|pelvis)|EMG|NCS|electrodiagnostic)\b/i },
  { id: 'procedure_record', pattern: /\b(?:operative report|procedure notes?|op(?:erative)? note|surgical record|hospital records?|discharge summary)\b/i },
  { id: 'visit_notes', pattern: /\b(?:office|clinic|progress|treatment|visit|follow-?up|neurology|orthop\w*|pain(?: management)?|cardiology|PCP|chiropractic|surgeon'?s?) notes?\b[^.;]{0,40}?\b(?:for|of|from|dated|on)\b/i },
  { id: 'therapy_notes', pattern: /\b(?:daily (?:notes?|logs?|treatment notes)|per-session notes|visit notes|PT notes|therapy notes|session notes)\b/i },
  { id: 'injection_response', pattern: /\b(?:pain diar(?:y|ies)|injection response|response to (?:the )?(?:injection|block)|relief (?:and|or) (?:its )?duration|how long (?:the )?relief)/i },
  { id: 'billing', pattern: /\b(?:billed|bills?|ledger|charges?|balance|no-show fee|itemi[sz]ed)\b/i },
  { id: 'records_after', pattern: /\b(?:no (?:treatment )?records? after|nothing (?:follows|after)|after the last record|no (?:current|recent) (?:treatment|records?)|current records|longitudinal)/i },
  { id: 'baseline', pattern: /\b(?:pre-?(?:injury|incident|accident|collision|crash|onset|existing)|prior (?:back|neck|knee|shoulder) (?:injury|strain)|baseline|apportionment)\b/i },
  { id: 'employment', pattern: /\b(?:employer|wages?|payroll|AWW|job description|vocational|earnings?|work history|TPD|TTD|TIB|labor market|modified[- ]duty (?:offer|availability)|Bona Fide)\b/i },
  { id: 'medication', pattern: /\b(?:pharmacy|side effects?|drowsiness|fogginess|dose discrepancy)\b/i },
  { id: 'authorization', pattern: /\b(?:utilization review|UR|authori[sz]ation|preauthori[sz]ation|RFA|peer-to-peer|adverse determination)\b/i },
  { id: 'specialist', pattern: /\b(?:specialist|neurosurg\w*|spine surgeon|surgical opinion|orthopa?edic (?:follow-up|evaluation|consult))/i },
  { id: 'device', pattern: /\b(?:cane|walker|wheelchair|brace|DME|medical necessity)\b/i },
  { id: 'adjudication', pattern: /\b(?:hearing|WCJ|Board decision|BRC|Contested Case|petition|DWC-0?32|DWC-0?45|claim form|DWC-1|C-3|Notice of Compensation|QME|AME|panel)\b/i },
  { id: 'function_report', pattern: /\b(?:function reports?|SSA-3373|activities of daily living questionnaires?)\b/i },
  { id: 'conflict', pattern: /\b(?:conflict\w*|reconcile|discrepan\w*|disagree\w*|rebut\w*)\b/i },
  { id: 'adherence', pattern: /\b(?:good cause|non-?adherence|failure to follow|non-?compliance|not followed)\b/i },
  { id: 'consultative_exam', pattern: /\b(?:consultative exam\w*|CE)\b/ },
  { id: 'duration', pattern: /\b(?:12-month|twelve-month|12 continuous months|durational requirement|duration (?:requirement|is not|not))/i },
  { id: 'outcome_measures', pattern: /\b(?:outcome measures?|serial (?:objective|outcome)|ODI|NDI|LEFS|QuickDASH|functional measures)\b/i },
  { id: 'future_care', pattern: /\b(?:life[- ]care (?:plan|planner|planning)|future[- ](?:medical|care|treatment|damages|meds|medicals|surgery|procedures?|costs?|expenses?|specials))\b/i },
  { id: 'crash_report', pattern: /\b(?:police|crash report|accident report|collision report|traffic (?:collision|crash|accident) report|property[- ]damage|vehicle damage)\b/i },
  { id: 'records_missing', pattern: /\b(?:not in (?:the|this) (?:file|set)|absent|missing|never received|not (?:been |yet )?received|referenced but|no records?)\b/i, generic: true },
];

/** The concepts a gap's words name: the specific ones if any, else the generic ones. */
export function conceptsOf(text: string): Set<string> {
  const specific = GAP_CONCEPTS.filter((c) => !c.generic && c.pattern.test(text)).map((c) => c.id);
  if (specific.length) return new Set(specific);
  return new Set(GAP_CONCEPTS.filter((c) => c.generic && c.pattern.test(text)).map((c) => c.id));
}

export function sharesConcept(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}
