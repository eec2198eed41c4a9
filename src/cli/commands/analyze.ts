/** `plateau analyze`: read a case folder and write the analysis (JSON, Markdown, HTML). */
import { chmod, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { ClaimTypeSchema, type ClaimType } from '../../model/index.js';
import type { ReportFormat } from '../../report/index.js';
import { UsageError, isoDateArg, printable } from '../usage.js';
import { caseLimitsFrom, withCaseLimitOptions, type CaseLimitFlags } from '../case-limits.js';

const CLAIM_ALIASES: Record<string, ClaimType> = {
  ssdi: 'ssdi', ssi: 'ssi', wc: 'workers_comp', workers_comp: 'workers_comp', 'workers-comp': 'workers_comp',
  pi: 'personal_injury', injury: 'personal_injury', personal_injury: 'personal_injury', general: 'general',
};

function formatFrom(format: string | undefined, out: string | undefined): ReportFormat {
  const f = format ?? (out ? path.extname(out).slice(1).toLowerCase() : 'md');
  const normal = f === 'markdown' ? 'md' : f === 'htm' ? 'html' : f;
  if (normal !== 'json' && normal !== 'md' && normal !== 'html' && normal !== 'letters') {
    throw new UsageError(`--format must be json, md, html or letters, got "${f}"`);
  }
  return normal;
}

interface CaseFile { claim?: string; onset?: string; dli?: string; state?: string; dob?: string; education?: string; pastWork?: string; filingDate?: string }

/** Claim defaults from a case folder's case.json, when one folder is analysed; flags override them. */
function caseDefaults(paths: string[]): CaseFile {
  if (paths.length !== 1 || !statSync(paths[0]).isDirectory()) return {};
  const file = path.join(paths[0], 'case.json');
  if (!existsSync(file)) return {};
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    return {
      claim: str(raw.claim), onset: str(raw.onset), dli: str(raw.dli), state: str(raw.state),
      dob: str(raw.dob), education: str(raw.education), pastWork: str(raw.past_work ?? raw.pastWork), filingDate: str(raw.filing_date ?? raw.filingDate),
    };
  } catch (err) {
    throw new UsageError(`${file}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
}

export function registerAnalyze(program: Command): void {
  withCaseLimitOptions(program
    .command('analyze')
    .description('Analyse a case folder (or files) and write the cited report'))
    .argument('<paths...>', 'case folder(s) or files')
    .option('--claim <type>', 'ssdi | ssi | wc | pi | general (default: case.json, else general)')
    .option('--onset <date>', 'alleged onset / date of injury (YYYY-MM-DD)')
    .option('--dli <date>', 'date last insured, SSDI (YYYY-MM-DD)')
    .option('--state <code>', "workers' comp state (two letters, e.g. TX): selects whose MMI opinion carries weight")
    .option('--format <format>', 'json | md | html | letters (default: from --out extension, else md)')
    .option('--out <file>', 'write the report here instead of stdout')
    .option('--quiet', 'no progress or summary on stderr')
    .action(async (paths: string[], opts: CaseLimitFlags & { claim?: string; onset?: string; dli?: string; state?: string; format?: string; out?: string; quiet?: boolean }) => {
      const limits = caseLimitsFrom(opts);
      for (const p of paths) if (!existsSync(p)) throw new UsageError(`no such file or folder: ${p}`);
      const defaults = caseDefaults(paths);
      const claimArg = opts.claim ?? defaults.claim ?? 'general';
      const claimType = CLAIM_ALIASES[claimArg.toLowerCase()];
      if (!claimType || !ClaimTypeSchema.safeParse(claimType).success) throw new UsageError(`--claim must be one of ssdi, ssi, wc, pi, general; got "${claimArg}"`);
      const claim = {
        type: claimType,
        onset: isoDateArg('onset', opts.onset ?? defaults.onset),
        dli: isoDateArg('dli', opts.dli ?? defaults.dli),
        ...((opts.state ?? defaults.state) ? { state: (opts.state ?? defaults.state)!.toUpperCase() } : {}),
        ...(defaults.dob ? { dob: isoDateArg('dob', defaults.dob) } : {}),
        ...(defaults.education ? { education: defaults.education } : {}),
        ...(defaults.pastWork ? { pastWork: defaults.pastWork } : {}),
        ...(defaults.filingDate ? { filingDate: isoDateArg('filing_date', defaults.filingDate) } : {}),
      };
      const format = formatFrom(opts.format, opts.out);

      // The case folder is input: a report written into it is skipped on the next run, but belongs elsewhere.
      if (opts.out) {
        const out = path.resolve(opts.out);
        const inside = paths.map((p) => path.resolve(p)).find((p) => existsSync(p) && statSync(p).isDirectory() && out.startsWith(p + path.sep));
        if (inside) process.stderr.write(`plateau: warning: the report goes inside the case folder ${printable(inside)}; later runs skip it (it is recognised as a Plateau report), but keep reports outside the records\n`);
      }
      const started = performance.now();
      const [{ analyzePaths }, { renderReport }] = await Promise.all([import('../../pipeline.js'), import('../../report/index.js')]);
      const run = await analyzePaths(paths, claim, { read: { limits } });
      const report = renderReport(run.analysis, format);
      // Reports hold protected health information: readable by their owner only.
      if (opts.out) { await writeFile(opts.out, report, { mode: 0o600 }); await chmod(opts.out, 0o600); }
      else process.stdout.write(report);

      for (const f of run.failures) process.stderr.write(`plateau: ${printable(f.file)}: ${printable(f.error)}\n`);
      if (!opts.quiet) {
        const a = run.analysis;
        const ms = Math.round(performance.now() - started);
        process.stderr.write(
          `plateau: ${run.documents.length} document(s) read, ${run.failures.length} failed, ${a.facts.length} facts, ` +
          `MMI ${a.mmi.status}${a.mmi.date ? ` (${a.mmi.date})` : ''}, ${a.gaps.length} gap(s) in ${ms} ms` +
          `${opts.out ? ` → ${printable(opts.out)}` : ''}\n`,
        );
      }
      if (run.failures.length > 0) process.exitCode = 1;
    });
}
