import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, errorMessage } from '../api';
import { useApp, useCanEdit } from '../app-context';
import { ADDABLE_TYPES, attributeTemplate, factTypeLabel } from '../format';
import type { CaseAnalysis, DocumentRow, Evidence, PageText } from '../types';
import { AttributeFields, cleanAttributes, type Attrs } from './AttributeFields';
import { Dialog } from './Dialog';
import { PdfPage } from './PdfPage';

const pageCache = new Map<string, PageText>();

/** Where the quoted words are on this page: the evidence offsets, else a search for the quote. */
export function findMark(page: PageText, ev: Evidence): [number, number] | null {
  const text = page.text;
  const s = ev.start - page.start;
  const e = ev.end - page.start;
  if (e > 0 && s < text.length && e > s) {
    const a = Math.max(0, s);
    const b = Math.min(text.length, e);
    const norm = (x: string) => x.replace(/\s+/g, ' ').trim();
    const slice = text.slice(a, b);
    // Trust the offsets when the words there are the quote (or part of it, for a quote running over a page break).
    if (norm(slice) && (norm(ev.quote).includes(norm(slice)) || norm(slice) === norm(ev.quote))) return [a, b];
  }
  if (page.page !== ev.page || !ev.quote.trim()) return null;
  const i = text.indexOf(ev.quote);
  if (i >= 0) return [i, i + ev.quote.length];
  const words = ev.quote.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (words.length === 0) return null;
  const m = new RegExp(words.join('\\s+')).exec(text);
  return m ? [m.index, m.index + m[0].length] : null;
}

/** Character offset of a DOM point inside `root`, counting text only. */
function textOffset(root: Node, node: Node, offset: number): number {
  const r = document.createRange();
  r.setStart(root, 0);
  r.setEnd(node, offset);
  return r.toString().length;
}

interface Selection { start: number; end: number; text: string; date?: string }

/** The date a selection most likely belongs to: the last date written before it on the page, else the first after. */
export function guessDate(text: string, at: number): string | undefined {
  const re = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b|\b(\d{4})-(\d{2})-(\d{2})\b/g;
  let before: string | undefined;
  let after: string | undefined;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const iso = m[3] ? `${m[3]}-${m[1].padStart(2, '0')}-${m[2].padStart(2, '0')}` : `${m[4]}-${m[5]}-${m[6]}`;
    if (!/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(iso)) continue;
    if (m.index < at) before = iso;
    else if (!after) after = iso;
  }
  return before ?? after;
}

export interface EvidencePanelProps {
  caseId: string;
  evidence: Evidence;
  documents: DocumentRow[];
  analysis: CaseAnalysis | null;
  onClose: () => void;
  onAnalysis: (a: CaseAnalysis) => void;
}

