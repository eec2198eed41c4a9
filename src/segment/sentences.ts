// STUB — replaced by the sentence splitter (issue 3). Signature is the contract.
/** Split text[start, end) into sentence spans (absolute offsets, trimmed of surrounding whitespace). */
export function splitSentences(text: string, start = 0, end = text.length): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /[^\n.]+(?:\.|\n|$)/g;
  re.lastIndex = start;
  const slice = text.slice(0, end);
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice)) && m.index < end) {
    let s = m.index; let e = m.index + m[0].length;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}
