import { useEffect, useRef, useState } from 'preact/hooks';
import { api, errorMessage, type UploadFile } from '../api';
import { useApp, useCanEdit } from '../app-context';
import { ConfirmDialog } from '../components/Dialog';
import { fmtDateTime, fmtSize, humanize, pluralize, roleLabel } from '../format';
import { encounterCount, type DocumentRow, type DocumentStatus, type Progress } from '../types';
import type { CaseCtx } from '../screens/CaseView';

const ACTIVE = new Set(['queued', 'running']);
const IGNORED = /(^|\/)(\.[^/]*|Thumbs\.db|desktop\.ini)$/i;

const STEP: Record<string, string> = { reading: 'Reading records', extracting: 'Extracting facts', analysing: 'Analysing the case', done: 'Finishing' };

/** A rough share of the work done: reading is most of it. */
export function progressPercent(p: Progress): number {
  if (p.status === 'done') return 100;
  if (p.status === 'queued' || !p.step) return 0;
  const files = p.filesTotal > 0 ? Math.min(1, p.filesDone / p.filesTotal) : 0;
  switch (p.step) {
    case 'reading': return Math.round(files * 70);
    case 'extracting': return 70 + Math.round(files * 20);
    case 'analysing': return 92;
    case 'done': return 99;
    default: return 0;
  }
}

/**
 * The analysis job: live while queued or running (polled every 500 ms by the case view, so it resumes after a
 * reload), then its outcome — complete, failed or cancelled — with Re-run.
 */
export function ProgressPanel({ progress, hasDocs, onCancel, onRerun, cancelling, canEdit = true }: { progress: Progress; hasDocs: boolean; onCancel: () => void; onRerun: () => void; cancelling: boolean; canEdit?: boolean }) {
  const active = ACTIVE.has(progress.status);
  const pct = progressPercent(progress);
  const failed = progress.status === 'failed';
  const cancelled = progress.status === 'cancelled';
  const step = progress.status === 'queued' ? 'Waiting to start' : progress.status === 'done' ? 'Analysis complete' : failed ? 'Analysis failed' : cancelled ? 'Analysis cancelled' : STEP[progress.step ?? ''] ?? 'Working';
  const files = progress.filesTotal ? (active ? `${progress.filesDone} of ${pluralize(progress.filesTotal, 'file')}` : pluralize(progress.filesTotal, 'file')) : '';
  const pages = progress.pagesDone ? `${pluralize(progress.pagesDone, 'page')} read` : '';
  const text = [step, files, pages].filter(Boolean).join(' · ');
  return (
    <div class={`progress-panel card${failed ? ' progress-failed' : cancelled ? ' progress-cancelled' : progress.status === 'done' ? ' progress-done' : ''}`}>
      <div class="progress-head">
        <h2 class="h-small">{active ? 'Analysis in progress' : 'Analysis'}</h2>
        {!canEdit ? null : active ? (
          <button type="button" class="btn btn-small" onClick={onCancel} disabled={cancelling}>{cancelling ? 'Cancelling…' : 'Cancel'}</button>
        ) : (
          hasDocs && <button type="button" class="btn btn-small" onClick={onRerun}>{progress.status === 'done' ? 'Re-run analysis' : 'Run analysis again'}</button>
        )}
      </div>
      <div
        class="progress"
        role="progressbar"
        data-testid="progress-bar"
        aria-label="Analysis progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={`${pct}% — ${text}`}
      >
        <div class={`progress-fill${progress.status === 'queued' ? ' progress-indeterminate' : ''}`} style={{ width: `${progress.status === 'queued' ? 30 : Math.max(active ? 3 : 0, pct)}%` }} />
      </div>
      <p class="progress-text">
        <strong>{step}</strong>
        {files && <> · {files}</>}
        {pages && <> · {pages}</>}
        {!active && progress.finishedAt && <span class="muted"> · {fmtDateTime(progress.finishedAt)}</span>}
      </p>
      {active && progress.file && <p class="progress-file muted small">Now: <span class="mono">{progress.file}</span></p>}
      {failed && progress.error && <p class="flag flag-danger">{progress.error}</p>}
    </div>
  );
}

async function readEntry(entry: FileSystemEntry, out: UploadFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((res, rej) => (entry as FileSystemFileEntry).file(res, rej));
    out.push({ file, name: entry.fullPath.replace(/^\/+/, '') || file.name });
  } else if (entry.isDirectory) {
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((res, rej) => reader.readEntries(res, rej));
      if (batch.length === 0) break;
      for (const e of batch) await readEntry(e, out);
    }
  }
}

