import { useId, useState } from 'preact/hooks';
import { CLAIM_TYPES, onsetLabel } from '../format';
import type { CaseDetails, ClaimType } from '../types';

type FormValues = Record<keyof CaseDetails, string>;

const EMPTY: FormValues = { claimant: '', claimType: 'ssdi', state: '', dob: '', onset: '', dli: '', filingDate: '', education: '', pastWork: '', retainUntil: '' };

const EDUCATION = ['Less than high school', 'High school or GED', 'Some college', "Associate's degree", "Bachelor's degree", 'Graduate degree'];

export interface CaseFormProps {
  initial?: Partial<CaseDetails>;
  submitLabel: string;
  /** Resolves when saved; a thrown error is shown in the form. */
  onSubmit: (d: CaseDetails) => Promise<void>;
  onCancel?: () => void;
  testId?: string;
  /** Editing sends cleared fields as null so that they are removed. */
  mode?: 'create' | 'edit';
}

/** The claim's details: claimant, claim type and the dates the rules depend on. */
export function CaseForm({ initial, submitLabel, onSubmit, onCancel, testId, mode = 'create' }: CaseFormProps) {
  const id = useId();
  const [v, setV] = useState<FormValues>(() => {
    const out = { ...EMPTY };
    for (const k of Object.keys(EMPTY) as (keyof CaseDetails)[]) {
      const x = initial?.[k];
      if (x != null) out[k] = String(x);
    }
    return out;
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof CaseDetails) => (e: Event) => setV({ ...v, [k]: (e.currentTarget as HTMLInputElement).value });

  const t = v.claimType as ClaimType;
  const showState = t === 'workers_comp';
  const showDli = t === 'ssdi';

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    const claimant = v.claimant.trim();
    if (!claimant) return setError('Enter the claimant’s name.');
    const state = v.state.trim().toUpperCase();
    if (showState && state && !/^[A-Z]{2}$/.test(state)) return setError('State is the two-letter code, for example CA or TX.');
    const d: Record<string, unknown> = { claimant, claimType: t };
    const put = (k: keyof CaseDetails, val: string, visible = true) => {
      const x = val.trim();
      if (x && visible) d[k] = x;
      else if (mode === 'edit' && initial?.[k] != null && initial[k] !== '') d[k] = null;
    };
    put('state', state, showState);
    put('dob', v.dob);
    put('onset', v.onset);
    put('dli', v.dli, showDli);
    put('filingDate', v.filingDate);
    put('education', v.education);
    put('pastWork', v.pastWork);
    put('retainUntil', v.retainUntil);
    setBusy(true);
    try {
      await onSubmit(d as unknown as CaseDetails);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="case-form" onSubmit={submit} data-testid={testId} noValidate aria-describedby={error ? `${id}-err` : undefined}>
      <div class="field field-wide">
        <label for={`${id}-claimant`}>Claimant <span class="req" aria-hidden="true">*</span></label>
        <input id={`${id}-claimant`} name="claimant" type="text" required aria-required="true" autoComplete="off" value={v.claimant} onInput={set('claimant')} />
      </div>
      <div class="field field-wide">
        <label for={`${id}-type`}>Claim type</label>
        <select id={`${id}-type`} name="claimType" value={v.claimType} onChange={set('claimType')}>
          {CLAIM_TYPES.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
        </select>
      </div>
      {showState && (
        <div class="field">
          <label for={`${id}-state`}>State</label>
          <input
            id={`${id}-state`}
            name="state"
            type="text"
            maxLength={2}
            autoComplete="off"
            placeholder="CA"
            class="input-short"
            aria-describedby={`${id}-state-hint`}
            value={v.state}
            onInput={set('state')}
          />
          <span id={`${id}-state-hint`} class="hint">Two letters: selects the state’s MMI rules.</span>
        </div>
      )}
      <div class="field">
        <label for={`${id}-dob`}>Date of birth</label>
        <input id={`${id}-dob`} name="dob" type="date" value={v.dob} onInput={set('dob')} />
      </div>
      <div class="field">
        <label for={`${id}-onset`}>{onsetLabel(t)}</label>
        <input id={`${id}-onset`} name="onset" type="date" value={v.onset} onInput={set('onset')} />
      </div>
      {showDli && (
        <div class="field">
          <label for={`${id}-dli`}>Date last insured (DLI)</label>
          <input id={`${id}-dli`} name="dli" type="date" value={v.dli} onInput={set('dli')} />
        </div>
      )}
      <div class="field">
        <label for={`${id}-filing`}>Filing date</label>
        <input id={`${id}-filing`} name="filingDate" type="date" value={v.filingDate} onInput={set('filingDate')} />
      </div>
      <div class="field field-wide">
        <label for={`${id}-edu`}>Education</label>
        <input id={`${id}-edu`} name="education" type="text" list={`${id}-edu-list`} autoComplete="off" value={v.education} onInput={set('education')} />
        <datalist id={`${id}-edu-list`}>
          {EDUCATION.map((e) => <option key={e} value={e} />)}
        </datalist>
      </div>
      <div class="field field-wide">
        <label for={`${id}-work`}>Past work</label>
        <textarea id={`${id}-work`} name="pastWork" rows={2} value={v.pastWork} onInput={set('pastWork')} placeholder="e.g. Warehouse order picker (heavy), 2012–2022" />
      </div>
      <div class="field field-wide">
        <label for={`${id}-retain`}>Keep records until</label>
        <input id={`${id}-retain`} name="retainUntil" type="date" min={new Date().toISOString().slice(0, 10)} value={v.retainUntil} onInput={set('retainUntil')} aria-describedby={`${id}-retain-hint`} />
        <span id={`${id}-retain-hint`} class="hint">Optional, from your records policy: the day after, the case and every file in it are deleted for good. Empty keeps it until you delete it.</span>
      </div>
      {error && <p id={`${id}-err`} class="notice notice-error field-wide" role="alert">{error}</p>}
      <div class="form-actions field-wide">
        <button type="submit" class="btn btn-primary" disabled={busy}>{busy ? 'Saving…' : submitLabel}</button>
        {onCancel && <button type="button" class="btn" onClick={onCancel}>Cancel</button>}
      </div>
    </form>
  );
}
