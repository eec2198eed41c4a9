/**
 * JSON parser that remembers where every value sits in the raw text, so structured facts can
 * cite the exact characters of the file (quote === raw.slice(start, end)).
 */
export type JsonNode =
  | { t: 'object'; start: number; end: number; props: Map<string, JsonNode> }
  | { t: 'array'; start: number; end: number; items: JsonNode[] }
  | { t: 'string'; start: number; end: number; value: string }
  | { t: 'number'; start: number; end: number; value: number }
  | { t: 'literal'; start: number; end: number; value: boolean | null };

export class JsonSyntaxError extends Error {}

export function parseJsonSpans(text: string): JsonNode {
  let i = 0;
  const ws = () => { while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++; };
  const fail = (what: string): never => {
    const line = text.slice(0, i).split('\n').length;
    throw new JsonSyntaxError(`invalid JSON at line ${line}: ${what}`);
  };
  const str = (): { value: string; start: number; end: number } => {
    const start = i;
    i++;
    let s = '';
    // The next quote and backslash are found once and searched again only when passed: a string of n escapes
    // stays linear (searching afresh after each escape made it quadratic).
    let close = -1;
    let esc = -1;
    for (;;) {
      if (close < i) close = text.indexOf('"', i);
      if (esc < i && esc !== -2) { esc = text.indexOf('\\', i); if (esc < 0) esc = -2; }
      if (close < 0) fail('unterminated string');
      if (esc >= 0 && esc < close) {
        if (close === esc + 1) close = -1; // the quote was escaped: find the next one
        s += text.slice(i, esc);
        const e = text[esc + 1];
        if (e === 'u') { s += String.fromCharCode(parseInt(text.slice(esc + 2, esc + 6), 16)); i = esc + 6; }
        else { s += ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e; i = esc + 2; }
      } else {
        s += text.slice(i, close);
        i = close + 1;
        return { value: s, start, end: i };
      }
    }
  };
  const value = (depth: number): JsonNode => {
    if (depth > 200) fail('nesting too deep');
    ws();
    const start = i;
    const c = text[i];
    if (c === '{') {
      i++;
      const props = new Map<string, JsonNode>();
      ws();
      if (text[i] === '}') { i++; return { t: 'object', start, end: i, props }; }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a property name');
        const key = str().value;
        ws();
        if (text[i] !== ':') fail('expected ":"');
        i++;
        props.set(key, value(depth + 1));
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return { t: 'object', start, end: i, props }; }
        fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      i++;
      const items: JsonNode[] = [];
      ws();
      if (text[i] === ']') { i++; return { t: 'array', start, end: i, items }; }
      for (;;) {
        items.push(value(depth + 1));
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; return { t: 'array', start, end: i, items }; }
        fail('expected "," or "]"');
      }
    }
    if (c === '"') { const s = str(); return { t: 'string', ...s }; }
    const m = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 40));
    if (m) { i += m[0].length; return { t: 'number', start, end: i, value: Number(m[0]) }; }
    for (const [lit, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(lit, i)) { i += lit.length; return { t: 'literal', start, end: i, value: v }; }
    }
    return fail(`unexpected ${c === undefined ? 'end of file' : JSON.stringify(c)}`);
  };
  const root = value(0);
  ws();
  if (i < text.length) fail('trailing characters after the JSON value');
  return root;
}

/** Child by property name or index; undefined when absent or of another shape. */
export function at(node: JsonNode | undefined, ...keys: (string | number)[]): JsonNode | undefined {
  let n = node;
  for (const k of keys) {
    if (!n) return undefined;
    if (typeof k === 'number') n = n.t === 'array' ? n.items[k] : undefined;
    else n = n.t === 'object' ? n.props.get(k) : undefined;
  }
  return n;
}

export function str(node: JsonNode | undefined): string | undefined {
  return node?.t === 'string' ? node.value : undefined;
}
export function num(node: JsonNode | undefined): number | undefined {
  return node?.t === 'number' ? node.value : undefined;
}
export function items(node: JsonNode | undefined): JsonNode[] {
  return node?.t === 'array' ? node.items : [];
}
