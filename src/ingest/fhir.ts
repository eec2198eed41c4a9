import type { Encounter, EncounterKind, Evidence, Modality, SourceDocument, Specialty } from '../model/index.js';
import { lookupCode } from '../knowledge/cpt.js';
import { at, items, num, parseJsonSpans, str, JsonSyntaxError, type JsonNode } from './json-spans.js';
import { ReadError, decodeText, normaliseLineBreaks, pagesFromFormFeeds } from './text.js';
import {
  encounterClassOf, encounterTypeOf, instrumentOf, qualificationOf, specialtyFromText, specialtyOfTaxonomy, treatmentOf,
} from './fhir-codes.js';
import { addFact, coded, conceptText, ev, isoDate, nameOf, pick, type Ctx, type Located } from './fhir-shared.js';
import { readBilling } from './fhir-billing.js';

const BUNDLE_TYPES = new Set(['transaction', 'collection', 'searchset', 'batch', 'document', 'message', 'history', 'transaction-response', 'batch-response']);

/** Words in an encounter's type that name the kind of contact when its code is not in the lexicon. */
const KIND_WORDS: [RegExp, EncounterKind][] = [
  [/emergency/i, 'emergency_visit'], [/physical therapy (initial )?eval|PT eval/i, 'pt_evaluation'], [/physical therapy|PT (visit|session)/i, 'pt_progress'],
  [/consult/i, 'consultation'], [/operative|surgery|surgical/i, 'operative_report'], [/procedure|injection/i, 'procedure_note'],
  [/imaging|radiolog|MRI|x-?ray/i, 'imaging'], [/independent medical/i, 'ime'], [/functional capacity/i, 'fce'],
];

/** The practitioner behind a participant reference (which may point at a PractitionerRole) and any role specialty. */
function practitionerOf(ctx: Ctx, who: string | undefined) {
  const target = who ? ctx.byRef.get(who) : undefined;
  if (!target) return undefined;
  let practitioner = target;
  let role = target.type === 'PractitionerRole' ? target : undefined;
  if (role) {
    const p = ctx.byRef.get(str(at(role.node, 'practitioner', 'reference')) ?? '');
    if (p) practitioner = p;
  } else {
    const keys = ctx.keysOf.get(target.node) ?? [];
    role = [...ctx.byRef.values()].find((r) => r.type === 'PractitionerRole' && keys.includes(str(at(r.node, 'practitioner', 'reference')) ?? ''));
  }
  const roleSpecialties = items(at(role?.node, 'specialty')).map(coded);
  const qualification = items(at(practitioner.node, 'qualification')).map((q) => coded(at(q, 'code')))
    .map((c) => [c.text, ...c.codes].map(qualificationOf).find(Boolean)).find(Boolean);
  const specialty = specialtyOfTaxonomy([...roleSpecialties, ...items(at(practitioner.node, 'qualification')).map((q) => coded(at(q, 'code')))].flatMap((c) => c.codes))
    ?? roleSpecialties.map((c) => specialtyFromText(c.text)).find(Boolean) ?? qualification?.specialty;
  const nameNode = pick(practitioner.node, practitioner.path, ['name', 0, 'family'], ['name', 0, 'text'], ['name']);
  return { practitioner, name: nameOf(practitioner.node), credential: qualification?.credential, specialty, nameNode };
}

