import type {
  CaseAnalysis, CaseDetails, CaseRecord, CaseSummary, ClaimantEntry, Correction, FactPage, Me, NewCorrection, PageText, Progress, Role, TimelineSources, TimelineView, UserAccount,
} from './types';

export class ApiError extends Error {
  /** `code`: the server's machine-readable reason, when it gives one (`password_change_required`, `wrong_password`). */
  constructor(message: string, readonly status: number, readonly code?: string) {
    super(message);
  }
}

const WRITE = new Set(['POST', 'PATCH', 'DELETE', 'PUT']);

/**
 * Server mode: any call may answer 401 (no session, or it ended after 30 minutes idle or a sign-out elsewhere).
 * The shell registers this to show the sign-in screen; the call still fails with its ApiError.
 */
let onUnauthorized: (() => void) | null = null;
export function setUnauthorizedHandler(fn: (() => void) | null) {
  onUnauthorized = fn;
}
/** Server mode: a call answering 403 `password_change_required` (a one-time password is in use) brings the change-password screen. */
let onPasswordChangeRequired: (() => void) | null = null;
export function setPasswordChangeRequiredHandler(fn: (() => void) | null) {
  onPasswordChangeRequired = fn;
}
const LOGIN = '/api/login';

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  // CSRF guard of the workspace server: every state-changing request carries this header.
  if (WRITE.has(method)) headers['X-Plateau'] = '1';
  let payload: BodyInit | undefined;
  if (body instanceof FormData) {
    payload = body; // the browser sets the multipart Content-Type with its boundary
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(url, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError('The Plateau server is not reachable. Is `plateau serve` still running?', 0);
  }
  if (res.status === 401 && url !== LOGIN) onUnauthorized?.();
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = text;
    }
  }
  if (!res.ok) {
    const body = data && typeof data === 'object' ? (data as { error?: unknown; code?: unknown }) : {};
    const msg = body.error !== undefined ? String(body.error) : `${res.status} ${res.statusText}`;
    const code = typeof body.code === 'string' ? body.code : undefined;
    if (code === 'password_change_required') onPasswordChangeRequired?.();
    throw new ApiError(msg, res.status, code);
  }
  return data as T;
}

const c = (id: string) => `/api/cases/${encodeURIComponent(id)}`;
const u = (id: number) => `/api/users/${encodeURIComponent(String(id))}`;

/** Cases known to have an analysis (the case list said so, or it was read): opening one asks for it at once. */
const analysed = new Set<string>();

/** A new claimant entry as sent; `amount` is dollars as typed ("42.50"). */
export interface NewEntry {
  date: string;
  kind: ClaimantEntry['kind'];
  title: string;
  text?: string;
  amount?: string;
}

export interface UploadFile {
  file: File;
  /** Name sent as the part's filename: the relative path when the file came from a folder. */
  name: string;
}

export interface UploadResult {
  added: { id: string; name: string }[];
  rejected: { name: string; reason: string }[];
}

