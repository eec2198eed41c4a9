import { useCallback, useEffect, useId, useRef, useState } from 'preact/hooks';
import { api, errorMessage, type NewEntry } from '../api';
import { useApp, useCanEdit } from '../app-context';
import { ConfirmDialog } from '../components/Dialog';
import { fmtDate, pluralize } from '../format';
import { forgetOwnEntries } from '../timeline-data';
import type { CaseAnalysis, ClaimantEntry } from '../types';
import type { CaseCtx } from '../screens/CaseView';

const KINDS: { value: ClaimantEntry['kind']; label: string }[] = [
  { value: 'note', label: 'Note' },
  { value: 'expense', label: 'Expense' },
  { value: 'letter', label: 'Letter or form received' },
];
const kindLabel = (k: string) => KINDS.find((x) => x.value === k)?.label ?? k;

const USD = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const money = (n: number | undefined | null) => USD.format(n ?? 0);

/** Sorted by date, then in the order added. */
function byDate(a: ClaimantEntry, b: ClaimantEntry) {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : String(a.createdAt).localeCompare(String(b.createdAt)) || Number(a.id) - Number(b.id);
}

/**
 * The claimant's own notes, expenses and letters: never medical evidence, kept apart from the analysis. An entry added
 * or deleted here makes the Timeline tab ask for them again, so its chart shows it.
 */