function readEncounter(ctx: Ctx, res: JsonNode, base: string, ref: string): void {
  const typeText = conceptText(res, base, 'type', 0);
  const types = items(at(res, 'type')).map(coded);
  const serviceType = coded(at(res, 'serviceType'));
  const start = pick(res, base, ['period', 'start']);
  const cls = encounterClassOf(str(at(res, 'class', 'code')));
  const participants = items(at(res, 'participant')).map((p) => practitionerOf(ctx, str(at(p, 'individual', 'reference')))).filter((p) => !!p);
  const who = participants.find((p) => p.specialty) ?? participants[0];
  const orgRef = ctx.byRef.get(str(at(res, 'serviceProvider', 'reference')) ?? '');
  const organization = nameOf(orgRef?.node) ?? str(at(res, 'serviceProvider', 'display'));
  const label = types.map((t) => t.text).find(Boolean) ?? serviceType.text;
  const typeRow = encounterTypeOf(types.flatMap((t) => t.codes));
  const kind: EncounterKind = cls?.kind === 'emergency_visit' ? 'emergency_visit'
    : typeRow?.kind ?? KIND_WORDS.find(([re]) => re.test(`${label} ${serviceType.text}`))?.[1] ?? cls?.kind ?? 'office_visit';
  // The most specific source first: who saw the patient, then what the visit was, then where.
  const specialty: Specialty = who?.specialty ?? specialtyFromText(serviceType.text) ?? specialtyFromText(label)
    ?? (typeRow?.specialty !== 'unknown' ? typeRow?.specialty : undefined) ?? cls?.specialty ?? specialtyFromText(organization) ?? 'unknown';
  const orgName = orgRef ? pick(orgRef.node, orgRef.path, ['name']) : undefined;
  const cite = (x: Located | undefined, r: string) => (x ? [ev(ctx, x.node, r, x.path)] : []);
  const enc: Encounter = {
    id: `${ctx.doc.id}#e${ctx.encounters.length + 1}`, documentId: ctx.doc.id, file: ctx.doc.file,
    start: res.start, end: res.end, date: isoDate(str(start?.node)),
    provider: {
      name: who?.name ?? str(at(res, 'participant', 0, 'individual', 'display')),
      credential: who?.credential,
      organization,
    },
    specialty, kind, title: label || undefined, source: 'fhir',
    evidence: [
      ...cite(typeText, ref), ...cite(start, ref),
      ...(who ? cite(who.nameNode, `${who.practitioner.type}/${who.practitioner.id}`) : []),
      ...(orgRef ? cite(orgName, `Organization/${orgRef.id}`) : []),
    ],
  };
  ctx.encounters.push(enc);
  for (const key of [ref, ...(ctx.keysOf.get(res) ?? [])]) ctx.encounterByRef.set(key, enc);
}

/** A referenced resource's name (Condition.code text), cited in that resource: the reason a treatment was given. */
function reasonEvidence(ctx: Ctx, res: JsonNode, base: string): Evidence[] {
  const out: Evidence[] = [];
  for (const r of items(at(res, 'reasonReference')).concat(items(at(res, 'addresses')))) {
    const target = ctx.byRef.get(str(at(r, 'reference')) ?? '');
    const name = target && conceptText(target.node, target.path, 'code');
    if (target && name) out.push(ev(ctx, name.node, `${target.type}/${target.id}`, name.path));
  }
  const code = conceptText(res, base, 'reasonCode', 0);
  if (code) out.push(ev(ctx, code.node, `${str(at(res, 'resourceType'))}/${str(at(res, 'id'))}`, code.path));
  return out.slice(0, 2);
}

