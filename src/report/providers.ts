/**
 * Provider names for display. The analysis labels a provider per fact ("Anita Okafor, MD (primary care)",
 * "Anita Okafor, MD (pain management)", "Dr. Okafor"), so one person can appear several times in a list.
 * Reports show each person once, under the specialty they are most often seen in.
 */
import type { CaseAnalysis } from '../model/index.js';
import { words } from './labels.js';

interface Parsed { display: string; name: string; label?: string }

/** "Helen Marchetti, MD (orthopedic surgery)" → name "Helen Marchetti", display "Helen Marchetti, MD", label "orthopedic surgery". */
function parse(raw: string): Parsed {
  const m = raw.trim().match(/^(.*?)\s*\(([^()]*)\)\s*$/);
  const display = (m ? m[1] : raw).trim();
  const name = display.replace(/^dr\.?\s+/i, '').split(',')[0].trim();
  return { display, name, label: m?.[2].trim() || undefined };
}

const surname = (name: string) => name.split(/\s+/).pop()!.toLowerCase();
const hasGivenName = (name: string) => name.split(/\s+/).length > 1;

/**
 * Encounters are the record's own say on who works in which specialty. A provider's home is the file
 * holding most of their visits; visits there count three times, visits met in other files once.
 */
function encounterLabels(a: CaseAnalysis): string[] {
  const visits = a.documents.flatMap((d) => d.encounters.filter((e) => e.provider).map((e) => ({ ...e, file: d.file })));
  const home = new Map<string, Map<string, number>>();
  for (const v of visits) {
    const files = home.get(v.provider!) ?? new Map<string, number>();
    home.set(v.provider!, files.set(v.file, (files.get(v.file) ?? 0) + 1));
  }
  const homeFile = (provider: string) => [...home.get(provider)!].sort((x, y) => y[1] - x[1])[0][0];
  return visits.filter((v) => v.specialty !== 'unknown' && v.specialty !== 'other').flatMap((v) => {
    const display = v.credential ? `${v.provider}, ${v.credential}` : v.provider!;
    return Array<string>(v.file === homeFile(v.provider!) ? 3 : 1).fill(`${display} (${words(v.specialty)})`);
  });
}

export class ProviderNames {
  /** Person key → label counts and the fullest display form seen. */
  private readonly people = new Map<string, { display: string; labels: Map<string, number> }>();
  /** Surname → person keys with a given name, to attach "Dr. Marchetti" to "Helen Marchetti". */
  private readonly bySurname = new Map<string, Set<string>>();

  constructor(a: CaseAnalysis) {
    const names: string[] = [
      ...a.timeline.flatMap((t) => t.providers),
      ...a.functionalFloor.flatMap((f) => f.providers),
      ...encounterLabels(a),
    ];
    const parsed = names.map(parse);
    for (const p of parsed.filter((x) => hasGivenName(x.name))) this.note(p);
    // "Dr. Marchetti" is usually a mention inside another provider's note, labelled with that note's
    // specialty: it joins the full name but does not vote on the label when the full name has one.
    for (const p of parsed.filter((x) => !hasGivenName(x.name))) {
      const person = this.people.get(this.keyOf(p));
      this.note(person && person.labels.size > 0 ? { ...p, label: undefined } : p);
    }
  }

  private keyOf(p: Parsed): string {
    if (hasGivenName(p.name)) return p.name.toLowerCase();
    const matches = this.bySurname.get(surname(p.name));
    return matches?.size === 1 ? [...matches][0] : p.display.toLowerCase();
  }

  private note(p: Parsed): void {
    const key = this.keyOf(p);
    const person = this.people.get(key) ?? { display: p.display, labels: new Map<string, number>() };
    // Prefer the form with a given name and credential ("Helen Marchetti, MD" over "Dr. Marchetti").
    if (p.display.length > person.display.length && hasGivenName(p.name)) person.display = p.display;
    if (p.label) person.labels.set(p.label, (person.labels.get(p.label) ?? 0) + 1);
    this.people.set(key, person);
    if (hasGivenName(p.name)) this.bySurname.set(surname(p.name), (this.bySurname.get(surname(p.name)) ?? new Set()).add(key));
  }

  /** Each person once, in first-mention order, labelled with their most frequent specialty. */
  display(list: string[]): string[] {
    const byKey = new Map(list.map((raw) => [this.keyOf(parse(raw)), raw.trim()] as const).reverse());
    return [...new Set(list.map((raw) => this.keyOf(parse(raw))))].map((key) => {
      const person = this.people.get(key);
      if (!person) return byKey.get(key)!;
      const label = [...person.labels].sort((x, y) => y[1] - x[1])[0]?.[0];
      return label ? `${person.display} (${label})` : person.display;
    });
  }
}
