import { IngestError } from './IngestError';

/** Offset of the first byte that breaks UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += len;
  }
  return -1;
}

/** Decode a source file's bytes as UTF-8, refusing what is not: a UTF-16 text or a
 *  Latin-1 file read as UTF-8 would otherwise be parsed into garbage. */
export function decodeSource(bytes: Uint8Array, file: string): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new IngestError('unreadable encoding: the file is UTF-16; save it as UTF-8', file, 1);
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    let line = 1;
    for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) line++;
    throw new IngestError(`unreadable encoding: not valid UTF-8 (byte 0x${bytes[bad].toString(16)} at offset ${bad})`, file, line);
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  const nul = text.indexOf('\u0000');
  if (nul >= 0)
    throw new IngestError('unreadable encoding: the file contains NUL characters (binary or UTF-16 without BOM?)', file, text.slice(0, nul).split('\n').length);
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC');
}
