import type { BillingLine, Encounter, Evidence } from '../model/index.js';
import { lookupCode, splitCode } from '../knowledge/cpt.js';
import { at, items, num, str, type JsonNode } from './json-spans.js';
import { addFact, coded, conceptText, ev, isoDate, nameOf, pick, type Ctx } from './fhir-shared.js';

const CPT_SYSTEM = /cpt|hcpcs|ama-assn/i;
const PAID = /payment|pmt|paid|benefit/i;
const SUBMITTED = /submitted|sbmtd/i;
const cents = (n: number) => Math.round(n * 100) / 100;

/** Adjudication amount whose category (code, display or text) matches. */
function adjudication(item: JsonNode | undefined, re: RegExp): number | undefined {
  const hit = items(at(item, 'adjudication')).find((a) => {
    const c = coded(at(a, 'category'));
    return [c.text, ...c.codes].some((t) => re.test(t));
  });
  return num(at(hit, 'amount', 'value'));
}

function billingEncounter(ctx: Ctx, date: string, provider: string | undefined, evidence: Evidence): Encounter {
  const key = `billing|${date}|${provider ?? ''}`;
  const found = ctx.encounterByRef.get(key);
  if (found) return found;
  const enc: Encounter = {
    id: `${ctx.doc.id}#e${ctx.encounters.length + 1}`, documentId: ctx.doc.id, file: ctx.doc.file, start: evidence.start, end: evidence.end,
    date, provider: { name: provider }, specialty: 'unknown', kind: 'billing', title: 'Billed date of service', evidence: [evidence], billing: [], source: 'fhir',
  };
  ctx.encounters.push(enc);
  ctx.encounterByRef.set(key, enc);
  return enc;
}

/**
 * ExplanationOfBenefit (else Claim, when no EOB adjudicates it) items → billing lines on the encounter they
 * reference, so costs reach the timeline like a ledger's. Amounts: item.net or the submitted adjudication as
 * the charge, the payment adjudication as paid. When the resource total exceeds its itemised charges (Synthea
 * prices the visit itself only in the total), the remainder is one more line citing the total.
 */
export function readBilling(ctx: Ctx, entries: { node: JsonNode; path: string; ref: string }[]): void {
  const adjudicated = new Set(entries.filter((e) => str(at(e.node, 'resourceType')) === 'ExplanationOfBenefit')
    .map((e) => str(at(e.node, 'claim', 'reference'))).filter((r): r is string => !!r));
  for (const { node, path, ref } of entries) {
    const type = str(at(node, 'resourceType'));
    if (type !== 'ExplanationOfBenefit' && type !== 'Claim') continue;
    if (type === 'Claim' && (ctx.keysOf.get(node) ?? [ref]).concat(ref).some((k) => adjudicated.has(k))) continue;
    if (['entered-in-error', 'cancelled', 'draft'].includes(str(at(node, 'status')) ?? '')) continue;
    readBill(ctx, node, path, ref);
  }
}

function readBill(ctx: Ctx, res: JsonNode, base: string, ref: string): void {
  const providerRes = ctx.byRef.get(str(at(res, 'provider', 'reference')) ?? '');
  const provider = nameOf(providerRes?.node) ?? str(at(res, 'provider', 'display'));
  const billDate = isoDate(str(at(res, 'billablePeriod', 'start')) ?? str(at(res, 'created')));
  const itemNodes = items(at(res, 'item'));
  const linkOf = (item: JsonNode | undefined) => ctx.encounterByRef.get(str(at(item, 'encounter', 0, 'reference')) ?? '');
  const billLink = itemNodes.map(linkOf).find(Boolean);
  const lines: { line: BillingLine; enc: Encounter }[] = [];
  const place = (date: string | undefined, link: Encounter | undefined, evidence: Evidence) =>
    link ?? (date ? billingEncounter(ctx, date, provider, evidence) : undefined);

  itemNodes.forEach((item, k) => {
    const itemBase = `${base}.item[${k}]`;
    const name = conceptText(item, itemBase, 'productOrService');
    if (!name) return;
    const codings = items(at(item, 'productOrService', 'coding'));
    const cptCoding = codings.find((c) => CPT_SYSTEM.test(str(at(c, 'system')) ?? ''));
    const code = cptCoding ? splitCode(str(at(cptCoding, 'code')) ?? '')?.code : undefined;
    const charge = num(at(item, 'net', 'value')) ?? adjudication(item, SUBMITTED);
    const paid = adjudication(item, PAID);
    if (charge === undefined && paid === undefined && !code) return;
    const date = isoDate(str(at(item, 'servicedDate')) ?? str(at(item, 'servicedPeriod', 'start'))) ?? billDate;
    const evidence = ev(ctx, name.node, ref, name.path);
    // An item dated away from the bill's encounter is a separate date of service (a ledger-like multi-date bill).
    const enc = place(date, linkOf(item) ?? (billLink && (!date || billLink.date === date) ? billLink : undefined), evidence);
    if (!enc || !(date ?? enc.date)) return;
    const line: BillingLine = {
      date: (date ?? enc.date)!, provider: provider ?? enc.provider.name ?? enc.provider.organization, code,
      description: str(name.node), units: num(at(item, 'quantity', 'value')),
      charge: charge === undefined ? undefined : cents(charge), paid: paid === undefined ? undefined : cents(paid), evidence,
    };
    lines.push({ line, enc });
    const meaning = code ? lookupCode(code) : undefined;
    const known = ctx.facts.some((f) => f.encounterId === enc.id && f.type === 'treatment' && meaning?.kind === 'treatment' && f.attributes.modality === meaning.modality);
    if (meaning?.kind === 'treatment' && !known) {
      addFact(ctx, res, line.date, [evidence], {
        type: 'treatment', attributes: { modality: meaning.modality, subtype: meaning.subtype ?? meaning.label, cpt: code, status: 'performed' },
      }, enc);
    }
  });

  const total = pick(res, base, ['total', 0, 'amount', 'value'], ['total', 'value']);
  const totalValue = num(total?.node);
  const itemised = lines.reduce((s, l) => s + (l.line.charge ?? 0), 0);
  if (total && totalValue !== undefined && totalValue - itemised > 0.005) {
    const evidence = ev(ctx, total.node, ref, total.path);
    const enc = place(billDate, billLink, evidence);
    const date = billLink?.date ?? billDate;
    const payment = num(at(res, 'payment', 'amount', 'value'));
    const itemPaid = lines.reduce((s, l) => s + (l.line.paid ?? 0), 0);
    if (enc && date) {
      lines.push({
        enc, line: {
          date, provider: provider ?? enc.provider.name ?? enc.provider.organization,
          description: conceptText(itemNodes[0], '', 'productOrService') ? str(conceptText(itemNodes[0], '', 'productOrService')!.node) : enc.title,
          charge: cents(totalValue - itemised), paid: payment !== undefined && payment >= itemPaid ? cents(payment - itemPaid) : undefined, evidence,
        },
      });
    }
  }
  for (const { line, enc } of lines) (enc.billing ??= []).push(line);
}
