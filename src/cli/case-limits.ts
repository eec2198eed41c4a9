/** The per-case reading limits as command-line options, shared by `analyze` and `serve`. */
import type { Command } from 'commander';
import { DEFAULT_CASE_LIMITS, type CaseLimits } from '../ingest/budget.js';
import { positiveIntArg } from './usage.js';

export interface CaseLimitFlags { maxPages?: string; maxOcrPages?: string; timeLimit?: string }

export function withCaseLimitOptions(cmd: Command): Command {
  return cmd
    .option('--max-pages <n>', `pages read per case; files past it are listed as not read (default ${DEFAULT_CASE_LIMITS.maxPages})`)
    .option('--max-ocr-pages <n>', `scanned pages OCR'd per case (default ${DEFAULT_CASE_LIMITS.maxOcrPages})`)
    .option('--time-limit <seconds>', `reading and OCR time per case; the files read by then are analysed (default ${DEFAULT_CASE_LIMITS.maxSeconds})`);
}

export function caseLimitsFrom(flags: CaseLimitFlags): Partial<CaseLimits> {
  const limits: Partial<CaseLimits> = {};
  const pages = positiveIntArg('max-pages', flags.maxPages);
  const ocr = positiveIntArg('max-ocr-pages', flags.maxOcrPages);
  const seconds = positiveIntArg('time-limit', flags.timeLimit);
  if (pages !== undefined) limits.maxPages = pages;
  if (ocr !== undefined) limits.maxOcrPages = ocr;
  if (seconds !== undefined) limits.maxSeconds = seconds;
  return limits;
}
