/** Schema migrations, in order. Each runs once; the query builder records which have run. */
import { sql, type Kysely, type Migration } from 'kysely';

export const MIGRATIONS: Record<string, Migration> = {
  '0001-workspace': {
    async up(db: Kysely<unknown>) {
      await db.schema.createTable('cases')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('claimant', 'text', (c) => c.notNull())
        .addColumn('claim_type', 'text', (c) => c.notNull())
        .addColumn('state', 'text').addColumn('dob', 'text').addColumn('onset', 'text').addColumn('dli', 'text')
        .addColumn('filing_date', 'text').addColumn('education', 'text').addColumn('past_work', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createTable('documents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('stored_path', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('uploaded_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('documents_case').on('documents').column('case_id').execute();
      await db.schema.createTable('analyses')
        .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id').onDelete('cascade'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('progress', 'text', (c) => c.notNull())
        .addColumn('error', 'text').addColumn('result', 'text').addColumn('input', 'text')
        .addColumn('started_at', 'text').addColumn('finished_at', 'text')
        .execute();
      await db.schema.createTable('page_texts')
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
        .addColumn('file', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('pages', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('page_texts_pk', ['case_id', 'file'])
        .execute();
      await db.schema.createTable('corrections')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('anchor', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull().defaultTo(sql`'{}'`))
        .addColumn('reason', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('withdrawn_at', 'text')
        .execute();
      await db.schema.createIndex('corrections_case').on('corrections').column('case_id').execute();
    },
  },
  '0002-claimant-entries': {
    async up(db: Kysely<unknown>) {
      await db.schema.createTable('claimant_entries')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('text', 'text')
        .addColumn('amount_cents', 'integer')
        .addColumn('file_name', 'text')
        .addColumn('stored_path', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('claimant_entries_case').on('claimant_entries').columns(['case_id', 'date']).execute();
    },
  },
  '0003-analysis-summary-columns': {
    // The case list and the documents table read these, not the whole analysis (tens of MB on a large case).
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('analyses').addColumn('mmi_status', 'text').execute();
      await db.schema.alterTable('analyses').addColumn('mmi_date', 'text').execute();
      await db.schema.alterTable('analyses').addColumn('documents', 'text').execute();
    },
  },
  '0004-audit-log': {
    async up(db: Kysely<unknown>) {
      await db.schema.createTable('audit_log')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('case_id', 'text')
        .addColumn('target', 'text')
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0005-accounts': {
    async up(db: Kysely<unknown>) {
      await db.schema.createTable('users')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('disabled_at', 'text')
        .execute();
      await db.schema.createTable('sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createTable('case_access')
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('case_access_pk', ['case_id', 'user_id'])
        .execute();
    },
  },
  '0006-result-time': {
    // When the stored result was made: the previous result stays readable while a new run is under way.
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('analyses').addColumn('result_at', 'text').execute();
      await sql`update analyses set result_at = finished_at where result is not null`.execute(db);
    },
  },
  '0007-password-change': {
    // Set for a one-time password (the first-run administrator, users an administrator adds): chosen anew at first sign-in.
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('users').addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    },
  },
  '0008-case-retention': {
    // The day a case's records are kept until (optional); the retention sweep purges it the day after.
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('cases').addColumn('retain_until', 'text').execute();
    },
  },
  '0009-analysis-results': {
    // The result and its input (tens of MB each on a large case) in a table of their own: to read a column stored
    // after a large value SQLite walks that value's overflow pages, and every case read and progress poll did.
    async up(db: Kysely<unknown>) {
      await db.schema.createTable('analysis_results')
        .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id').onDelete('cascade'))
        .addColumn('result', 'text', (c) => c.notNull())
        .addColumn('input', 'text', (c) => c.notNull())
        .execute();
      await sql`insert into analysis_results (case_id, result, input) select case_id, result, input from analyses where result is not null and input is not null`.execute(db);
      await db.schema.alterTable('analyses').dropColumn('result').execute();
      await db.schema.alterTable('analyses').dropColumn('input').execute();
    },
  },
};