/** Files from a drop, folders walked recursively (their relative path becomes the file name). */
async function filesFromDrop(dt: DataTransfer): Promise<UploadFile[]> {
  const entries = Array.from(dt.items ?? [])
    .filter((i) => i.kind === 'file')
    .map((i) => (typeof i.webkitGetAsEntry === 'function' ? i.webkitGetAsEntry() : null));
  if (entries.length && entries.every(Boolean)) {
    const out: UploadFile[] = [];
    for (const e of entries) await readEntry(e as FileSystemEntry, out);
    return out;
  }
  return Array.from(dt.files).map((file) => ({ file, name: file.name }));
}

export function DocumentsTab({ ctx }: { ctx: CaseCtx }) {
  const app = useApp();
  const canEdit = useCanEdit();
  const { id, record, progress, analysis } = ctx;
  const [dragging, setDragging] = useState(false);
  const [upload, setUpload] = useState<{ loaded: number; total: number; count: number } | null>(null);
  const [rejected, setRejected] = useState<{ name: string; reason: string }[]>([]);
  const [cancelling, setCancelling] = useState(false);
  const [toDelete, setToDelete] = useState<DocumentRow | null>(null);
  const folderRef = useRef<HTMLInputElement>(null);
  const filesRef = useRef<HTMLInputElement>(null);
  const active = ACTIVE.has(progress.status);

  useEffect(() => {
    // Not in Preact's JSX types: the folder picker.
    folderRef.current?.setAttribute('webkitdirectory', '');
    folderRef.current?.setAttribute('directory', '');
  }, [canEdit]);
  useEffect(() => {
    if (!active) setCancelling(false);
  }, [active]);

  const send = async (files: UploadFile[]) => {
    const list = files.filter((f) => !IGNORED.test(f.name));
    if (list.length === 0) return;
    setRejected([]);
    setUpload({ loaded: 0, total: list.reduce((n, f) => n + f.file.size, 0), count: list.length });
    try {
      const r = await api.upload(id, list, (loaded, total) => setUpload((u) => u && { ...u, loaded, total: total || u.total }));
      setRejected(r.rejected);
      app.announce(`${pluralize(r.added.length, 'file')} added${r.rejected.length ? `, ${r.rejected.length} rejected` : ''}. Analysis started.`);
      await ctx.reload();
    } catch (e) {
      app.error(errorMessage(e));
    } finally {
      setUpload(null);
    }
  };

  const onPick = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const files = Array.from(input.files ?? []).map((file) => ({ file, name: file.webkitRelativePath || file.name }));
    input.value = '';
    void send(files);
  };

  const cancel = async () => {
    setCancelling(true);
    try {
      ctx.setProgress(await api.cancel(id));
    } catch (e) {
      app.error(errorMessage(e));
      setCancelling(false);
    }
  };

  const rerun = async () => {
    try {
      ctx.setProgress(await api.analyze(id));
      app.announce('Analysis started.');
    } catch (e) {
      app.error(errorMessage(e));
    }
  };

  const statusByFile = new Map<string, DocumentStatus>();
  for (const d of analysis?.documents ?? []) statusByFile.set(d.file, d);
  const statusOf = (d: DocumentRow) => statusByFile.get(d.name) ?? statusByFile.get(d.name.split('/').pop() ?? '');

  const docs = record.documents;

  return (
    <div class="stack">
      {progress.status !== 'none' && <ProgressPanel progress={progress} hasDocs={docs.length > 0} onCancel={cancel} onRerun={rerun} cancelling={cancelling} canEdit={canEdit} />}
      {progress.status === 'none' && docs.length > 0 && (
        <div class="run-summary">
          <span>The records have not been analysed yet.</span>
          {canEdit && <button type="button" class="btn btn-small" onClick={rerun}>Run analysis</button>}
        </div>
      )}

      {!canEdit && docs.length === 0 && (
        <div class="empty"><p class="empty-title">No documents yet</p><p>No medical records have been added to this case.</p></div>
      )}

      {canEdit && <div
        class={`dropzone${dragging ? ' dropzone-over' : ''}${docs.length === 0 ? ' dropzone-empty' : ''}`}
        onDragEnter={(e) => { e.preventDefault(); setDragging(true); }}
        onDragOver={(e) => { e.preventDefault(); if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'; setDragging(true); }}
        onDragLeave={(e) => { if (!(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node)) setDragging(false); }}
        onDrop={async (e) => {
          e.preventDefault();
          setDragging(false);
          if (e.dataTransfer) void send(await filesFromDrop(e.dataTransfer));
        }}
      >
        <p class="dropzone-title">
          {docs.length === 0
            ? 'No documents yet — drop PDFs, text, DOCX, CSV ledgers or a folder here'
            : 'Drop more records or a folder here'}
        </p>
        <p class="muted small">Files stay on this computer. Exhibit files such as “5F - Summit Pain.pdf” keep their exhibit numbers.</p>
        <div class="dropzone-actions">
          <span class="file-btn">
            <input ref={filesRef} id="upload-input" class="file-input" type="file" multiple data-testid="upload-input" onChange={onPick} disabled={!!upload} />
            <label for="upload-input" class="btn btn-primary">Choose files…</label>
          </span>
          <span class="file-btn">
            <input ref={folderRef} id="upload-folder" class="file-input" type="file" multiple onChange={onPick} disabled={!!upload} />
            <label for="upload-folder" class="btn">Choose a folder…</label>
          </span>
        </div>
        {upload && (
          <div class="upload-status" role="status">
            Uploading {pluralize(upload.count, 'file')}… {upload.total ? `${Math.round((upload.loaded / upload.total) * 100)}%` : ''}
          </div>
        )}
      </div>}

      {rejected.length > 0 && (
        <div class="notice notice-warn" role="alert">
          <p><strong>{pluralize(rejected.length, 'file was', 'files were')} not added:</strong></p>
          <ul>{rejected.map((r) => <li key={r.name}><span class="mono">{r.name}</span> — {r.reason}</li>)}</ul>
        </div>
      )}

      {docs.length > 0 && (
        <div class="table-wrap">
          <table class="table">
            <caption class="sr-only">Uploaded documents</caption>
            <thead>
              <tr>
                <th scope="col">Document</th>
                <th scope="col">Status</th>
                <th scope="col" class="num">Pages</th>
                <th scope="col">Role</th>
                <th scope="col">Notes</th>
                <th scope="col" class="num">Size</th>
                <th scope="col">Uploaded</th>
                {canEdit && <th scope="col"><span class="sr-only">Actions</span></th>}
              </tr>
            </thead>
            <tbody>
              {docs.map((d) => {
                const s = statusOf(d);
                const status = d.status ?? s?.status;
                const error = d.error ?? s?.error;
                const warnings = d.warnings ?? s?.warnings ?? [];
                const misfiled = d.misfiled || s?.misfiled;
                const misWarning = misfiled ? warnings.find((w) => /misfiled/i.test(w)) : undefined;
                const misReason = (typeof d.misfiled === 'object' && d.misfiled?.reason) || s?.misfiled?.reason || misWarning?.replace(/^possibly misfiled:\s*/i, '');
                const otherWarnings = warnings.filter((w) => w !== misWarning);
                const dir = d.name.includes('/') ? d.name.slice(0, d.name.lastIndexOf('/') + 1) : '';
                const base = d.name.slice(dir.length);
                return (
                  <tr key={d.id}>
                    <td class="doc-name">
                      {s?.exhibit && !base.startsWith(s.exhibit) && <span class="exhibit-tag">{s.exhibit}</span>}
                      <span class="strong">{base}</span>
                      {dir && <div class="muted small mono">{dir}</div>}
                    </td>
                    <td>
                      {status === 'ok' && <span class="pill pill-done">Read</span>}
                      {status === 'error' && <span class="pill pill-failed">Error</span>}
                      {!status && <span class="pill pill-none" title={progress.status === 'done' ? 'Not part of the last analysis (not a record Plateau reads, or added after it)' : undefined}>{active ? 'Queued' : progress.status === 'done' ? 'Not read' : 'Pending'}</span>}
                    </td>
                    <td class="num">{d.pages ?? s?.pages ?? '—'}</td>
                    <td>{roleLabel(d.role ?? s?.role)}</td>
                    <td class="doc-notes">
                      {misfiled && (
                        <p class="flag flag-danger">
                          <strong>Misfiled</strong> — {misReason ?? 'names a different patient'}{/excluded|left out/i.test(misReason ?? '') ? '' : '; left out of the analysis'}
                        </p>
                      )}
                      {error && <p class="flag flag-danger">{error}</p>}
                      {otherWarnings.map((w) => <p key={w} class="flag flag-warn">{w}</p>)}
                      {s?.kind && !error && !misfiled && otherWarnings.length === 0 && <span class="muted small">{humanize(s.kind)}{encounterCount(s) ? ` · ${pluralize(encounterCount(s), 'visit')}` : ''}</span>}
                    </td>
                    <td class="num nowrap">{fmtSize(d.size)}</td>
                    <td class="nowrap muted">{fmtDateTime(d.uploadedAt)}</td>
                    {canEdit && (
                      <td>
                        <button type="button" class="btn btn-small btn-ghost btn-danger-text" aria-label={`Delete ${d.name}`} onClick={() => setToDelete(d)}>
                          Delete
                        </button>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {toDelete && (
        <ConfirmDialog
          title="Delete this document?"
          message={<><span class="mono">{toDelete.name}</span> will be removed from the case and the analysis re-run without it.</>}
          confirmLabel="Delete document"
          danger
          onCancel={() => setToDelete(null)}
          onConfirm={async () => {
            const d = toDelete;
            setToDelete(null);
            try {
              await api.deleteDocument(id, d.id);
              app.announce(`${d.name} deleted. Analysis re-running.`);
              await ctx.reload();
            } catch (e) {
              app.error(errorMessage(e));
            }
          }}
        />
      )}
    </div>
  );
}