export function EvidencePanel({ caseId, evidence, documents, analysis, onClose, onAnalysis }: EvidencePanelProps) {
  const app = useApp();
  const canEdit = useCanEdit();
  const [pageNo, setPageNo] = useState(evidence.page);
  const [page, setPage] = useState<PageText | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [showPdf, setShowPdf] = useState(false);
  const [sel, setSel] = useState<Selection | null>(null);
  const [adding, setAdding] = useState<Selection | null>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const closeForm = () => {
    setAdding(null);
    // The form's buttons are gone: keep focus inside the dialog.
    setTimeout(() => {
      const b = addRef.current;
      (b && !b.disabled ? b : textRef.current)?.focus();
    }, 0);
  };
  const markRef = useRef<HTMLElement>(null);

  useEffect(() => {
    setPageNo(evidence.page);
    setShowPdf(false);
    setAdding(null);
  }, [evidence]);

  useEffect(() => {
    let alive = true;
    const key = `${caseId}|${evidence.file}|${pageNo}`;
    const cached = pageCache.get(key);
    setError(null);
    setSel(null);
    if (cached) {
      setPage(cached);
      return;
    }
    setPage(null);
    api.page(caseId, evidence.file, pageNo).then(
      (p) => {
        pageCache.set(key, p);
        if (alive) setPage(p);
      },
      (e) => alive && setError(errorMessage(e)),
    );
    return () => {
      alive = false;
    };
  }, [caseId, evidence.file, pageNo]);

  const mark = useMemo(() => (page ? findMark(page, evidence) : null), [page, evidence]);

  useLayoutEffect(() => {
    if (!showPdf && markRef.current) markRef.current.scrollIntoView({ block: 'center' });
    else if (textRef.current) textRef.current.scrollTop = 0;
  }, [page, mark, showPdf]);

  // Track the reader's selection inside the page text (document offsets = page start + offset in the page).
  useEffect(() => {
    const on = () => {
      const s = window.getSelection();
      const root = textRef.current;
      if (!s || s.rangeCount === 0 || s.isCollapsed || !root || !page) return setSel(null);
      const r = s.getRangeAt(0);
      if (!root.contains(r.startContainer) || !root.contains(r.endContainer)) return setSel(null);
      let a = textOffset(root, r.startContainer, r.startOffset);
      let b = textOffset(root, r.endContainer, r.endOffset);
      // Trim surrounding whitespace so the anchor covers words only.
      const raw = page.text.slice(a, b);
      a += raw.length - raw.trimStart().length;
      b -= raw.length - raw.trimEnd().length;
      if (b <= a) return setSel(null);
      setSel({ start: page.start + a, end: page.start + b, text: page.text.slice(a, b), date: guessDate(page.text, a) });
    };
    document.addEventListener('selectionchange', on);
    return () => document.removeEventListener('selectionchange', on);
  }, [page]);

  const doc = documents.find((d) => d.name === evidence.file) ?? documents.find((d) => d.name.split('/').pop() === evidence.file.split('/').pop());
  const isPdf = /\.pdf$/i.test(evidence.file) && !!doc;
  const exhibit = evidence.exhibit?.split('/')[0] ?? analysis?.documents.find((d) => d.file === evidence.file)?.exhibit;
  const total = page?.pages;
  const where = `${exhibit ? `Exhibit ${exhibit}, ` : ''}page ${pageNo}${total ? ` of ${total}` : ''} — ${evidence.file}`;

  const text = page?.text ?? '';
  const onCitedPage = pageNo === evidence.page;

  return (
    <Dialog
      title="Source"
      subtitle={where}
      onClose={onClose}
      variant="drawer"
      testId="evidence-panel"
    >
      <figure class="ev-quote">
        <blockquote>“{evidence.quote}”</blockquote>
        <figcaption class="muted">
          Cited at {evidence.exhibit ? `${evidence.exhibit} · ` : ''}page {evidence.page}
          {evidence.transcriptPage ? ` · Tr. ${evidence.transcriptPage}` : ''}
          {evidence.ocr ? ` · OCR confidence ${Math.round(evidence.ocr.confidence)}%` : ''}
          {evidence.resource ? ` · ${evidence.resource}` : ''}
        </figcaption>
      </figure>

      <div class="ev-toolbar" role="toolbar" aria-label="Page navigation">
        <button type="button" class="btn btn-small" aria-label="Previous page" disabled={pageNo <= 1} onClick={() => setPageNo((n) => Math.max(1, n - 1))}>
          ← Previous
        </button>
        <span class="ev-pageno" aria-live="polite">Page {pageNo}{total ? ` of ${total}` : ''}</span>
        <button type="button" class="btn btn-small" aria-label="Next page" disabled={!!total && pageNo >= total} onClick={() => setPageNo((n) => n + 1)}>
          Next →
        </button>
        {!onCitedPage && (
          <button type="button" class="btn btn-small btn-ghost" onClick={() => setPageNo(evidence.page)}>Back to cited page</button>
        )}
        <span class="spacer" />
        {isPdf && doc && (
          <button type="button" class="btn btn-small" aria-pressed={showPdf} onClick={() => setShowPdf((v) => !v)}>
            {showPdf ? 'Show text' : 'Show PDF page'}
          </button>
        )}
      </div>

      {error && <p class="notice notice-error" role="alert">{error}</p>}
      {!error && !page && <p class="muted" role="status">Loading page {pageNo}…</p>}

      {showPdf && doc ? (
        <PdfPage url={api.rawUrl(caseId, doc.id)} page={pageNo} file={evidence.file} quote={onCitedPage ? evidence.quote : undefined} />
      ) : (
        page && (
          <div class="page-text" ref={textRef} tabIndex={0} role="document" aria-label={`Text of page ${pageNo}`}>
            {mark ? (
              <>
                {text.slice(0, mark[0])}
                <mark data-testid="evidence-mark" ref={markRef}>{text.slice(mark[0], mark[1])}</mark>
                {text.slice(mark[1])}
              </>
            ) : (
              text || <span class="muted">(This page has no text.)</span>
            )}
          </div>
        )
      )}

      {canEdit && !showPdf && page && !adding && (
        <div class="ev-add">
          <button ref={addRef} type="button" class="btn btn-small" disabled={!sel} onMouseDown={(e) => e.preventDefault()} onClick={() => sel && setAdding(sel)}>
            Add as fact…
          </button>
          <span class="muted small">{sel ? `Selected: “${sel.text.length > 60 ? `${sel.text.slice(0, 60)}…` : sel.text}”` : 'Select words in the page text to add them as a fact the analysis missed.'}</span>
        </div>
      )}

      {adding && canEdit && (
        <AddFactForm
          caseId={caseId}
          file={evidence.file}
          selection={adding}
          onCancel={closeForm}
          onDone={(a) => {
            closeForm();
            onAnalysis(a);
            app.announce('Fact added. Analysis updated.');
          }}
        />
      )}
    </Dialog>
  );
}

