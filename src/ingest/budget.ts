/**
 * Per-case limits on pages read, pages OCR'd and reading time: one huge or hostile case must not hold the machine.
 * When a limit is reached the files read so far are analysed as usual, and every file or page left unread says why.
 */
export interface CaseLimits {
  /** Pages read across the whole case (all files). */
  maxPages: number;
  /** Pages sent to OCR across the whole case (each costs seconds). */
  maxOcrPages: number;
  /** Seconds of reading and OCR; files not started by then are not read. */
  maxSeconds: number;
}

/** Far above a real claim file (a few thousand pages, a few hundred scanned), well below what stalls a laptop for a day. */
export const DEFAULT_CASE_LIMITS: CaseLimits = { maxPages: 50_000, maxOcrPages: 5_000, maxSeconds: 3_600 };

const count = (n: number) => n.toLocaleString('en-US');
const pages = (n: number) => `${count(n)} page${n === 1 ? '' : 's'}`;

function duration(seconds: number): string {
  return seconds >= 120 && seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}

export class CaseBudget {
  private pagesRead = 0;
  private ocrPages = 0;
  private readonly deadline: number;

  constructor(readonly limits: CaseLimits = DEFAULT_CASE_LIMITS, private readonly now: () => number = Date.now) {
    this.deadline = now() + limits.maxSeconds * 1000;
  }

  /** Why no further file may be started (the time is up), or undefined. */
  timeUp(): string | undefined {
    return this.now() >= this.deadline
      ? `not read: the case's time limit (${duration(this.limits.maxSeconds)}) ran out before this file; the analysis covers the files read before it`
      : undefined;
  }

  /** Claims `n` pages for one file: undefined when they fit, else why the file is not read (nothing is claimed). */
  takePages(n: number): string | undefined {
    if (this.pagesRead + n > this.limits.maxPages) {
      return `not read: its ${pages(n)} would pass the case's page limit (${pages(this.limits.maxPages)}; ${count(this.pagesRead)} already read); split the case or raise the limit`;
    }
    this.pagesRead += n;
    return undefined;
  }

  /** How many of `n` pages waiting for OCR may be read now: none once the OCR page limit or the time is spent. */
  takeOcr(n: number): number {
    if (this.now() >= this.deadline) return 0;
    const granted = Math.max(0, Math.min(n, this.limits.maxOcrPages - this.ocrPages));
    this.ocrPages += granted;
    return granted;
  }

  /** The warning for pages left without OCR: which limit stopped them. */
  ocrRefused(): string {
    return this.ocrPages >= this.limits.maxOcrPages
      ? `the case's OCR limit (${pages(this.limits.maxOcrPages)}) is spent`
      : `the case's time limit (${duration(this.limits.maxSeconds)}) ran out`;
  }

  /** Whether OCR of one more page may start (checked per page: a scanned exhibit can take longer than the limit). */
  ocrTimeLeft(): boolean {
    return this.now() < this.deadline;
  }
}
