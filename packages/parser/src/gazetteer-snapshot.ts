// The gazetteer as plain data: the types both the gazetteer and its saved index use, so neither imports the other.
import type { Place, Region } from '@roundup/model';
import type { TrieSnapshot } from './name-trie.js';

/** A name as texts write it, and the entry it may stand for. `short` names are suffix-less forms (温州 for 温州市). */
export interface NameEntry {
  place: Place;
  short: boolean;
  /** Only recognised when the context already names its parent (everyday phrases such as 新城区). */
  needsContext: boolean;
}

/** Everything a gazetteer holds, as plain data: what `gazetteer-index.ts` saves at build time and loads in one read. */
export interface GazetteerSnapshot {
  regions: Region[];
  places: Array<[string, Place]>;
  names: TrieSnapshot<NameEntry>;
  pinyinOverrides: Record<string, string>;
  /** English names in use, by Chinese name, that `englishName` gives instead of pinyin. */
  englishNames: Record<string, string>;
  everydayWords: string[];
}
