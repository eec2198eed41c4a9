import type { Encounter, EncounterKind, Evidence, Fact, Modality, SourceDocument, Specialty } from '../model/index.js';
import { FactSchema } from '../model/index.js';
import { lookupCode, modalityFromText } from './cpt.js';
import { evidenceAt, trimSpan } from './evidence.js';
import { at, items, num, parseJsonSpans, str, JsonSyntaxError, type JsonNode } from './json-spans.js';
import { ReadError, decodeText, pagesFromFormFeeds } from './text.js';

const BUNDLE_TYPES = new Set(['transaction', 'collection', 'searchset', 'batch', 'document', 'message', 'history', 'transaction-response', 'batch-response']);

/** Outcome instruments recognisable from an Observation's LOINC code or name, with their scale maximum. */
const INSTRUMENTS: { re: RegExp; loinc?: string[]; instrument: 'NRS' | 'ODI' | 'NDI' | 'LEFS' | 'QuickDASH' | 'PSFS' | 'VAS'; max: number }[] = [
  { re: /pain (severity|intensity|score)|numeric (pain )?rating|\bNRS\b/i, loinc: ['72514-3', '38208-5', '75893-1'], instrument: 'NRS', max: 10 },
  { re: /visual analog/i, instrument: 'VAS', max: 100 },
  { re: /oswestry|\bODI\b/i, instrument: 'ODI', max: 100 },
  { re: /neck disability|\bNDI\b/i, instrument: 'NDI', max: 100 },
  { re: /lower extremity functional|\bLEFS\b/i, instrument: 'LEFS', max: 80 },
  { re: /quick ?dash|disabilities of the arm/i, instrument: 'QuickDASH', max: 100 },
  { re: /patient[- ]specific functional|\bPSFS\b/i, instrument: 'PSFS', max: 10 },
];

const SPECIALTY_WORDS: [RegExp, Specialty][] = [
  [/physical therap|physiotherap/i, 'physical_therapy'], [/occupational therap/i, 'occupational_therapy'],
  [/chiropract/i, 'chiropractic'], [/pain (management|clinic|medicine)/i, 'pain_management'],
  [/orthop/i, 'orthopedic_surgery'], [/neurosurg/i, 'neurosurgery'], [/radiolog|imaging/i, 'radiology'],
  [/neurolog/i, 'neurology'], [/psychiatr/i, 'psychiatry'], [/psycholog|mental health/i, 'psychology'],
  [/emergency/i, 'emergency'], [/physiatr|physical medicine/i, 'physiatry'], [/general (examination|practice)|check ?up|well|primary care/i, 'primary_care'],
];

interface Ctx {
  doc: SourceDocument;
  raw: string;
  byRef: Map<string, { node: JsonNode; path: string; type: string; id: string }>;
  /** Every reference string (fullUrl, Type/id) a resource can be reached by. */
  keysOf: Map<JsonNode, string[]>;
  encounterByRef: Map<string, Encounter>;
  encounters: Encounter[];
  facts: Fact[];
  attachments: SourceDocument[];
  warnings: string[];
  unattached?: Encounter;
}

/** Span of a string value without its quotes (for a non-string node, the whole node). */
function ev(ctx: Ctx, node: JsonNode, resource: string, path: string): Evidence {
  let [s, e] = node.t === 'string' ? [node.start + 1, node.end - 1] : [node.start, node.end];
  [s, e] = trimSpan(ctx.raw, s, e);
  if (e <= s) [s, e] = [node.start, node.end];
  return evidenceAt(ctx.doc, s, e, { resource, path });
}

/** The first present of several paths under a resource, with its JSON path. */
function pick(res: JsonNode, base: string, ...paths: (string | number)[][]): { node: JsonNode; path: string } | undefined {
  for (const p of paths) {
    const n = at(res, ...p);
    if (n && (n.t !== 'string' || n.value.trim())) {
      return { node: n, path: base + p.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('') };
    }
  }
  return undefined;
}

function conceptText(res: JsonNode, base: string, field: string) {
  return pick(res, base, [field, 'text'], [field, 'coding', 0, 'display'], [field, 'coding', 0, 'code']);
}