function AddFactForm({ caseId, file, selection, onCancel, onDone }: { caseId: string; file: string; selection: Selection; onCancel: () => void; onDone: (a: CaseAnalysis) => void }) {
  const app = useApp();
  const [type, setType] = useState<string>('limitation');
  const [attrs, setAttrs] = useState<Attrs>(() => attributeTemplate('limitation', selection.text));
  const [date, setDate] = useState(selection.date ?? '');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      const attributes = cleanAttributes(attrs);
      if (type === 'objective_finding' && !attributes.finding && typeof attributes.label === 'string') {
        attributes.finding = attributes.label.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '').slice(0, 40);
      }
      const r = await api.addCorrection(caseId, {
        target: 'fact',
        action: 'add',
        anchor: { file, start: selection.start, end: selection.end },
        payload: { type, attributes, ...(date ? { date } : {}) },
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      onDone(r.analysis);
    } catch (err) {
      app.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="ev-add-form" onSubmit={submit} aria-labelledby="add-fact-title">
      <h3 id="add-fact-title">Add a fact from the selected words</h3>
      <blockquote class="small">“{selection.text}”</blockquote>
      <div class="attr-grid">
        <div class="field">
          <label for="add-fact-type">Fact type</label>
          <select
            id="add-fact-type"
            ref={first}
            value={type}
            onChange={(e) => {
              const t = (e.currentTarget as HTMLSelectElement).value;
              setType(t);
              setAttrs(attributeTemplate(t, selection.text));
            }}
          >
            {ADDABLE_TYPES.map((t) => <option key={t} value={t}>{factTypeLabel(t)}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="add-fact-date">Date</label>
          <input id="add-fact-date" type="date" value={date} onInput={(e) => setDate((e.currentTarget as HTMLInputElement).value)} />
        </div>
      </div>
      <fieldset class="fieldset">
        <legend>Attributes</legend>
        <AttributeFields type={type} value={attrs} onChange={setAttrs} />
      </fieldset>
      <div class="field">
        <label for="add-fact-reason">Note (optional)</label>
        <input id="add-fact-reason" type="text" value={reason} onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)} />
      </div>
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>{busy ? 'Adding…' : 'Add fact'}</button>
        <button type="button" class="btn" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
