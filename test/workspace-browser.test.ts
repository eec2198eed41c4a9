/**
 * The workspace in a real browser (Debian Chromium driven by playwright-core), as a reviewer uses it: create a
 * case, upload the example files, watch the progress reach 100 %, read the verdict, open a reason's source and
 * see its quoted words highlighted, add a fact the analysis missed and see the verdict recompute, reload and
 * find the correction kept, dismiss a gap, export the PDF and find the verdict and the correction in it.
 * In server mode, the first-run administrator signs in with the one-time password, must choose a new one, then
 * adds a user, is refused demoting themselves, and gives the new user a case on the users screen.
 * Every screen is checked with axe-core (no serious or critical violation) and photographed into
 * out/screenshots/; the page must log no Content-Security-Policy violation.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/db.js';
import { buildServer } from '../src/server/app.js';
import { AuditLog } from '../src/store/audit.js';
import { casesOf } from '../src/store/accounts.js';
import { createFirstAdministrator } from '../src/workspace/first-administrator.js';
import { Workspace } from '../src/workspace/workspace.js';
import type { CaseAnalysis } from '../src/model/index.js';

const root = path.resolve(import.meta.dirname, '..');
const uiDir = path.join(root, 'dist/ui');
const shots = path.join(root, 'out/screenshots');
const example = path.join(root, 'examples/lumbar-ssdi');
const AXE = path.join(root, 'node_modules/axe-core/axe.min.js');

let dir: string;
let ws: Workspace;
let app: FastifyInstance;
let browser: Browser;
let url: string;
const cspViolations: string[] = [];

beforeAll(async () => {
  expect(existsSync(path.join(uiDir, 'index.html')), 'the UI is built by npm run build (scripts/setup.sh)').toBe(true);
  dir = await mkdtemp(path.join(tmpdir(), 'plateau-browser-'));
  ws = new Workspace(await openStore(path.join(dir, 'ws.db')), path.join(dir, 'data'));
  app = await buildServer({ workspace: ws, port: 0, version: 'test', uiDir });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const addr = app.server.address();
  url = `http://127.0.0.1:${addr && typeof addr === 'object' ? addr.port : 0}/`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  mkdirSync(shots, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await ws?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(shots, `${name}.png`) });
}

/**
 * axe-core on the page as it is; a context that bypasses the CSP lets the checker's script in. `as`: a server-mode
 * workspace and who to sign in as first.
 */