function isoDate(v: string | undefined): string | undefined {
  const m = v ? /^(\d{4}-\d{2}-\d{2})/.exec(v) : null;
  return m ? m[1] : undefined;
}

function nameOf(res: JsonNode | undefined): string | undefined {
  const n = at(res, 'name', 0);
  if (!n) return str(at(res, 'name'));
  const text = str(at(n, 'text'));
  if (text) return text;
  const given = items(at(n, 'given')).map(str).filter(Boolean).join(' ');
  const prefix = items(at(n, 'prefix')).map(str).filter(Boolean).join(' ');
  return [prefix, given, str(at(n, 'family'))].filter(Boolean).join(' ') || undefined;
}

function encounterFor(ctx: Ctx, res: JsonNode): Encounter {
  const ref = str(at(res, 'encounter', 'reference')) ?? str(at(res, 'context', 'reference'));
  const found = ref ? ctx.encounterByRef.get(ref) : undefined;
  if (found) return found;
  // Resources with no (or a dangling) encounter reference share one undated catch-all encounter.
  if (!ctx.unattached) {
    ctx.unattached = {
      id: `${ctx.doc.id}#e${ctx.encounters.length + 1}`, documentId: ctx.doc.id, file: ctx.doc.file, start: 0, end: ctx.raw.length,
      provider: {}, specialty: 'unknown', kind: 'unknown', title: 'Resources without an encounter', evidence: [], source: 'fhir',
    };
    ctx.encounters.push(ctx.unattached);
  }
  return ctx.unattached;
}

type FactBody = Pick<Fact, 'type' | 'attributes'> & Partial<Pick<Fact, 'negated' | 'certainty' | 'temporality'>>;

function addFact(ctx: Ctx, res: JsonNode, date: string | undefined, evidence: Evidence, body: FactBody): void {
  const enc = encounterFor(ctx, res);
  const fact = {
    id: `${ctx.doc.id}#f${ctx.facts.length + 1}`, encounterId: enc.id,
    date: date ?? enc.date, dateSource: date ? 'structured' : enc.date ? 'encounter' : 'none',
    negated: false, certainty: 'affirmed', temporality: 'current', experiencer: 'patient', context: [],
    evidence: [evidence], ...body,
  };
  const parsed = FactSchema.safeParse(fact);
  if (parsed.success) ctx.facts.push(parsed.data);
  else ctx.warnings.push(`${evidence.resource}: skipped (${parsed.error.issues[0]?.message})`);
}

function readEncounter(ctx: Ctx, res: JsonNode, base: string, ref: string): void {
  const typeText = conceptText(res, base, 'type') ?? pick(res, base, ['type', 0, 'text'], ['type', 0, 'coding', 0, 'display']);
  const start = pick(res, base, ['period', 'start']);
  const cls = str(at(res, 'class', 'code')) ?? '';
  const who = str(at(res, 'participant', 0, 'individual', 'reference'));
  const practitioner = who ? ctx.byRef.get(who)?.node : undefined;
  const org = str(at(res, 'serviceProvider', 'reference'));
  const label = typeText?.node.t === 'string' ? typeText.node.value : '';
  const kind: EncounterKind = cls === 'EMER' ? 'emergency_visit' : /consult/i.test(label) ? 'consultation' : 'office_visit';
  const enc: Encounter = {
    id: `${ctx.doc.id}#e${ctx.encounters.length + 1}`, documentId: ctx.doc.id, file: ctx.doc.file,
    start: res.start, end: res.end, date: isoDate(str(start?.node)),
    provider: {
      name: nameOf(practitioner) ?? str(at(res, 'participant', 0, 'individual', 'display')),
      organization: (org ? nameOf(ctx.byRef.get(org)?.node) : undefined) ?? str(at(res, 'serviceProvider', 'display')),
    },
    specialty: SPECIALTY_WORDS.find(([re]) => re.test(label))?.[1] ?? 'unknown',
    kind, title: label || undefined, source: 'fhir',
    evidence: [typeText, start].filter((x): x is { node: JsonNode; path: string } => !!x).map((x) => ev(ctx, x.node, ref, x.path)),
  };
  ctx.encounters.push(enc);
  for (const key of [ref, ...(ctx.keysOf.get(res) ?? [])]) ctx.encounterByRef.set(key, enc);
}

