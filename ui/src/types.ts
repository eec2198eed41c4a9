/**
 * The shapes the UI reads. The analysis types come straight from the pipeline's zod model (type-only imports:
 * nothing of zod reaches the bundle); the workspace shapes follow docs/workspace-api.md.
 */
export type {
  CaseAnalysis, MmiAssessment, FloorItem, Gap, TimelineEntry, Trajectory, Duration, CorrectionNote, ClaimType,
} from '../../src/model/analysis.js';
export type { Fact, FactType, Modality } from '../../src/model/fact.js';
export type { Evidence } from '../../src/model/evidence.js';
export type { DocumentStatus } from '../../src/model/document.js';
export type { TimelineSources, TimelineView } from '../../src/workspace/timeline-view.js';

import type { CaseAnalysis, ClaimType } from '../../src/model/analysis.js';
import type { Fact } from '../../src/model/fact.js';

/**
 * What GET /analysis returns: the analysis without the lists one screen pages or draws on its own (facts: GET /facts,
 * counted in `factCount` and by type in `factCounts`; timeline and trends: GET /timeline, of the same `version`;
 * documents' visits: `encounterCount`). The same code also reads a full analysis (facts and encounters present).
 */
export type AnalysisView = CaseAnalysis & { version?: string; factCount?: number; factCounts?: Record<string, number>; duplicateCount?: number };
export const factCount = (a: AnalysisView) => a.factCount ?? a.facts.length;
export const encounterCount = (d: CaseAnalysis['documents'][number]) => (d as { encounterCount?: number }).encounterCount ?? d.encounters?.length ?? 0;

/** The signed-in user (GET /api/me). Local single-user mode: `{ name: "local user", role: "administrator", mode: "local" }`. */
export interface Me {
  name: string;
  role: Role;
  mode: 'local' | 'accounts' | (string & {});
  /** Server mode: signed in with a one-time password, which must be replaced before anything else. */
  mustChangePassword?: boolean;
}

export type Role = 'administrator' | 'reviewer' | 'read-only' | (string & {});

/** One account as GET /api/users lists it (server mode, administrators). */
export interface UserAccount {
  id: number;
  name: string;
  role: Role;
  disabled: boolean;
  mustChangePassword: boolean;
}

export interface FactPage { total: number; offset: number; facts: Fact[] }

export interface ClaimantEntry {
  id: number | string;
  date: string;
  kind: 'note' | 'expense' | 'letter';
  title: string;
  text?: string;
  amount?: number;
  receipt?: string;
  createdAt: string;
  source: 'claimant';
}

export interface CaseDetails {
  claimant: string;
  claimType: ClaimType;
  state?: string;
  dob?: string;
  onset?: string;
  dli?: string;
  filingDate?: string;
  education?: string;
  pastWork?: string;
  /** Keep the records until this day; they are purged the day after. */
  retainUntil?: string;
}

export type RunStatus = 'none' | 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface Progress {
  status: RunStatus;
  step?: 'reading' | 'extracting' | 'analysing' | 'done';
  filesDone: number;
  filesTotal: number;
  pagesDone: number;
  file?: string;
  startedAt?: string;
  finishedAt?: string;
  error?: string;
}

export interface CaseSummary {
  id: string;
  claimant: string;
  claimType: ClaimType;
  state?: string | null;
  onset?: string | null;
  dli?: string | null;
  createdAt: string;
  updatedAt: string;
  documents: number;
  status: RunStatus;
  mmi?: { status: string; date?: string | null } | null;
}

export interface DocumentRow {
  id: string;
  name: string;
  size: number;
  uploadedAt: string;
  status?: 'ok' | 'error' | null;
  error?: string | null;
  pages?: number | null;
  /** A role kind ("clinical_record") or, depending on the server, the whole role object. */
  role?: string | { role?: string; kind?: string; why?: string } | null;
  misfiled?: boolean | { reason?: string } | null;
  warnings?: string[];
}

export interface CaseRecord {
  case: CaseDetails & { id: string };
  documents: DocumentRow[];
  analysis: Progress;
}

export interface PageText {
  file: string;
  page: number;
  pages: number;
  start: number;
  end: number;
  text: string;
}

export type CorrectionTarget = 'fact' | 'gap' | 'verdict';

/** A stored correction as GET /corrections returns it (anchor/payload may arrive parsed or as JSON text). */
export interface Correction {
  id: number | string;
  target: CorrectionTarget;
  action: string;
  anchor?: unknown;
  payload?: unknown;
  summary?: string;
  reason?: string | null;
  createdAt?: string;
  created_at?: string;
  withdrawnAt?: string | null;
  withdrawn_at?: string | null;
  matched?: boolean;
}

export type NewCorrection =
  | { target: 'fact'; action: 'accept' | 'reject' | 'edit'; anchor: { factId: string }; payload?: { date?: string; attributes?: Record<string, unknown> }; reason?: string }
  | { target: 'fact'; action: 'add'; anchor: { file: string; start: number; end: number }; payload: { type: string; attributes: Record<string, unknown>; date?: string }; reason?: string }
  | { target: 'gap'; action: 'dismiss' | 'requested' | 'received'; anchor: { ruleId: string; title: string; to: string }; reason?: string }
  | { target: 'verdict'; action: 'verdict'; payload: { status: MmiStatus; date?: string }; reason: string };

export type MmiStatus = 'explicit' | 'implied' | 'not_reached' | 'insufficient_evidence';
