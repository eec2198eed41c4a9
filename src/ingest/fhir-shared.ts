import type { Encounter, Evidence, Fact, SourceDocument } from '../model/index.js';
import { FactSchema } from '../model/index.js';
import { evidenceAt, trimSpan } from '../knowledge/evidence.js';
import { at, items, str, type JsonNode } from './json-spans.js';
import type { Coded } from './fhir-codes.js';

/** State shared by the FHIR resource readers while one bundle is read. */
export interface Ctx {
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

export interface Located { node: JsonNode; path: string }

/** Span of a string value without its quotes (for a non-string node, the whole node). */
export function ev(ctx: Ctx, node: JsonNode, resource: string, path: string): Evidence {
  let [s, e] = node.t === 'string' ? [node.start + 1, node.end - 1] : [node.start, node.end];
  [s, e] = trimSpan(ctx.raw, s, e);
  if (e <= s) [s, e] = [node.start, node.end];
  return evidenceAt(ctx.doc, s, e, { resource, path });
}

/** The first present of several paths under a resource, with its JSON path. */
export function pick(res: JsonNode | undefined, base: string, ...paths: (string | number)[][]): Located | undefined {
  for (const p of paths) {
    const n = at(res, ...p);
    if (n && (n.t !== 'string' || n.value.trim())) {
      return { node: n, path: base + p.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('') };
    }
  }
  return undefined;
}

export function conceptText(res: JsonNode | undefined, base: string, ...field: (string | number)[]): Located | undefined {
  return pick(res, base, [...field, 'text'], [...field, 'coding', 0, 'display'], [...field, 'coding', 0, 'code']);
}

/** A CodeableConcept's codes (any system) and its best display text. */
export function coded(concept: JsonNode | undefined): Coded {
  const codings = items(at(concept, 'coding'));
  return {
    codes: codings.map((c) => str(at(c, 'code'))).filter((c): c is string => !!c),
    text: str(at(concept, 'text')) ?? codings.map((c) => str(at(c, 'display'))).find(Boolean) ?? '',
  };
}

export function isoDate(v: string | undefined): string | undefined {
  const m = v ? /^(\d{4}-\d{2}-\d{2})/.exec(v) : null;
  return m ? m[1] : undefined;
}

export function nameOf(res: JsonNode | undefined): string | undefined {
  const n = at(res, 'name', 0);
  if (!n) return str(at(res, 'name'));
  const text = str(at(n, 'text'));
  if (text) return text;
  const given = items(at(n, 'given')).map(str).filter(Boolean).join(' ');
  const prefix = items(at(n, 'prefix')).map(str).filter(Boolean).join(' ');
  return [prefix, given, str(at(n, 'family'))].filter(Boolean).join(' ') || undefined;
}

/** The encounter a resource belongs to, else one undated catch-all encounter for the bundle. */
export function encounterFor(ctx: Ctx, res: JsonNode, ref?: string): Encounter {
  const r = ref ?? str(at(res, 'encounter', 'reference')) ?? str(at(res, 'context', 'reference'));
  const found = r ? ctx.encounterByRef.get(r) : undefined;
  if (found) return found;
  if (!ctx.unattached) {
    ctx.unattached = {
      id: `${ctx.doc.id}#e${ctx.encounters.length + 1}`, documentId: ctx.doc.id, file: ctx.doc.file, start: 0, end: ctx.raw.length,
      provider: {}, specialty: 'unknown', kind: 'unknown', title: 'Resources without an encounter', evidence: [], source: 'fhir',
    };
    ctx.encounters.push(ctx.unattached);
  }
  return ctx.unattached;
}

export type FactBody = Pick<Fact, 'type' | 'attributes'> & Partial<Pick<Fact, 'negated' | 'certainty' | 'temporality'>>;

export function addFact(ctx: Ctx, res: JsonNode, date: string | undefined, evidence: Evidence[], body: FactBody, enc = encounterFor(ctx, res)): void {
  const fact = {
    id: `${ctx.doc.id}#f${ctx.facts.length + 1}`, encounterId: enc.id,
    date: date ?? enc.date, dateSource: date ? 'structured' : enc.date ? 'encounter' : 'none',
    negated: false, certainty: 'affirmed', temporality: 'current', experiencer: 'patient', context: [],
    evidence, ...body,
  };
  const parsed = FactSchema.safeParse(fact);
  if (parsed.success) ctx.facts.push(parsed.data);
  else ctx.warnings.push(`${evidence[0]?.resource}: skipped (${parsed.error.issues[0]?.message})`);
}
