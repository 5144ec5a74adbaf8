// Decoding article files: UTF-8 (with or without BOM), UTF-16 with BOM, and GB18030/GBK from Windows crawlers.

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

export class UndecodableTextError extends Error {
  constructor(
    message: string,
    readonly byteOffset: number,
  ) {
    super(message);
    this.name = 'UndecodableTextError';
  }
}

function strictDecode(encoding: TextEncodingName, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The first byte offset where `bytes` stop being valid UTF-8, for the error message. */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    // A prefix can end inside a sequence; `stream: true` tolerates only that.
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      high = mid;
    }
  }
  return low;
}

/**
 * Decodes a whole file. A BOM decides; otherwise strict UTF-8, then strict GB18030 (which covers GBK).
 * Bytes valid in neither throw UndecodableTextError: the file is rejected, never silently repaired.
 */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = strictDecode('utf-8', bytes);
    if (text !== undefined) return { text, encoding: 'utf-8' };
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = strictDecode('utf-16le', bytes);
    if (text !== undefined) return { text, encoding: 'utf-16le' };
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = strictDecode('utf-16be', bytes);
    if (text !== undefined) return { text, encoding: 'utf-16be' };
  } else {
    const utf8 = strictDecode('utf-8', bytes);
    if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
    const gb = strictDecode('gb18030', bytes);
    if (gb !== undefined && !gb.includes('\uFFFD')) return { text: gb, encoding: 'gb18030' };
  }
  const offset = firstInvalidUtf8Offset(bytes);
  throw new UndecodableTextError(`bytes at offset ${offset} are neither UTF-8, UTF-16 with BOM nor GB18030`, offset);
}