export function ClaimantTab({ ctx, analysis }: { ctx: CaseCtx; analysis: CaseAnalysis | null }) {
  const app = useApp();
  const canEdit = useCanEdit();
  const [data, setData] = useState<{ entries: ClaimantEntry[]; expenses: number } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<ClaimantEntry | null>(null);
  const listHead = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    try {
      setData(await api.entries(ctx.id));
      setLoadError(null);
    } catch (e) {
      setLoadError(errorMessage(e));
    }
  }, [ctx.id]);

  useEffect(() => {
    setData(null);
    void load();
  }, [ctx.id]);

  const grand = analysis?.billing?.totals.grand;
  const entries = data ? [...data.entries].sort(byDate) : [];

  return (
    <div class="stack claimant-tab">
      <section class="card" aria-labelledby="claimant-costs-title">
        <h2 id="claimant-costs-title" class="h-section">The claimant’s own entries</h2>
        <p class="muted small">
          Notes, expenses and letters or forms the claimant received, in their own words. They are kept apart from the
          analysis, shown on the timeline on their own row, and are never medical evidence.
        </p>
        {data && (
          <p class="claimant-costs" data-testid="claimant-costs">
            <span>Your costs: <strong>{money(data.expenses)}</strong></span>
            {grand && (
              <>
                <span aria-hidden="true"> · </span>
                <span>
                  Billed by providers: <strong>{money(grand.charges)}</strong> (paid {money(grand.paid)}, balance {money(grand.balance)})
                </span>
              </>
            )}
          </p>
        )}
      </section>

      {canEdit && <EntryForm caseId={ctx.id} onAdded={async (e) => {
        await load();
        app.announce(`Entry added: ${e.title}, ${fmtDate(e.date)}.`);
      }} />}

      <section class="card" aria-labelledby="claimant-list-title">
        <h2 id="claimant-list-title" class="h-section" ref={listHead} tabIndex={-1}>
          Entries{data ? ` (${data.entries.length})` : ''}
        </h2>
        {loadError && <p class="notice notice-error" role="alert">The entries could not be loaded: {loadError}</p>}
        {!data && !loadError && <p class="muted" role="status">Loading entries…</p>}
        {data && entries.length === 0 && (
          <p class="empty-inline muted">{canEdit ? 'No entries yet. Add a note, an expense or a letter above.' : 'The claimant has added no entries.'}</p>
        )}
        {entries.length > 0 && (
          <ul class="entry-list">
            {entries.map((e) => (
              <li key={e.id} class={`entry entry-${e.kind}`} data-testid="entry-row">
                <div class="entry-head">
                  <span class="entry-date nowrap">{fmtDate(e.date)}</span>
                  <span class="badge badge-neutral">{kindLabel(e.kind)}</span>
                  <strong class="entry-title">{e.title}</strong>
                  {e.kind === 'expense' && e.amount != null && <span class="entry-amount">{money(e.amount)}</span>}
                </div>
                <p class="entry-mark small">Claimant’s own entry — not medical evidence</p>
                {e.text && <p class="entry-text">{e.text}</p>}
                {(e.receipt || canEdit) && (
                  <div class="entry-actions">
                    {e.receipt && (
                      <a class="btn btn-small" href={api.entryReceiptUrl(ctx.id, e.id)} download={e.receipt}>
                        Download {e.kind === 'letter' ? 'letter' : e.kind === 'expense' ? 'receipt' : 'file'}: {e.receipt}<span class="sr-only"> ({e.title})</span>
                      </a>
                    )}
                    {canEdit && (
                      <button type="button" class="btn btn-small btn-danger-text" onClick={() => setDeleting(e)}>
                        Delete<span class="sr-only"> entry {e.title}, {fmtDate(e.date)}</span>
                      </button>
                    )}
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      {deleting && canEdit && (
        <ConfirmDialog
          title="Delete this entry?"
          message={<>“{deleting.title}” ({fmtDate(deleting.date)}){deleting.receipt ? ' and its attached file' : ''} will be deleted. This cannot be undone.</>}
          confirmLabel="Delete entry"
          danger
          onCancel={() => setDeleting(null)}
          onConfirm={async () => {
            const e = deleting;
            try {
              await api.deleteEntry(ctx.id, e.id);
              forgetOwnEntries();
              setDeleting(null);
              await load();
              app.announce(`Entry deleted: ${e.title}.`);
              listHead.current?.focus();
            } catch (err) {
              setDeleting(null);
              app.error(`The entry could not be deleted: ${errorMessage(err)}`);
            }
          }}
        />
      )}
    </div>
  );
}

interface FormValues {
  date: string;
  kind: ClaimantEntry['kind'];
  title: string;
  text: string;
  amount: string;
}
const EMPTY: FormValues = { date: '', kind: 'note', title: '', text: '', amount: '' };

function EntryForm({ caseId, onAdded }: { caseId: string; onAdded: (e: ClaimantEntry) => Promise<void> }) {
  const id = useId();
  const [v, setV] = useState<FormValues>(EMPTY);
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [errors, setErrors] = useState<Partial<Record<keyof FormValues, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const set = (k: keyof FormValues) => (e: Event) => {
    const value = (e.currentTarget as HTMLInputElement).value;
    setV((old) => ({ ...old, [k]: value }));
    if (errors[k]) setErrors((old) => ({ ...old, [k]: undefined }));
  };

  const validate = (): Partial<Record<keyof FormValues, string>> => {
    const out: Partial<Record<keyof FormValues, string>> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v.date)) out.date = 'Enter the date (YYYY-MM-DD).';
    if (!v.title.trim()) out.title = 'Enter a short title.';
    if (v.kind === 'expense' && v.amount.trim()) {
      const n = Number(v.amount.replace(/[$,\s]/g, ''));
      if (!Number.isFinite(n) || n < 0) out.amount = 'Enter the amount in dollars, like 42.50.';
    }
    return out;
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const errs = validate();
    setErrors(errs);
    const first = (Object.keys(errs) as (keyof FormValues)[])[0];
    if (first) {
      setError(`Please fix ${pluralize(Object.keys(errs).length, 'field')}: ${Object.values(errs).join(' ')}`);
      formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setError(null);
    const body: NewEntry = { date: v.date, kind: v.kind, title: v.title.trim() };
    if (v.text.trim()) body.text = v.text;
    if (v.kind === 'expense' && v.amount.trim()) body.amount = v.amount.trim();
    setBusy(true);
    try {
      const added = await api.addEntry(caseId, body, file);
      forgetOwnEntries();
      setV({ ...EMPTY, kind: v.kind });
      setFile(null);
      setFileKey((k) => k + 1);
      await onAdded(added);
      formRef.current?.querySelector<HTMLElement>('[name="date"]')?.focus();
    } catch (err) {
      setError(`The entry could not be added: ${errorMessage(err)}`);
    } finally {
      setBusy(false);
    }
  };

  const fieldErr = (k: keyof FormValues) => errors[k]
    ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${k}-err` }
    : {};
  const errLine = (k: keyof FormValues) => errors[k] && <span id={`${id}-${k}-err`} class="field-error small">{errors[k]}</span>;
  const isExpense = v.kind === 'expense';

  return (
    <section class="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} class="h-section">Add an entry</h2>
      <form ref={formRef} class="case-form entry-form" data-testid="entry-form" onSubmit={submit} noValidate aria-describedby={error ? `${id}-err` : undefined}>
        <div class="field">
          <label for={`${id}-date`}>Date <span class="req" aria-hidden="true">*</span></label>
          <input id={`${id}-date`} name="date" type="date" required aria-required="true" value={v.date} onInput={set('date')} {...fieldErr('date')} />
          {errLine('date')}
        </div>
        <div class="field">
          <label for={`${id}-kind`}>Kind</label>
          <select id={`${id}-kind`} name="kind" value={v.kind} onChange={set('kind')}>
            {KINDS.map((k) => <option key={k.value} value={k.value}>{k.label}</option>)}
          </select>
        </div>
        <div class={`field${isExpense ? '' : ' field-wide'}`}>
          <label for={`${id}-title-in`}>Title <span class="req" aria-hidden="true">*</span></label>
          <input id={`${id}-title-in`} name="title" type="text" required aria-required="true" maxLength={200} autoComplete="off" value={v.title} onInput={set('title')} {...fieldErr('title')} />
          {errLine('title')}
        </div>
        {isExpense && (
          <div class="field">
            <label for={`${id}-amount`}>Amount in dollars</label>
            <input id={`${id}-amount`} name="amount" type="text" inputMode="decimal" autoComplete="off" placeholder="0.00" value={v.amount} onInput={set('amount')} {...fieldErr('amount')} />
            {errLine('amount')}
          </div>
        )}
        <div class="field field-wide">
          <label for={`${id}-text`}>In your own words</label>
          <textarea id={`${id}-text`} name="text" rows={3} maxLength={20000} value={v.text} onInput={set('text')} />
        </div>
        <div class="field field-wide">
          <label for={`${id}-file`}>{isExpense ? 'Receipt' : v.kind === 'letter' ? 'Letter or form' : 'Attached file'} (optional)</label>
          <input key={fileKey} id={`${id}-file`} name="receipt" type="file" onChange={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)} />
        </div>
        {error && <p id={`${id}-err`} class="notice notice-error field-wide" role="alert">{error}</p>}
        <div class="form-actions field-wide">
          <button type="submit" class="btn btn-primary" disabled={busy}>{busy ? 'Adding…' : 'Add entry'}</button>
        </div>
      </form>
    </section>
  );
}