async function axe(pathAndHash: string, prepare?: (p: Page) => Promise<void>, as?: { base: string; name: string; password: string }): Promise<string[]> {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, bypassCSP: true });
  if (as) expect((await ctx.request.post(`${as.base}api/login`, { headers: { 'X-Plateau': '1' }, data: { name: as.name, password: as.password } })).ok()).toBe(true);
  const page = await ctx.newPage();
  await page.goto((as?.base ?? url) + pathAndHash);
  await page.waitForLoadState('networkidle');
  if (prepare) await prepare(page);
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run: (c: Document, o: unknown) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`);
  });
  await ctx.close();
  return result;
}

describe('the case workspace in a browser', () => {
  let page: Page;
  let caseId: string;

  it('creates a case, uploads the example files and shows the progress to 100 %', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    page = await ctx.newPage();
    page.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) cspViolations.push(m.text()); });
    await page.goto(url);
    await expect.poll(() => page.getByTestId('case-list').first().isVisible()).toBe(true);
    await shot(page, '01-case-list-empty');
    const form = page.getByTestId('new-case-form');
    await form.getByLabel('Claimant').fill('Dolores M. Kettering');
    await form.getByLabel('Claim type').selectOption('ssdi');
    await form.getByLabel(/onset/i).fill('2022-03-14');
    await form.getByLabel(/Date last insured/).fill('2025-12-31');
    await form.getByRole('button', { name: 'Create case' }).click();
    await page.waitForURL(/#\/case\/[^/]+/);
    caseId = /#\/case\/([^/]+)/.exec(page.url())![1];
    const files = readdirSync(example).filter((n) => n.endsWith('.txt')).map((n) => path.join(example, n));
    await page.getByTestId('upload-input').setInputFiles(files);
    const bar = page.getByTestId('progress-bar');
    await expect.poll(() => bar.getAttribute('aria-valuenow'), { timeout: 60_000 }).toBe('100');
    await shot(page, '02-documents-analysed');
  }, 90_000);

  it('shows the verdict; a reason opens its source with the quoted words highlighted', async () => {
    await page.getByRole('link', { name: /^Overview/ }).click();
    const verdict = page.getByTestId('verdict');
    await expect.poll(() => verdict.textContent(), { timeout: 20_000 }).toMatch(/implied|inferred/i);
    await shot(page, '03-overview');
    const analysis = await (await page.request.get(`${url}api/cases/${caseId}/analysis`)).json() as CaseAnalysis;
    const first = analysis.mmi.reasons[0].evidence[0];
    await page.getByTestId('reason').first().getByTestId('citation').first().click();
    const mark = page.getByTestId('evidence-mark');
    await expect.poll(() => mark.textContent()).toBe(first.quote);
    await shot(page, '04-evidence-highlighted');
  }, 60_000);

  it('a fact added from the highlighted words changes the verdict, and survives a reload', async () => {
    await page.evaluate(() => {
      const m = document.querySelector('[data-testid="evidence-mark"]')!;
      const r = document.createRange();
      r.selectNodeContents(m);
      const s = window.getSelection()!;
      s.removeAllRanges();
      s.addRange(r);
    });
    await page.getByRole('button', { name: 'Add as fact…' }).click();
    await page.getByLabel('Fact type').selectOption('mmi_statement');
    await shot(page, '05-add-fact');
    await page.getByRole('button', { name: 'Add fact' }).click();
    await page.keyboard.press('Escape');
    const verdict = page.getByTestId('verdict');
    await expect.poll(() => verdict.textContent(), { timeout: 20_000 }).toMatch(/stated|explicit/i);
    await shot(page, '06-verdict-recomputed');
    await page.reload();
    await expect.poll(() => page.getByTestId('verdict').textContent(), { timeout: 20_000 }).toMatch(/stated|explicit/i);
    await page.getByRole('link', { name: /^Corrections/ }).click();
    await expect.poll(() => page.getByTestId('correction-row').first().textContent()).toMatch(/Added MMI statement|Added mmi statement/i);
    await shot(page, '07-corrections');
  }, 60_000);

  it('dismisses a gap with a reason', async () => {
    await page.getByRole('link', { name: /^Gaps/ }).click();
    await page.getByTestId('gap-item').first().waitFor({ timeout: 20_000 });
    const before = await page.getByTestId('gap-item').count();
    expect(before).toBeGreaterThan(0);
    await page.getByTestId('gap-dismiss').first().click();
    await page.locator('#dismiss-reason').fill('Already requested by letter on 11/20');
    await page.getByRole('button', { name: 'Dismiss gap' }).click();
    await expect.poll(() => page.getByTestId('gap-item').count()).toBe(before - 1);
    await shot(page, '08-gap-dismissed');
  }, 60_000);

  it("keeps the claimant's own expense beside the record, never as medical evidence", async () => {
    await page.getByRole('link', { name: /^Claimant/ }).click();
    const form = page.getByTestId('entry-form');
    await form.getByLabel(/^Date/).fill('2024-02-03');
    await form.getByLabel('Kind').selectOption('expense');
    await form.getByLabel(/^Title/).fill('Gabapentin copay');
    await form.getByLabel('Amount in dollars').fill('42.50');
    await form.getByRole('button', { name: 'Add entry' }).click();
    await expect.poll(() => page.getByTestId('entry-row').count()).toBe(1);
    expect(await page.getByTestId('entry-row').first().textContent()).toMatch(/not medical evidence/);
    expect(await page.locator('body').textContent()).toMatch(/Your costs: \$42\.50/);
    await shot(page, '09a-claimant-entries');
  }, 60_000);

  it('shows the timeline picture', async () => {
    await page.getByRole('link', { name: /^Timeline/ }).click();
    await expect.poll(() => page.locator('canvas').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(500);
    await shot(page, '09-timeline');
  }, 60_000);

  it('exports a PDF that holds the verdict and the corrections', async () => {
    await page.getByRole('link', { name: /^Exports/ }).click();
    const href = await page.getByTestId('export-pdf').getAttribute('href');
    const pdf = await page.request.get(new URL(href!, url).toString());
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const file = path.join(dir, 'report.pdf');
    writeFileSync(file, await pdf.body());
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    // The surgeon's MMI the reviewer added is there, withdrawn in deed by the drug trials after it (an SSDI claim).
    expect(text).toMatch(/Withdrawn MMI: Earlier MMI of 2023-10-02/);
    expect(text).toMatch(/Reviewer corrections \(2\)/);
    expect(text).toMatch(/Already requested by letter on 11\/20/);
    await shot(page, '10-exports');
    expect(cspViolations).toEqual([]);
  }, 90_000);

  it('has no serious or critical accessibility violation on any screen', async () => {
    const screens: [string, ((p: Page) => Promise<void>)?][] = [
      [''],
      [`#/case/${caseId}/documents`], [`#/case/${caseId}/overview`], [`#/case/${caseId}/timeline`], [`#/case/${caseId}/facts`],
      [`#/case/${caseId}/gaps`], [`#/case/${caseId}/claimant`], [`#/case/${caseId}/corrections`], [`#/case/${caseId}/exports`],
      [`#/case/${caseId}/overview`, async (p) => { await p.getByTestId('reason').first().getByTestId('citation').first().click(); await p.getByTestId('evidence-mark').waitFor(); }],
    ];
    const found: string[] = [];
    for (const [where, prepare] of screens) for (const v of await axe(where, prepare)) found.push(`${where || 'case list'}: ${v}`);
    expect(found).toEqual([]);
  }, 120_000);
});

