// The duplicate filter: the first copy of an article (by URL, else by text) is kept, later copies are rejects naming
// it, and ids that clash are numbered. A rerun replays a cached file's decisions through it instead of reading the file.
import { hash } from 'node:crypto';
import type { Article } from '@roundup/model';

/**
 * A 53-bit hash of a string (or of lines, as joined by `\n`), as a number: a compact key for the filter's maps. The
 * first 53 bits of the text's SHA-1, hashed in one call: a hash object per key, updated line by line, cost four times
 * as much (150 ms of a corpus run).
 */
export function hash53(text: string | readonly string[]): number {
  const digest = hash('sha1', typeof text === 'string' ? text : text.join('\n'), 'buffer');
  return digest.readUIntBE(0, 6) * 32 + (digest[6]! >> 3);
}

/** What the filter compares of an article: its URL (when it has one) and its text. */
export interface ArticleKeys {
  urlKey: number | null;
  textKey: number;
}

export function keysOf(article: Article): ArticleKeys {
  return { urlKey: article.url ? hash53(article.url) : null, textKey: hash53(article.paragraphs) };
}

/**
 * What a record of an input file became, as the cache keeps it: enough to replay the filter without reading the
 * file. A reject was never an article; an article was kept under `id`, or was a duplicate of `duplicateOf`.
 */
export type KeyRecord =
  | { kind: 'reject' }
  | (ArticleKeys & {
      kind: 'article';
      /** The id the article's own fields give it, before a clash with an earlier article renames it. */
      rawId: string;
      source: string;
      /** Characters of its text, for the run's tally. */
      characters: number;
      /** The id its rows were written with; null when it was rejected as a duplicate. */
      id: string | null;
      duplicateOf: string | null;
    });

/** The filter's decision on one article: kept under `id`, or a duplicate of the article labelled `duplicateOf`. */
export interface FilterDecision {
  id: string;
  duplicateOf?: string;
}

/**
 * Keeps the first copy of an article; a later copy (same URL or same text) is rejected naming the first.
 * It remembers hashes and one label per kept article, not the articles: about 100 bytes an article.
 * A trial filter layered on it checks a cached file's records without changing it until committed.
 */
export class DuplicateFilter {
  private readonly byUrl = new Map<number, string>();
  private readonly byText = new Map<number, string>();
  private readonly ids = new Map<number, number>();

  constructor(private readonly parent?: DuplicateFilter) {}

  private firstByUrl(key: number): string | undefined {
    return this.byUrl.get(key) ?? this.parent?.firstByUrl(key);
  }

  private firstByText(key: number): string | undefined {
    return this.byText.get(key) ?? this.parent?.firstByText(key);
  }

  private idsSeen(key: number): number {
    return this.ids.get(key) ?? this.parent?.idsSeen(key) ?? 0;
  }

  check(keys: ArticleKeys, articleId: string, source: string): FilterDecision {
    const first = (keys.urlKey !== null ? this.firstByUrl(keys.urlKey) : undefined) ?? this.firstByText(keys.textKey);
    if (first !== undefined) return { duplicateOf: first, id: articleId };
    const idKey = hash53(articleId);
    const seen = this.idsSeen(idKey);
    this.ids.set(idKey, seen + 1);
    const id = seen === 0 ? articleId : `${articleId}-${seen + 1}`;
    const label = `${id} (${source})`;
    if (keys.urlKey !== null) this.byUrl.set(keys.urlKey, label);
    this.byText.set(keys.textKey, label);
    return { id };
  }

  /** The record the cache keeps of an article's decision. */
  static keyRecord(keys: ArticleKeys, article: Article, rawId: string, decision: FilterDecision): KeyRecord {
    const characters = article.paragraphs.reduce((sum, paragraph) => sum + paragraph.length, 0);
    return {
      kind: 'article',
      ...keys,
      rawId,
      source: article.source,
      characters,
      id: decision.duplicateOf ? null : decision.id,
      duplicateOf: decision.duplicateOf ?? null,
    };
  }

  /**
   * Replays a cached file's decisions on a trial layer: when every article comes out as it did, they become part of
   * this filter and the characters of its articles are returned; otherwise nothing changes and the result is undefined.
   */
  async replay(batches: AsyncIterable<readonly KeyRecord[]>): Promise<number | undefined> {
    const trial = new DuplicateFilter(this);
    let characters = 0;
    for await (const batch of batches) {
      for (const record of batch) {
        if (record.kind !== 'article') continue;
        const decision = trial.check(record, record.rawId, record.source);
        if ((decision.duplicateOf ?? null) !== record.duplicateOf || (decision.duplicateOf ? null : decision.id) !== record.id) return undefined;
        characters += record.characters;
      }
    }
    trial.commitTo(this);
    return characters;
  }

  private commitTo(parent: DuplicateFilter): void {
    for (const [key, label] of this.byUrl) parent.byUrl.set(key, label);
    for (const [key, label] of this.byText) parent.byText.set(key, label);
    for (const [key, count] of this.ids) parent.ids.set(key, count);
  }
}
