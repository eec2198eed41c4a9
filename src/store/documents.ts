/** The files of a case as uploaded: name shown to the user, where the bytes are, size and digest. */
import type { Store } from './db.js';
import type { DocumentTable } from './schema.js';

export type DocumentRow = DocumentTable;

export async function insertDocument(db: Store, row: DocumentRow): Promise<void> {
  await db.insertInto('documents').values(row).execute();
}

export async function listDocuments(db: Store, caseId: string): Promise<DocumentRow[]> {
  return db.selectFrom('documents').selectAll().where('case_id', '=', caseId).orderBy('name').execute();
}

export async function getDocument(db: Store, caseId: string, id: string): Promise<DocumentRow | undefined> {
  return db.selectFrom('documents').selectAll().where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
}

export async function deleteDocument(db: Store, caseId: string, id: string): Promise<void> {
  await db.deleteFrom('documents').where('case_id', '=', caseId).where('id', '=', id).execute();
}
