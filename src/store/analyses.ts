/** The last analysis of each case: its progress while it runs, then its result and the page texts it read. */
import type { Store } from './db.js';

/** The job's state and the documents' statuses: small, read on every poll. */
export async function getAnalysisState(db: Store, caseId: string) {
  return db.selectFrom('analyses').select(['status', 'progress', 'error', 'finished_at', 'documents', 'result_at']).where('case_id', '=', caseId).executeTakeFirst();
}

/** The stored result: large, read once and cached. */
export async function getAnalysisResult(db: Store, caseId: string): Promise<string | undefined> {
  return (await db.selectFrom('analysis_results').select('result').where('case_id', '=', caseId).executeTakeFirst())?.result;
}

/** What the result was computed from (as large): read only to judge the case again on corrected facts. */
export async function getAnalysisInput(db: Store, caseId: string): Promise<string | undefined> {
  return (await db.selectFrom('analysis_results').select('input').where('case_id', '=', caseId).executeTakeFirst())?.input;
}

/** Start (or restart) a case's analysis row; the previous result stays readable until the new one replaces it. */
export async function markStarted(db: Store, caseId: string, progress: string, now: string): Promise<void> {
  await db.insertInto('analyses').values({ case_id: caseId, status: 'running', progress, error: null, started_at: now, finished_at: null, mmi_status: null, mmi_date: null, documents: null, result_at: null })
    .onConflict((oc) => oc.column('case_id').doUpdateSet({ status: 'running', progress, error: null, started_at: now, finished_at: null }))
    .execute();
}

export async function setProgress(db: Store, caseId: string, progress: string): Promise<void> {
  await db.updateTable('analyses').set({ progress }).where('case_id', '=', caseId).where('status', '=', 'running').execute();
}

export async function markEnded(db: Store, caseId: string, status: 'failed' | 'cancelled', error: string | null, now: string): Promise<void> {
  await db.updateTable('analyses').set({ status, error, finished_at: now }).where('case_id', '=', caseId).execute();
}

/** The finished analysis and its page texts, replaced together. */
export async function saveResult(db: Store, caseId: string, r: { result: string; input: string; progress: string; mmiStatus: string; mmiDate?: string; documents: string; pages: { file: string; text: string; pages: string }[] }, now: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('analyses').set({
      status: 'done', progress: r.progress, error: null, finished_at: now,
      mmi_status: r.mmiStatus, mmi_date: r.mmiDate ?? null, documents: r.documents, result_at: now,
    }).where('case_id', '=', caseId).execute();
    await tx.insertInto('analysis_results').values({ case_id: caseId, result: r.result, input: r.input })
      .onConflict((oc) => oc.column('case_id').doUpdateSet({ result: r.result, input: r.input })).execute();
    await tx.deleteFrom('page_texts').where('case_id', '=', caseId).execute();
    for (const p of r.pages) await tx.insertInto('page_texts').values({ case_id: caseId, ...p }).onConflict((oc) => oc.columns(['case_id', 'file']).doNothing()).execute();
  });
}

export async function getPageText(db: Store, caseId: string, file: string): Promise<{ text: string; pages: string } | undefined> {
  return db.selectFrom('page_texts').select(['text', 'pages']).where('case_id', '=', caseId).where('file', '=', file).executeTakeFirst();
}

/** Cases whose analysis was running when the server stopped (a crash, a kill): they are started again. */
export async function interruptedCases(db: Store): Promise<string[]> {
  return (await db.selectFrom('analyses').select('case_id').where('status', 'in', ['running', 'queued']).execute()).map((r) => r.case_id);
}
