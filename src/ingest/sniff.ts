/** What a file's bytes say it is, whatever its name says. */
export type Sniffed =
  | 'pdf' | 'docx' | 'xlsx' | 'zip' | 'rtf' | 'json' | 'csv' | 'text'
  | 'jpeg' | 'png' | 'gif' | 'tiff' | 'ole' | 'binary' | 'empty';

const NAMES: Record<Sniffed, string> = {
  pdf: 'a PDF', docx: 'a Word (DOCX) document', xlsx: 'an Excel (XLSX) workbook', zip: 'a ZIP archive',
  rtf: 'an RTF document', json: 'JSON', csv: 'CSV text', text: 'plain text', jpeg: 'a JPEG image',
  png: 'a PNG image', gif: 'a GIF image', tiff: 'a TIFF image', ole: 'a legacy Office (.doc/.xls) file',
  binary: 'binary data', empty: 'an empty file',
};
export function describe(s: Sniffed): string { return NAMES[s]; }

function startsWith(b: Buffer, sig: number[]): boolean {
  return sig.every((v, i) => b[i] === v);
}

/** Format from magic bytes first; the extension only separates CSV from other text. */
export function sniff(bytes: Buffer, ext: string): Sniffed {
  if (bytes.length === 0) return 'empty';
  // Some producers put junk before the header; readers accept %PDF within the first KB.
  if (bytes.subarray(0, 1024).includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // OOXML part names are stored uncompressed in the local and central headers.
    if (bytes.includes('word/document.xml')) return 'docx';
    if (bytes.includes('xl/workbook.xml')) return 'xlsx';
    return 'zip';
  }
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'png';
  if (bytes.subarray(0, 4).toString('latin1') === 'GIF8') return 'gif';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return 'ole';
  // UTF-16 text (Windows "Unicode" exports) is full of NUL bytes but is text when it starts with a BOM.
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return ext === '.csv' || ext === '.tsv' ? 'csv' : 'text';
  const head = bytes.subarray(0, 4096);
  const lead = head.toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart();
  if (lead.startsWith('{\\rtf')) return 'rtf';
  if (head.includes(0)) return 'binary';
  if ((lead.startsWith('{') || lead.startsWith('[')) && (ext === '.json' || ext === '.fhir' || /^\{\s*"/.test(lead))) return 'json';
  if (ext === '.csv' || ext === '.tsv') return 'csv';
  return 'text';
}

/** Which sniffed formats each extension may legitimately hold. */
const EXPECTED: Record<string, Sniffed[]> = {
  '.pdf': ['pdf'], '.docx': ['docx'], '.xlsx': ['xlsx'], '.rtf': ['rtf'], '.json': ['json'],
  '.csv': ['csv'], '.tsv': ['csv'], '.txt': ['text', 'json', 'csv'], '.doc': ['ole', 'rtf'], '.xls': ['ole'],
};

/** "not a PDF: looks like a JPEG image" when the name promises one format and the bytes hold another. */
export function mislabel(ext: string, got: Sniffed): string | undefined {
  const want = EXPECTED[ext];
  if (!want || want.includes(got)) return undefined;
  return `not ${describe(want[0])}: looks like ${describe(got)}`;
}