describe('server mode in a browser', () => {
  let ws2: Workspace;
  let app2: FastifyInstance;
  let base: string;
  let first: { name: string; password: string };
  let shared: { id: string };
  let rita: string;
  const NEW_PASSWORD = 'a passphrase of my own';

  beforeAll(async () => {
    const store = path.join(dir, 'accounts');
    ws2 = new Workspace(await openStore(path.join(store, 'ws.db')), path.join(store, 'data'));
    first = (await createFirstAdministrator(ws2.db, new AuditLog(ws2.db)))!;
    shared = await ws2.createCase({ claimant: 'Shared Claimant', claimType: 'ssdi' });
    app2 = await buildServer({ workspace: ws2, port: 0, version: 'test', uiDir, accounts: true });
    await app2.listen({ host: '127.0.0.1', port: 0 });
    const addr = app2.server.address();
    base = `http://127.0.0.1:${addr && typeof addr === 'object' ? addr.port : 0}/`;
  });
  afterAll(async () => { await app2?.close(); await ws2?.close(); });

  it('the first administrator must choose a new password, then adds a user and gives them a case', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await ctx.newPage();
    const violations: string[] = [];
    page.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text()); });
    await page.goto(base);
    const login = page.getByTestId('login-form');
    await login.getByLabel('Name').fill(first.name);
    await login.getByLabel('Password').fill(first.password);
    await login.getByRole('button', { name: 'Sign in' }).click();
    const forced = page.getByTestId('forced-password-change');
    await forced.waitFor();
    await shot(page, '11-forced-password-change');
    await forced.getByLabel('One-time password').fill(first.password);
    await forced.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await forced.getByLabel('New password again').fill(NEW_PASSWORD);
    await forced.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByTestId('case-list').waitFor();
    await page.getByRole('link', { name: 'Users' }).click();
    await expect.poll(() => page.getByTestId('user-row').count()).toBe(1);
    const form = page.getByTestId('add-user-form');
    await form.getByLabel('Name').fill('rita');
    await form.getByLabel('Role').selectOption('reviewer');
    await form.getByRole('button', { name: 'Add user' }).click();
    rita = (await page.getByTestId('one-time-password').textContent())!;
    expect(rita).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    await expect.poll(() => page.getByTestId('user-row').count()).toBe(2);
    expect(await page.getByTestId('user-row').filter({ hasText: 'rita' }).textContent()).toMatch(/One-time: to be changed/);
    await shot(page, '12-users');
    // The last active administrator cannot demote themselves: the refusal is shown and the stored role comes back.
    await page.getByLabel('Role of admin', { exact: true }).selectOption('reviewer');
    await page.getByRole('button', { name: 'Save the role of admin' }).click();
    await expect.poll(() => page.getByTestId('users-error').textContent()).toMatch(/last active administrator/);
    expect(await page.getByLabel('Role of admin', { exact: true }).inputValue()).toBe('administrator');
    await page.getByRole('button', { name: 'Cases of rita' }).click();
    const dialog = page.getByTestId('case-access-dialog');
    await dialog.getByLabel('Give access to a case').selectOption(shared.id);
    await dialog.getByRole('button', { name: 'Give access' }).click();
    await expect.poll(() => dialog.getByTestId('access-row').count()).toBe(1);
    await shot(page, '13-case-access');
    const ritaId = (await ws2.db.selectFrom('users').select('id').where('name', '=', 'rita').executeTakeFirstOrThrow()).id;
    expect(await casesOf(ws2.db, ritaId)).toEqual([shared.id]);
    expect(violations).toEqual([]);
    await ctx.close();
  }, 60_000);

  it('has no serious or critical accessibility violation on the server-mode screens', async () => {
    const admin = { base, name: first.name, password: NEW_PASSWORD };
    const found = [
      ...(await axe('', undefined, { base, name: 'rita', password: rita })).map((v) => `forced password change: ${v}`),
      ...(await axe('#/users', undefined, admin)).map((v) => `users: ${v}`),
      ...(await axe('#/users', async (p) => { await p.getByRole('button', { name: 'Cases of rita' }).click(); await p.getByTestId('access-row').waitFor(); }, admin)).map((v) => `case access: ${v}`),
      ...(await axe('', async (p) => { await p.getByRole('button', { name: 'Change password' }).click(); await p.getByTestId('password-dialog').waitFor(); }, admin)).map((v) => `change password: ${v}`),
    ];
    expect(found).toEqual([]);
  }, 60_000);
});