export const api = {
  health: () => request<{ ok: boolean; version: string; mode: string; encrypted?: boolean }>('GET', '/api/health'),
  /** Who is signed in; in local single-user mode always `{ mode: "local" }`. */
  me: () => request<Me>('GET', '/api/me'),
  login: (name: string, password: string) => request<{ name: string; role: Me['role']; mustChangePassword?: boolean }>('POST', LOGIN, { name, password }),
  logout: () => request<{ ok: boolean }>('POST', '/api/logout'),
  logoutAll: () => request<{ ok: boolean }>('POST', '/api/logout-all'),
  /** The user's own password; a wrong current one answers 400 with code `wrong_password`. Other sessions end. */
  changePassword: (current: string, next: string) => request<{ ok: boolean }>('POST', '/api/me/password', { current, next }),
  users: () => request<UserAccount[]>('GET', '/api/users'),
  /** Without a password the server makes a one-time one and returns it, this once. */
  addUser: (name: string, role: Role, password?: string) =>
    request<{ user: UserAccount; oneTimePassword?: string }>('POST', '/api/users', { name, role, ...(password ? { password } : {}) }),
  setRole: (id: number, role: Role) => request<UserAccount>('PUT', `${u(id)}/role`, { role }),
  setDisabled: (id: number, disabled: boolean) => request<UserAccount>('POST', `${u(id)}/${disabled ? 'disable' : 'enable'}`),
  /** The ids of the cases given to a user. */
  userCases: (id: number) => request<string[]>('GET', `${u(id)}/cases`),
  grantCase: (caseId: string, userId: number) => request<{ ok: boolean }>('PUT', `${c(caseId)}/access/${encodeURIComponent(String(userId))}`),
  revokeCase: (caseId: string, userId: number) => request<void>('DELETE', `${c(caseId)}/access/${encodeURIComponent(String(userId))}`),
  listCases: (q: string, sort: string) => {
    const p = new URLSearchParams();
    if (q.trim()) p.set('q', q.trim());
    if (sort) p.set('sort', sort);
    return request<CaseSummary[]>('GET', `/api/cases?${p}`).then((list) => {
      for (const k of list) if (k.mmi) analysed.add(k.id);
      return list;
    });
  },
  likelyAnalysed: (id: string) => analysed.has(id),
  createCase: (d: CaseDetails) => request<CaseSummary>('POST', '/api/cases', d),
  getCase: (id: string) => request<CaseRecord>('GET', c(id)),
  updateCase: (id: string, d: Partial<CaseDetails>) => request<CaseRecord>('PATCH', c(id), d),
  deleteCase: (id: string) => request<void>('DELETE', c(id)),
  deleteDocument: (id: string, docId: string) => request<void>('DELETE', `${c(id)}/documents/${encodeURIComponent(docId)}`),
  rawUrl: (id: string, docId: string) => `${c(id)}/documents/${encodeURIComponent(docId)}/raw`,
  analyze: (id: string) => request<Progress>('POST', `${c(id)}/analyze`),
  cancel: (id: string) => request<Progress>('POST', `${c(id)}/cancel`),
  progress: (id: string) => request<Progress>('GET', `${c(id)}/progress`),
  /** The corrected analysis, or null before the first run. */
  analysis: async (id: string): Promise<CaseAnalysis | null> => {
    try {
      const a = await request<CaseAnalysis>('GET', `${c(id)}/analysis`);
      analysed.add(id);
      return a;
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        analysed.delete(id);
        return null;
      }
      throw e;
    }
  },
  /** What the Timeline screen draws: provider rows, course bars, visits, measures, markers. */
  timeline: (id: string) => request<TimelineView>('GET', `${c(id)}/timeline`),
  /** What the timeline cites, and its course table (asked for once it is drawn). */
  timelineSources: (id: string) => request<TimelineSources>('GET', `${c(id)}/timeline/sources`),
  page: (id: string, file: string, page: number) =>
    request<PageText>('GET', `${c(id)}/page?${new URLSearchParams({ file, page: String(page) })}`),
  /** The analysis's facts, filtered and paged by the server (the analysis itself comes without them). */
  facts: (id: string, q: { type?: string; q?: string; offset?: number; limit?: number; ids?: string[] } = {}) => {
    const p = new URLSearchParams();
    if (q.type) p.set('type', q.type);
    if (q.q?.trim()) p.set('q', q.q.trim());
    if (q.offset) p.set('offset', String(q.offset));
    if (q.limit) p.set('limit', String(q.limit));
    if (q.ids?.length) p.set('ids', q.ids.join(','));
    return request<FactPage>('GET', `${c(id)}/facts?${p}`);
  },
  /** The claimant's own notes, expenses and letters (never medical evidence). */
  entries: (id: string) => request<{ entries: ClaimantEntry[]; expenses: number }>('GET', `${c(id)}/entries`),
  /** Adds a claimant entry: JSON without a file; multipart (fields first, then the `receipt` part) with one. */
  addEntry: (id: string, e: NewEntry, receipt?: File | null) => {
    if (!receipt) return request<ClaimantEntry>('POST', `${c(id)}/entries`, e);
    const fd = new FormData();
    fd.append('date', e.date);
    fd.append('kind', e.kind);
    fd.append('title', e.title);
    if (e.text !== undefined) fd.append('text', e.text);
    if (e.amount !== undefined) fd.append('amount', e.amount);
    fd.append('receipt', receipt, receipt.name);
    return request<ClaimantEntry>('POST', `${c(id)}/entries`, fd);
  },
  deleteEntry: (id: string, eid: string | number) => request<void>('DELETE', `${c(id)}/entries/${encodeURIComponent(String(eid))}`),
  entryReceiptUrl: (id: string, eid: string | number) => `${c(id)}/entries/${encodeURIComponent(String(eid))}/receipt`,
  corrections: (id: string) => request<Correction[]>('GET', `${c(id)}/corrections`),
  addCorrection: (id: string, k: NewCorrection) =>
    request<{ correction: Correction; analysis: CaseAnalysis }>('POST', `${c(id)}/corrections`, k),
  withdrawCorrection: (id: string, cid: string | number) =>
    request<{ analysis: CaseAnalysis }>('DELETE', `${c(id)}/corrections/${encodeURIComponent(String(cid))}`),
  exportUrl: (id: string, name: string) => `${c(id)}/export/${name}`,
  /** The HTML exports opened in a tab, under their own strict policy. */
  exportOpenUrl: (id: string, name: string) => `${c(id)}/export/${name}?inline=1`,

  /** Multipart upload with byte progress (fetch has no upload progress). */
  upload(id: string, files: UploadFile[], onProgress?: (loaded: number, total: number) => void): Promise<UploadResult> {
    return new Promise((resolve, reject) => {
      const fd = new FormData();
      for (const f of files) fd.append('files', f.file, f.name);
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `${c(id)}/documents`);
      xhr.setRequestHeader('X-Plateau', '1');
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.responseType = 'text';
      if (onProgress) xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : 0);
      xhr.onerror = () => reject(new ApiError('The upload failed: the server is not reachable.', 0));
      xhr.onload = () => {
        if (xhr.status === 401) onUnauthorized?.();
        let data: unknown;
        try {
          data = xhr.responseText ? JSON.parse(xhr.responseText) : {};
        } catch {
          data = {};
        }
        if (xhr.status >= 200 && xhr.status < 300) {
          const d = data as Partial<UploadResult>;
          resolve({ added: d.added ?? [], rejected: d.rejected ?? [] });
        } else {
          const msg = data && typeof data === 'object' && 'error' in data ? String((data as { error: unknown }).error) : `Upload failed (${xhr.status})`;
          reject(new ApiError(msg, xhr.status));
        }
      };
      xhr.send(fd);
    });
  },
};

export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
