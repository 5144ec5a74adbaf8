// One record of the inputs: an article read and validated, or a reject with its reason; the limits a record must keep.
import { basename } from 'node:path';
import { ArticleInput, type Article, type RejectRow } from '@roundup/model';
import type { ZodError } from 'zod';
import { excerptOf, splitParagraphs, trimLine } from './text.js';

export type InputRecord = { kind: 'article'; article: Article } | { kind: 'reject'; reject: RejectRow };

/** A usage problem with the inputs themselves (missing path, unreadable file): the run cannot start. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** People's Daily page URLs: `nw.D110000renmrb_20191218_2-06.htm` is article 2 on page 06 of 2019-12-18. */
const PAPER_URL = /_(\d{8})_(\d{1,3})-(\d{1,3})\.html?$/;

/** The article id: `YYYYMMDD-PP-AA` (page, then article), from the URL where it has one. */
export function articleIdFromUrl(url: string): string | undefined {
  const match = PAPER_URL.exec(url.trim());
  if (!match) return undefined;
  const [, date, article, page] = match as unknown as [string, string, string, string];
  return `${date}-${page.padStart(2, '0')}-${article.padStart(2, '0')}`;
}

export function describeZodError(error: ZodError, record: unknown): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.join('.') || 'record';
      const value =
        issue.path.length > 0 && typeof record === 'object' && record !== null ? (record as Record<string, unknown>)[String(issue.path[0])] : record;
      const shown = value === undefined ? 'missing' : `got ${excerptOf(JSON.stringify(value) ?? String(value), 30)}`;
      const message = issue.code === 'invalid_type' ? `expected ${issue.expected}` : issue.message;
      return `field \`${field}\` ${message} (${shown})`;
    })
    .join('; ');
}

export function rejectOf(source: string, line: number | null, reason: string, excerpt: string): InputRecord {
  return { kind: 'reject', reject: { source, line, reason, excerpt: excerptOf(excerpt.slice(0, 1000)) } };
}

/**
 * The most characters one article's text may have. The longest article of the shared corpus has 27,639;
 * a record past this limit is not a news article, and extracting it would take memory out of all proportion
 * (a 14 MB text took 850 MB), so it is rejected with its reason and memory stays bounded whatever the input.
 */
export const MAX_ARTICLE_CHARACTERS = 1_000_000;
/** The longest JSON line read: room for an article at the limit even with every character escaped (`\\uXXXX`). */
export const MAX_LINE_BYTES = 8 * MAX_ARTICLE_CHARACTERS;

export function tooLong(source: string, line: number | null, text: string): InputRecord {
  return rejectOf(
    source,
    line,
    `article text is longer than the limit of ${MAX_ARTICLE_CHARACTERS.toLocaleString('en')} characters (${text.length.toLocaleString('en')})`,
    text,
  );
}

/** A record that could not be read for a reason nobody foresaw (a JSON value nested too deep, say) is a reject, never the end of the run. */
export function unreadable(source: string, line: number | null, error: unknown, excerpt = ''): InputRecord {
  const message =
    error instanceof RangeError && /call stack/i.test(error.message)
      ? 'nested too deeply to read (Maximum call stack size exceeded)'
      : error instanceof Error
        ? error.message
        : String(error);
  return rejectOf(source, line, `could not read this record: ${message}`, excerpt);
}

/** Validates one parsed JSON value as an article in the sample's schema. */
export function articleFromJson(record: unknown, source: string, line: number | null): InputRecord {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    const kind = Array.isArray(record) ? 'an array' : record === null ? 'null' : `a ${typeof record}`;
    return rejectOf(source, line, `not an article object (found ${kind})`, JSON.stringify(record) ?? '');
  }
  const parsed = ArticleInput.safeParse(record);
  if (!parsed.success) {
    const text = (record as { text?: unknown }).text;
    return rejectOf(source, line, describeZodError(parsed.error, record), typeof text === 'string' ? text : JSON.stringify(record));
  }
  const input = parsed.data;
  if (input.text.length > MAX_ARTICLE_CHARACTERS) return tooLong(source, line, input.text);
  const paragraphs = splitParagraphs(input.text);
  if (paragraphs.length === 0) {
    return rejectOf(source, line, 'article has no paragraphs (text is only markup or spaces)', input.text);
  }
  const where = line === null ? source : `${source}:${line}`;
  return {
    kind: 'article',
    article: {
      articleId:
        articleIdFromUrl(input.url) ?? `${input.date.replaceAll('-', '')}-${basename(source).replace(/\.[^.]+$/, '')}${line === null ? '' : `-L${line}`}`,
      date: input.date,
      title: trimLine(splitParagraphs(input.title).join(' ')),
      url: input.url.trim(),
      source: where,
      paragraphs,
    },
  };
}