function readCondition(ctx: Ctx, res: JsonNode, base: string, ref: string): void {
  const name = conceptText(res, base, 'code');
  if (!name) return;
  const clinical = str(at(res, 'clinicalStatus', 'coding', 0, 'code')) ?? str(at(res, 'clinicalStatus'));
  const verification = str(at(res, 'verificationStatus', 'coding', 0, 'code')) ?? '';
  if (verification === 'entered-in-error') return;
  const coding = items(at(res, 'code', 'coding'));
  const icd = coding.find((c) => /icd-10/i.test(str(at(c, 'system')) ?? ''));
  addFact(ctx, res, isoDate(str(at(res, 'onsetDateTime')) ?? str(at(res, 'recordedDate'))), ev(ctx, name.node, ref, name.path), {
    type: 'diagnosis',
    attributes: { name: str(name.node) ?? '', code: str(at(icd ?? coding[0], 'code')) },
    negated: verification === 'refuted',
    certainty: verification === 'provisional' || verification === 'differential' || verification === 'unconfirmed' ? 'possible' : 'affirmed',
    temporality: clinical === 'resolved' || clinical === 'inactive' || clinical === 'remission' ? 'historical' : 'current',
  });
}

const PROCEDURE_STATUS: Record<string, 'performed' | 'ongoing' | 'declined' | 'planned' | 'discontinued'> = {
  completed: 'performed', 'in-progress': 'ongoing', 'not-done': 'declined', preparation: 'planned', stopped: 'discontinued', 'on-hold': 'planned',
};

function modalityOf(res: JsonNode): { modality: Modality; subtype?: string; cpt?: string } | undefined {
  for (const c of items(at(res, 'code', 'coding'))) {
    const code = str(at(c, 'code'));
    const system = str(at(c, 'system')) ?? '';
    if (code && /cpt|hcpcs/i.test(system)) {
      const m = lookupCode(code);
      if (m?.kind === 'treatment') return { modality: m.modality, subtype: m.subtype ?? m.label, cpt: code };
    }
  }
  const display = str(at(res, 'code', 'text')) ?? str(at(res, 'code', 'coding', 0, 'display')) ?? '';
  const modality = modalityFromText(display);
  return modality ? { modality, subtype: display } : undefined;
}

function readProcedure(ctx: Ctx, res: JsonNode, base: string, ref: string): void {
  const name = conceptText(res, base, 'code');
  const m = modalityOf(res);
  if (!name || !m) return;
  const status = PROCEDURE_STATUS[str(at(res, 'status')) ?? 'completed'];
  if (!status) return;
  const date = isoDate(str(at(res, 'performedDateTime')) ?? str(at(res, 'performedPeriod', 'start')));
  addFact(ctx, res, date, ev(ctx, name.node, ref, name.path), { type: 'treatment', attributes: { ...m, status } });
}

function readMedication(ctx: Ctx, res: JsonNode, base: string, ref: string, type: string): void {
  let name = conceptText(res, base, 'medicationCodeableConcept');
  const medRef = str(at(res, 'medicationReference', 'reference'));
  if (!name && medRef) {
    const med = ctx.byRef.get(medRef);
    if (med) name = conceptText(med.node, med.path, 'code');
  }
  if (!name) return;
  const s = str(at(res, 'status')) ?? '';
  if (s === 'entered-in-error') return;
  const intent = str(at(res, 'intent')) ?? 'order';
  const status = s === 'stopped' || s === 'cancelled' ? 'discontinued' as const
    : s === 'completed' ? 'completed' as const
      : s === 'not-taken' ? 'declined' as const
        : intent === 'proposal' || intent === 'plan' ? 'recommended' as const : 'ongoing' as const;
  const date = isoDate(str(at(res, 'authoredOn')) ?? str(at(res, 'effectiveDateTime')) ?? str(at(res, 'effectivePeriod', 'start')) ?? str(at(res, 'dateAsserted')));
  const dose = str(at(res, type === 'MedicationRequest' ? 'dosageInstruction' : 'dosage', 0, 'text'));
  addFact(ctx, res, date, ev(ctx, name.node, ref, name.path), {
    type: 'treatment', attributes: { modality: 'medication', drug: str(name.node), dose, status },
  });
}

