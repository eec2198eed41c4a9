import { useId } from 'preact/hooks';
import { attributeOptions, humanize } from '../format';

export type Attrs = Record<string, string | number | boolean | undefined>;

/** The attributes a reviewer can edit: the fact's own primitive values (nested ones are left as they are). */
export function editableAttributes(attrs: Record<string, unknown>): Attrs {
  const out: Attrs = {};
  for (const [k, v] of Object.entries(attrs)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
  }
  return out;
}

const NUMERIC = new Set(['value', 'max', 'previous', 'limit', 'sessions', 'percent', 'percentRelief', 'durationDays']);
const BOOLEAN = new Set(['abnormal', 'otherCondition', 'noRelief']);

/**
 * One labelled field per attribute: a select for enumerated values, a checkbox for yes/no, a number or a text box.
 * ("JSON-lite": flat key → value, no nesting.)
 */
export function AttributeFields({ type, value, onChange }: { type: string; value: Attrs; onChange: (v: Attrs) => void }) {
  const base = useId();
  const set = (k: string, v: string | number | boolean | undefined) => onChange({ ...value, [k]: v });
  const keys = Object.keys(value);
  if (keys.length === 0) return <p class="muted">This fact has no editable attributes.</p>;
  return (
    <div class="attr-grid">
      {keys.map((k) => {
        const id = `${base}-${k}`;
        const v = value[k];
        const options = attributeOptions(type, k);
        const label = humanize(k.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()).replace(/\bmmi\b/i, 'MMI');
        if (typeof v === 'boolean' || BOOLEAN.has(k)) {
          return (
            <div class="field field-check" key={k}>
              <input id={id} type="checkbox" checked={!!v} onChange={(e) => set(k, (e.currentTarget as HTMLInputElement).checked)} />
              <label for={id}>{label}</label>
            </div>
          );
        }
        if (options) {
          const opts = v != null && v !== '' && !options.includes(String(v)) ? [String(v), ...options] : options;
          return (
            <div class="field" key={k}>
              <label for={id}>{label}</label>
              <select id={id} value={v == null ? '' : String(v)} onChange={(e) => set(k, (e.currentTarget as HTMLSelectElement).value || undefined)}>
                {k === 'side' || k === 'frequency' || k === 'doseChange' || k === 'direction' ? <option value="">—</option> : null}
                {opts.map((o) => <option key={o} value={o}>{humanize(o)}</option>)}
              </select>
            </div>
          );
        }
        if (typeof v === 'number' || NUMERIC.has(k)) {
          return (
            <div class="field" key={k}>
              <label for={id}>{label}</label>
              <input
                id={id}
                type="number"
                step="any"
                value={v == null ? '' : String(v)}
                onInput={(e) => {
                  const s = (e.currentTarget as HTMLInputElement).value;
                  set(k, s === '' ? undefined : Number(s));
                }}
              />
            </div>
          );
        }
        const long = k === 'text' || k === 'label' || k === 'reasonStopped' || k === 'name';
        if (/date$/i.test(k)) {
          return (
            <div class="field" key={k}>
              <label for={id}>{label}</label>
              <input id={id} type="date" value={v == null ? '' : String(v)} onInput={(e) => set(k, (e.currentTarget as HTMLInputElement).value || undefined)} />
            </div>
          );
        }
        return (
          <div class={`field${long ? ' field-wide' : ''}`} key={k}>
            <label for={id}>{label}</label>
            <input id={id} type="text" value={v == null ? '' : String(v)} onInput={(e) => set(k, (e.currentTarget as HTMLInputElement).value)} />
          </div>
        );
      })}
    </div>
  );
}

/** Drops empty values before sending. */
export function cleanAttributes(a: Attrs): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(a)) {
    if (v === undefined || v === '' || (typeof v === 'number' && Number.isNaN(v))) continue;
    out[k] = v;
  }
  return out;
}
