/**
 * Checkbox forms read the way a person reads them: an option is stated only when it is marked
 * ("[X] Modified duty"), an unmarked option states nothing ("[ ] Off work"), and a question stem takes the
 * polarity of its marked answer ("MMI reached?  [ ] Yes  [X] No" is a no; with no box marked it is no
 * statement at all). Offsets are absolute into the document text.
 */
export interface FormQuestion { start: number; end: number; answer?: 'yes' | 'no' }
export interface FormMarks {
  /** Labels of options left unmarked. */
  unchecked: { start: number; end: number }[];
  /** Question stems bound to their yes/no answer. */
  questions: FormQuestion[];
}

/** A box: "[X]", "[x]", "[✓]", "[ ]", "[  ]"; the label runs to the next box or the end of the line. */
const OPTION = /\[\s*([Xx✓✔√■*])?\s*\]\s*([^[\n]*)/g;
/** A box labelled Yes or No, not an option that starts with the word ("[X] No work (temporary)", "[ ] No restrictions") nor "N/A". */
/** ("MMI status: [ ] Reached  [X] Not reached", "MMI: [ ] Has been reached  [X] Has not been reached": the status's own words answer it.) */
const YES = /^(?:(?:[Yy][Ee][Ss]|[Yy])\b(?![ \t]+[a-z])|(?:(?:[Hh]as|HAS|[Hh]ave|HAVE)[ \t]+(?:(?:been|BEEN)[ \t]+)?)?(?:[Rr]eached|REACHED|[Aa]ttained)\b)/;
const NO = /^(?:(?:[Nn][Oo]|[Nn])\b(?![ \t]+[a-z]|\/)|(?:(?:[Hh]as|HAS|[Hh]ave|HAVE)[ \t]+)?(?:[Nn]ot|NOT)[ \t]+(?:yet[ \t]+|YET[ \t]+)?(?:(?:been|BEEN)[ \t]+)?(?:reached|REACHED|attained)\b)/;

export function readFormMarks(text: string): FormMarks {
  const marks: FormMarks = { unchecked: [], questions: [] };
  if (!text.includes('[')) return marks;
  for (const line of text.matchAll(/[^\n]+/g)) {
    const options = [...line[0].matchAll(OPTION)];
    if (!options.length) continue;
    const at = line.index;
    const yesNo = options.filter((o) => YES.test(o[2].trim()) || NO.test(o[2].trim()));
    for (const o of options) {
      if (o[1]) continue;
      const labelStart = at + o.index + o[0].length - o[2].length;
      // (An unmarked "No" before a question is the word only: the question written after the boxes is not the option's.)
      const answerWord = /\?\s*$/.test(o[2]) ? (YES.exec(o[2]) ?? NO.exec(o[2]))?.[0] : undefined;
      marks.unchecked.push({ start: labelStart, end: labelStart + (answerWord ?? o[2].trimEnd()).length });
    }
    // "Maximum Medical Improvement: [ ] Patient has reached MMI   Anticipated MMI date: …": a field's label before its
    // options, none of them marked, is a field left unanswered; its label states nothing either.
    const stem = line[0].slice(0, options[0].index);
    if (!yesNo.length && !options.some((o) => o[1]) && /^[^.;]{2,60}:\s*$/.test(stem)) {
      const from = stem.search(/\S/);
      marks.unchecked.push({ start: at + from, end: at + stem.trimEnd().length });
    }
    if (yesNo.length) {
      // The stem: from the line's start (or the previous sentence end) to the first yes/no box.
      const first = yesNo[0].index;
      const before = line[0].slice(0, first);
      const cut = Math.max(before.lastIndexOf('. ') + 1, before.lastIndexOf(']') + 1, 0);
      const checked = yesNo.find((o) => o[1]);
      const answer = checked ? (YES.test(checked[2].trim()) ? 'yes' : 'no') : undefined;
      // "[X] Yes  [ ] No   Has the employee reached MMI?": the boxes lead the line and the question follows them.
      const last = yesNo.at(-1)!;
      const trailing = !before.trim() && /\?\s*$/.test(last[2]) ? { start: at + last.index + last[0].length - last[2].length, end: at + last.index + last[0].length } : undefined;
      marks.questions.push(trailing ? { ...trailing, answer } : { start: at + cut, end: at + first, answer });
    }
  }
  return marks;
}

/** The form reading of a span: inside an unmarked option, inside a question stem (with its answer), or neither. */
export function formReading(marks: FormMarks, start: number, end: number): { kind: 'unchecked' } | { kind: 'question'; answer?: 'yes' | 'no' } | undefined {
  if (marks.unchecked.some((u) => start >= u.start && end <= u.end + 1)) return { kind: 'unchecked' };
  const q = marks.questions.find((x) => start >= x.start && start < x.end);
  return q ? { kind: 'question', answer: q.answer } : undefined;
}
