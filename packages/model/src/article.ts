// The input record as users' crawlers write it, and the article roundup works on after reading it.
import { z } from 'zod';

/** A date written as YYYY-MM-DD (optionally with a time after it) or YYYYMMDD that names a real calendar day. */
export const ArticleDate = z
  .string()
  .trim()
  .regex(/^\d{4}-?\d{2}-?\d{2}(?:[ T].*)?$/, 'is not a date like 2019-12-18')
  .transform((value) => {
    const digits = value.replace(/[ T].*$/, '').replaceAll('-', '');
    return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  })
  .refine((iso) => {
    const parsed = new Date(`${iso}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(iso);
  }, 'is not a real calendar date');

/** One article object as in the user's sample (`url, title, text, date, EmotionalWords, comments`). */
export const ArticleInput = z.object({
  url: z.string().default(''),
  title: z.string().default(''),
  text: z.string().refine((text) => text.trim().length > 0, 'is empty'),
  date: ArticleDate,
  // Not read by roundup: whatever they hold (a string instead of an array, say) must never cost an article.
  EmotionalWords: z.unknown().optional(),
  comments: z.unknown().optional(),
});
export type ArticleInput = z.infer<typeof ArticleInput>;

/** An article after reading: cleaned paragraphs, numbered from 0 over the body's non-empty lines. */
export const Article = z.object({
  articleId: z.string().min(1),
  date: z.string(),
  title: z.string(),
  url: z.string(),
  /** Where it was read: the file, and the line for JSON lines. */
  source: z.string(),
  paragraphs: z.array(z.string()),
});
export type Article = z.infer<typeof Article>;