function readCondition(ctx: Ctx, res: JsonNode, base: string, ref: string): void {
  const name = conceptText(res, base, 'code');
  if (!name) return;
  const clinical = str(at(res, 'clinicalStatus', 'coding', 0, 'code')) ?? str(at(res, 'clinicalStatus'));
  const verification = str(at(res, 'verificationStatus', 'coding', 0, 'code')) ?? '';
  if (verification === 'entered-in-error') return;
  const coding = items(at(res, 'code', 'coding'));
  const icd = coding.find((c) => /icd-10/i.test(str(at(c, 'system')) ?? ''));
  const abated = pick(res, base, ['abatementDateTime'], ['abatementPeriod', 'start'], ['abatementString'], ['abatementBoolean']);
  const over = clinical === 'resolved' || clinical === 'inactive' || clinical === 'remission'
    || (!clinical && !!abated && !(abated.node.t === 'literal' && abated.node.value === false));
  addFact(ctx, res, isoDate(str(at(res, 'onsetDateTime')) ?? str(at(res, 'onsetPeriod', 'start')) ?? str(at(res, 'recordedDate'))), [ev(ctx, name.node, ref, name.path)], {
    type: 'diagnosis',
    attributes: { name: str(name.node) ?? '', code: str(at(icd ?? coding[0], 'code')) },
    negated: verification === 'refuted',
    certainty: verification === 'provisional' || verification === 'differential' || verification === 'unconfirmed' ? 'possible' : 'affirmed',
    temporality: over ? 'historical' : 'current',
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
  const concept = coded(at(res, 'code'));
  const t = treatmentOf(concept);
  return t ? { modality: t.modality, subtype: t.subtype ?? concept.text } : undefined;
}

const SPINE_LEVEL = /\b(cervical|thoracic|lumbar|lumbosacral|sacral|[CTL]\d(-[CTLS]?\d)?)\b/i;

function readProcedure(ctx: Ctx, res: JsonNode, base: string, ref: string): void {
  const name = conceptText(res, base, 'code');
  const m = modalityOf(res);
  if (!name || !m) return;
  const status = PROCEDURE_STATUS[str(at(res, 'status')) ?? 'completed'];
  if (!status) return;
  const date = isoDate(str(at(res, 'performedDateTime')) ?? str(at(res, 'performedPeriod', 'start')));
  const why = coded(at(res, 'statusReason')).text;
  const site = coded(at(res, 'bodySite', 0)).text;
  const level = SPINE_LEVEL.exec(site)?.[0];
  addFact(ctx, res, date, [ev(ctx, name.node, ref, name.path), ...reasonEvidence(ctx, res, base)], {
    type: 'treatment',
    attributes: { ...m, status, ...(level ? { level } : {}), ...(why && (status === 'declined' || status === 'discontinued') ? { reasonStopped: why } : {}) },
  });
}

const CAREPLAN_STATUS: Record<string, 'ongoing' | 'completed' | 'discontinued' | 'planned'> = {
  active: 'ongoing', completed: 'completed', revoked: 'discontinued', draft: 'planned', 'on-hold': 'planned',
};
const ACTIVITY_STATUS: Record<string, 'ongoing' | 'completed' | 'discontinued' | 'planned' | 'declined'> = {
  'not-started': 'planned', scheduled: 'planned', 'in-progress': 'ongoing', 'on-hold': 'planned', completed: 'completed',
  cancelled: 'discontinued', stopped: 'discontinued',
};

/**
 * CarePlan → treatment course: the plan's category (or activity) names the modality, its period gives the
 * course's start and, once it is over, its end. Activities add facts only for modalities the category does not cover.
 */
function readCarePlan(ctx: Ctx, res: JsonNode, base: string, ref: string): void {
  const planStatus = CAREPLAN_STATUS[str(at(res, 'status')) ?? ''];
  if (!planStatus) return;
  const proposed = ['proposal', 'plan'].includes(str(at(res, 'intent')) ?? '') && planStatus !== 'completed';
  const reasons = reasonEvidence(ctx, res, base);
  const startNode = pick(res, base, ['period', 'start']);
  const endNode = pick(res, base, ['period', 'end']);
  const start = isoDate(str(startNode?.node));
  const end = isoDate(str(endNode?.node));
  const seen = new Set<Modality>();
  const course = (name: Located, t: { modality: Modality; subtype?: string }, status: 'ongoing' | 'completed' | 'discontinued' | 'planned' | 'declined') => {
    if (seen.has(t.modality)) return;
    seen.add(t.modality);
    const attributes = { modality: t.modality, subtype: t.subtype ?? (str(name.node) ?? '').toLowerCase(), status: proposed ? 'recommended' as const : status };
    addFact(ctx, res, start, [ev(ctx, name.node, ref, name.path), ...reasons], { type: 'treatment', attributes });
    if (end && start && end > start && (status === 'completed' || status === 'discontinued') && endNode) {
      addFact(ctx, res, end, [ev(ctx, endNode.node, ref, endNode.path), ev(ctx, name.node, ref, name.path)], { type: 'treatment', attributes });
    }
  };
  items(at(res, 'category')).forEach((c, k) => {
    const t = treatmentOf(coded(c));
    const name = conceptText(res, base, 'category', k);
    if (t && name) course(name, t, planStatus);
  });
  items(at(res, 'activity')).forEach((a, k) => {
    const name = conceptText(res, base, 'activity', k, 'detail', 'code');
    const t = treatmentOf(coded(at(a, 'detail', 'code')));
    if (!t || !name) return;
    course(name, t, ACTIVITY_STATUS[str(at(a, 'detail', 'status')) ?? ''] ?? planStatus);
  });
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
        : s === 'draft' || s === 'intended' ? 'planned' as const
          : intent === 'proposal' || intent === 'plan' ? 'recommended' as const : 'ongoing' as const;
  const date = isoDate(str(at(res, 'authoredOn')) ?? str(at(res, 'effectiveDateTime')) ?? str(at(res, 'effectivePeriod', 'start')) ?? str(at(res, 'dateAsserted')));
  const dosage = at(res, type === 'MedicationRequest' ? 'dosageInstruction' : 'dosage', 0);
  const qty = at(dosage, 'doseAndRate', 0, 'doseQuantity');
  const dose = str(at(dosage, 'text')) ?? (num(at(qty, 'value')) !== undefined ? `${num(at(qty, 'value'))} ${str(at(qty, 'unit')) ?? ''}`.trim() : undefined);
  const why = coded(at(res, 'statusReason', 0)).text || coded(at(res, 'statusReason')).text;
  addFact(ctx, res, date, [ev(ctx, name.node, ref, name.path)], {
    type: 'treatment',
    attributes: { modality: 'medication', drug: str(name.node), dose, status, ...(why && status === 'discontinued' ? { reasonStopped: why } : {}) },
  });
}

function readObservation(ctx: Ctx, res: JsonNode, base: string, ref: string): void {
  const name = conceptText(res, base, 'code');
  if (!name || ['entered-in-error', 'cancelled'].includes(str(at(res, 'status')) ?? '')) return;
  const concept = coded(at(res, 'code'));
  const inst = instrumentOf(concept);
  if (!inst) return;
  const valuePath = pick(res, base, ['valueQuantity', 'value'], ['valueInteger'], ['valueDecimal']);
  const value = num(valuePath?.node);
  if (value === undefined || !valuePath) return;
  const unit = str(at(res, 'valueQuantity', 'unit'));
  const max = unit === '%' ? 100 : inst.max;
  const date = isoDate(str(at(res, 'effectiveDateTime')) ?? str(at(res, 'effectivePeriod', 'start')) ?? str(at(res, 'issued')));
  // Cite the value: that is the claim; the name is in the same resource.
  addFact(ctx, res, date, [ev(ctx, valuePath.node, ref, valuePath.path)], {
    type: 'outcome_measure',
    attributes: { instrument: inst.instrument, value: Math.round(value * 10) / 10, ...(max ? { max } : {}), ...(inst.instrument === 'other' ? { name: concept.text } : {}) },
  });
}

function readServiceRequest(ctx: Ctx, res: JsonNode, base: string, ref: string): void {
  const name = conceptText(res, base, 'code');
  if (!name || ['revoked', 'entered-in-error'].includes(str(at(res, 'status')) ?? '')) return;
  addFact(ctx, res, isoDate(str(at(res, 'authoredOn')) ?? str(at(res, 'occurrenceDateTime'))), [ev(ctx, name.node, ref, name.path)], {
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
    addFact(ctx, res, date, [ev(ctx, conclusion.node, ref, conclusion.path)], {
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
  text = normaliseLineBreaks(text);
  if (!text.trim()) return;
  // Each attachment is its own document with its own name: a resource with two renditions (or no id) must not
  // give two documents one name, or a citation into the second would be checked against the first.
  const base = `${ctx.doc.file}#${ref}`;
  const taken = ctx.attachments.filter((a) => a.file === base || a.file.startsWith(`${base}~`)).length;
  ctx.attachments.push({
    id: `${ctx.doc.id}-a${ctx.attachments.length + 1}`, file: taken ? `${base}~${taken + 1}` : base, kind: 'text', text, pages: pagesFromFormFeeds(text),
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
      case 'CarePlan': readCarePlan(ctx, node, path, ref); break;
    }
  }
  // Bills last: a billed service adds a treatment only where no clinical resource already records it.
  readBilling(ctx, entries.map(({ node, path }) => ({ node, path, ref: refOf(node) })));
  if (rtype === 'Bundle' && entries.length === 0) ctx.warnings.push('FHIR Bundle has no resources');
  doc.meta.resources = [...counts].map(([k, v]) => `${k}:${v}`).join(' ');
  doc.structured = { encounters: ctx.encounters, facts: ctx.facts };
  return [doc, ...ctx.attachments];
}