function readObservation(ctx: Ctx, res: JsonNode, base: string, ref: string): void {
  const name = conceptText(res, base, 'code');
  if (!name) return;
  const label = str(name.node) ?? '';
  const loinc = items(at(res, 'code', 'coding')).map((c) => str(at(c, 'code')));
  const inst = INSTRUMENTS.find((i) => i.loinc?.some((l) => loinc.includes(l)) || i.re.test(label));
  if (!inst) return;
  const valuePath = pick(res, base, ['valueQuantity', 'value'], ['valueInteger'], ['valueDecimal']);
  const value = num(valuePath?.node);
  if (value === undefined || !valuePath) return;
  const date = isoDate(str(at(res, 'effectiveDateTime')) ?? str(at(res, 'effectivePeriod', 'start')) ?? str(at(res, 'issued')));
  // Cite the value: that is the claim; the name is in the same resource.
  addFact(ctx, res, date, ev(ctx, valuePath.node, ref, valuePath.path), {
    type: 'outcome_measure', attributes: { instrument: inst.instrument, value: Math.round(value * 10) / 10, max: inst.max },
  });
}

function readServiceRequest(ctx: Ctx, res: JsonNode, base: string, ref: string): void {
  const name = conceptText(res, base, 'code');
  if (!name || ['revoked', 'entered-in-error'].includes(str(at(res, 'status')) ?? '')) return;
  addFact(ctx, res, isoDate(str(at(res, 'authoredOn')) ?? str(at(res, 'occurrenceDateTime'))), ev(ctx, name.node, ref, name.path), {
    type: 'plan_signal', attributes: { signal: 'referral', target: str(name.node) },
  });
}

function readDiagnosticReport(ctx: Ctx, res: JsonNode, base: string, ref: string): void {
  const conclusion = pick(res, base, ['conclusion']);
  const name = str(at(res, 'code', 'text')) ?? str(at(res, 'code', 'coding', 0, 'display')) ?? '';
  const date = isoDate(str(at(res, 'effectiveDateTime')) ?? str(at(res, 'effectivePeriod', 'start')) ?? str(at(res, 'issued')));
  if (conclusion?.node.t === 'string') {
    const text = conclusion.node.value;
    const category = /\bEMG\b|electromyo|nerve conduction/i.test(name) ? 'electrodiagnostic' as const
      : /MRI|magnetic|CT\b|tomograph|x-?ray|radiograph|imaging|ultrasound/i.test(name) || /RAD/.test(str(at(res, 'category', 0, 'coding', 0, 'code')) ?? '') ? 'imaging' as const : 'exam' as const;
    addFact(ctx, res, date, ev(ctx, conclusion.node, ref, conclusion.path), {
      type: 'objective_finding',
      attributes: { category, finding: 'report_conclusion', label: text.slice(0, 200), abnormal: !/^\s*(normal|unremarkable|negative|no (acute|significant) )/i.test(text) },
    });
  }
  items(at(res, 'presentedForm')).forEach((form, k) => addAttachment(ctx, form, `${ref}`, `${base}.presentedForm[${k}]`, date));
}

