/**
 * The workspace's tables, typed for the query builder. One schema serves the embedded SQLite file and (later) a
 * firm's PostgreSQL: JSON is stored as text, dates as ISO strings, ids as text.
 */
import type { ColumnType, Generated } from 'kysely';

export interface CaseTable {
  id: string;
  claimant: string;
  /** ssdi | ssi | workers_comp | personal_injury | general */
  claim_type: string;
  state: string | null;
  dob: string | null;
  /** Alleged onset (SSA) or date of injury. */
  onset: string | null;
  dli: string | null;
  filing_date: string | null;
  education: string | null;
  past_work: string | null;
  /** Keep the records until this day (YYYY-MM-DD); purged the day after. */
  retain_until: string | null;
  created_at: ColumnType<string, string, never>;
  updated_at: string;
}

export interface DocumentTable {
  id: string;
  case_id: string;
  /** The name the user gave the file (shown escaped, never used as a path). */
  name: string;
  /** Where the bytes are, under the workspace's data folder. */
  stored_path: string;
  size: number;
  sha256: string;
  uploaded_at: string;
}

export interface AnalysisTable {
  case_id: string;
  /** queued | running | done | failed | cancelled */
  status: string;
  /** RunProgress as JSON, with the job's start time. */
  progress: string;
  error: string | null;
  started_at: string | null;
  finished_at: string | null;
  /** Copied from the result so that lists never read the whole analysis. */
  mmi_status: string | null;
  mmi_date: string | null;
  /** The documents' statuses from the result (JSON, without their encounters). */
  documents: string | null;
  /** When the stored result was made (kept while a new run is under way). */
  result_at: string | null;
}

/** The last finished analysis of a case: large, apart from its state (see migration 0009). */
export interface AnalysisResultTable {
  case_id: string;
  /** The analysis as computed from the records (CaseAnalysis JSON), before corrections. */
  result: string;
  /** AnalysisInput JSON: what corrections recompute from. */
  input: string;
}

/** Text of every page read, for the evidence viewer (one row per document of a file). */
export interface PageTextTable {
  case_id: string;
  file: string;
  /** The document's text and its pages' offsets ([{n,start,end}] JSON). */
  text: string;
  pages: string;
}

export interface CorrectionTable {
  id: Generated<number>;
  case_id: string;
  /** fact | gap | verdict */
  target: string;
  /** accept | reject | edit | add | dismiss | requested | received | restore | verdict */
  action: string;
  /** What the correction is about, anchored to the quoted words rather than to offsets (JSON). */
  anchor: string;
  /** The new values (JSON): edited attributes, the added fact, the changed verdict. */
  payload: string;
  reason: string | null;
  created_at: string;
  /** Set when the correction is withdrawn (a dismissed gap restored): kept for the audit trail. */
  withdrawn_at: string | null;
}

/** The claimant's own entries: a dated note in their words, an expense (with a receipt), a claim letter received. Never medical evidence. */
export interface ClaimantEntryTable {
  id: Generated<number>;
  case_id: string;
  date: string;
  /** note | expense | letter */
  kind: string;
  title: string;
  text: string | null;
  amount_cents: number | null;
  file_name: string | null;
  stored_path: string | null;
  created_at: string;
}

/** Who did what to which case, when: ids only, never record text; each row chained by hash to the one before. */
export interface AuditTable {
  id: Generated<number>;
  at: string;
  actor: string;
  /** view | export | upload | create | change | correct | delete | ... */
  action: string;
  case_id: string | null;
  /** The document, correction, export or route the action was on (an id or a name from the API, not record text). */
  target: string | null;
  /** ok, or the HTTP status of a refused request. */
  outcome: string;
  prev_hash: string;
  hash: string;
}

/** Server mode: people who may sign in, with a role (administrator, reviewer, read-only). */
export interface UserTable {
  id: Generated<number>;
  name: string;
  role: string;
  /** scrypt$N$r$p$salt$hash (memory-hard; never the password). */
  password_hash: string;
  created_at: string;
  disabled_at: string | null;
  /** 1 while the password is a one-time one: every request but sign-out and choosing a new password is refused. */
  must_change_password: Generated<number>;
}

/** A signed-in browser: the cookie's token is stored hashed, so a copy of the database signs no one in. */
export interface SessionTable {
  token_hash: string;
  user_id: number;
  created_at: string;
  last_seen: string;
}

/** Which cases a reviewer or read-only user may open (administrators open all). */
export interface CaseAccessTable {
  case_id: string;
  user_id: number;
}

export interface Database {
  cases: CaseTable;
  documents: DocumentTable;
  analyses: AnalysisTable;
  analysis_results: AnalysisResultTable;
  page_texts: PageTextTable;
  corrections: CorrectionTable;
  claimant_entries: ClaimantEntryTable;
  audit_log: AuditTable;
  users: UserTable;
  sessions: SessionTable;
  case_access: CaseAccessTable;
}
