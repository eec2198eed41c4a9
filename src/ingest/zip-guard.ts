/**
 * Decompression bombs: a few kilobytes of DOCX or XLSX whose XML expands to gigabytes. The parsers' memory cap
 * covers only the JavaScript heap, not the buffers they inflate into, so the archive's own directory is checked
 * first: what every entry says it expands to, in total and against the file's size.
 */
import { open } from 'node:fs/promises';
import { ReadError } from './text.js';

/** Most that an office document may expand to, and the largest expansion ratio a real one shows (text XML ~10-30×). */
export const MAX_INFLATED_BYTES = 256 * 1024 * 1024;
export const MAX_RATIO = 200;

/** Sum of the uncompressed sizes the central directory declares; undefined if it cannot be read (Zip64, damage). */
export function declaredInflatedSize(zip: Buffer): number | undefined {
  // End of central directory: signature 0x06054b50 within the last 64 KB + 22 bytes.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) if (zip.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  if (eocd < 0) return undefined;
  const entries = zip.readUInt16LE(eocd + 10);
  const size = zip.readUInt32LE(eocd + 12);
  const offset = zip.readUInt32LE(eocd + 16);
  if (entries === 0xffff || offset === 0xffffffff || offset + size > zip.length) return undefined;
  let p = offset;
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== 0x02014b50) return undefined;
    const inflated = zip.readUInt32LE(p + 24);
    if (inflated === 0xffffffff) return undefined;
    total += inflated;
    p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return total;
}

/** Refuse an archive that would expand past the limits (or whose directory cannot be read). */
export async function assertSafeZip(file: string): Promise<void> {
  const fh = await open(file, 'r');
  let buf: Buffer;
  try {
    const { size } = await fh.stat();
    buf = Buffer.alloc(size);
    await fh.read(buf, 0, size, 0);
  } finally {
    await fh.close();
  }
  const inflated = declaredInflatedSize(buf);
  if (inflated === undefined) throw new ReadError('a compressed document whose directory cannot be read (damaged, or Zip64): refused');
  if (inflated > MAX_INFLATED_BYTES || inflated > Math.max(buf.length, 64 * 1024) * MAX_RATIO) {
    throw new ReadError(`a compressed document that would expand to ${Math.round(inflated / 1024 / 1024)} MB from ${Math.max(1, Math.round(buf.length / 1024))} KB: refused as a possible decompression bomb`);
  }
}