/** Narrative attachments (text/plain, text/html…) become their own text documents for the normal NLP. */
function addAttachment(ctx: Ctx, att: JsonNode | undefined, ref: string, path: string, date?: string): void {
  const type = str(at(att, 'contentType')) ?? '';
  const data = str(at(att, 'data'));
  if (!data || !/^text\//i.test(type)) return;
  let text = Buffer.from(data, 'base64').toString('utf8');
  if (/html/i.test(type)) text = text.replace(/<(br|\/p|\/div|\/li|\/h\d)[^>]*>/gi, '\n').replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  text = text.replace(/\r\n?/g, '\n');
  if (!text.trim()) return;
  ctx.attachments.push({
    id: `${ctx.doc.id}-a${ctx.attachments.length + 1}`, file: `${ctx.doc.file}#${ref}`, kind: 'text', text, pages: pagesFromFormFeeds(text),
    exhibit: ctx.doc.exhibit, warnings: [], meta: { parent: ctx.doc.file, resource: ref, path, ...(date ? { date } : {}) },
  });
}

/** FHIR R4 Bundle (or a single resource) → structured encounters and facts citing the raw JSON, plus narrative attachments. */
export function readFhir(id: string, file: string, bytes: Buffer, exhibit: string | undefined): SourceDocument[] {
  const raw = decodeText(bytes);
  let root: JsonNode;
  try {
    root = parseJsonSpans(raw);
  } catch (err) {
    throw new ReadError(err instanceof JsonSyntaxError ? err.message : `invalid JSON: ${(err as Error).message}`);
  }
  const rtype = str(at(root, 'resourceType'));
  if (!rtype) throw new ReadError('JSON is not FHIR: no "resourceType" (expected an R4 Bundle)');
  const doc: SourceDocument = { id, file, kind: 'fhir', text: raw, pages: pagesFromFormFeeds(raw), exhibit, warnings: [], meta: { resourceType: rtype } };
  if (exhibit) for (const p of doc.pages) p.exhibit = `${exhibit}/${p.n}`;
  const ctx: Ctx = { doc, raw, byRef: new Map(), keysOf: new Map(), encounterByRef: new Map(), encounters: [], facts: [], attachments: [], warnings: doc.warnings };

  const entries: { node: JsonNode; path: string }[] = [];
  if (rtype === 'Bundle') {
    const btype = str(at(root, 'type')) ?? '';
    if (!BUNDLE_TYPES.has(btype)) ctx.warnings.push(`unusual Bundle.type "${btype}"; read anyway`);
    doc.meta.bundleType = btype;
    items(at(root, 'entry')).forEach((e, i) => {
      const res = at(e, 'resource');
      if (res?.t !== 'object') return;
      entries.push({ node: res, path: `entry[${i}].resource` });
      const type = str(at(res, 'resourceType')) ?? '';
      const rid = str(at(res, 'id')) ?? '';
      const rec = { node: res, path: `entry[${i}].resource`, type, id: rid };
      if (rid) ctx.byRef.set(`${type}/${rid}`, rec);
      const full = str(at(e, 'fullUrl'));
      if (full) ctx.byRef.set(full, rec);
      ctx.keysOf.set(res, [full, rid && `${type}/${rid}`].filter((k): k is string => !!k));
    });
  } else {
    entries.push({ node: root, path: '$' });
  }

  const refOf = (n: JsonNode) => `${str(at(n, 'resourceType'))}/${str(at(n, 'id')) ?? '?'}`;
  // Encounters first, so other resources can attach to them.
  for (const { node, path } of entries) if (str(at(node, 'resourceType')) === 'Encounter') readEncounter(ctx, node, path, refOf(node));
  const counts = new Map<string, number>();
  for (const { node, path } of entries) {
    const type = str(at(node, 'resourceType')) ?? '';
    counts.set(type, (counts.get(type) ?? 0) + 1);
    const ref = refOf(node);
    switch (type) {
      case 'Condition': readCondition(ctx, node, path, ref); break;
      case 'Procedure': readProcedure(ctx, node, path, ref); break;
      case 'MedicationRequest': case 'MedicationStatement': readMedication(ctx, node, path, ref, type); break;
      case 'Observation': readObservation(ctx, node, path, ref); break;
      case 'ServiceRequest': readServiceRequest(ctx, node, path, ref); break;
      case 'DiagnosticReport': readDiagnosticReport(ctx, node, path, ref); break;
      case 'DocumentReference':
        items(at(node, 'content')).forEach((c, k) => addAttachment(ctx, at(c, 'attachment'), ref, `${path}.content[${k}].attachment`, isoDate(str(at(node, 'date')))));
        break;
      case 'Binary': addAttachment(ctx, node, ref, path); break;
    }
  }
  if (rtype === 'Bundle' && entries.length === 0) ctx.warnings.push('FHIR Bundle has no resources');
  doc.meta.resources = [...counts].map(([k, v]) => `${k}:${v}`).join(' ');
  doc.structured = { encounters: ctx.encounters, facts: ctx.facts };
  return [doc, ...ctx.attachments];
}
