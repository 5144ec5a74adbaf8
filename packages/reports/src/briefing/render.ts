// Laying a document out with the briefing's fonts, and the plain-text baseline its layout cost is measured against.
import { createRequire } from 'node:module';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { briefingFontBytes, FONT, textMeasure } from './fonts.js';
import { loadWordSegmenter } from './word-boundaries.js';

const require = createRequire(import.meta.url);

/** Names of the fonts in pdfmake's virtual file system, where they are given as bytes already read. */
export const VIRTUAL_FONT_FILES = { normal: 'roundup/NotoSansSC-Regular.ttf', bold: 'roundup/NotoSansSC-Bold.ttf' };

type Pdfmake = typeof import('pdfmake') & { virtualfs: { writeFileSync(name: string, content: Buffer): void } };
let pdfmake: Pdfmake | undefined;

/** pdfmake, loaded on first use with the briefing's fonts registered, once per process (or thread). */
function briefingPdfmake(): Pdfmake {
  if (pdfmake) return pdfmake;
  const loaded = require('pdfmake') as Pdfmake;
  const bytes = briefingFontBytes();
  // pdfmake's types leave out its server-side virtual file system, which pdfkit's font loading reads first.
  loaded.virtualfs.writeFileSync(VIRTUAL_FONT_FILES.normal, bytes.normal);
  loaded.virtualfs.writeFileSync(VIRTUAL_FONT_FILES.bold, bytes.bold);
  const { normal, bold } = VIRTUAL_FONT_FILES;
  loaded.setFonts({ [FONT]: { normal, bold, italics: normal, bolditalics: bold } });
  // The briefing loads nothing from the network or the disk: its fonts are already in memory.
  loaded.setUrlAccessPolicy(() => false);
  loaded.setLocalAccessPolicy(() => false);
  pdfmake = loaded;
  return pdfmake;
}

/** Lays out any pdfmake document with the briefing's fonts and writes it to `file`. */
export async function renderDocument(definition: TDocumentDefinitions, file: string): Promise<void> {
  await briefingPdfmake().createPdf(definition).write(file);
}

/** Lays out any pdfmake document with the briefing's fonts; returns the PDF's bytes (the same as `renderDocument` writes). */
export async function renderDocumentBytes(definition: TDocumentDefinitions): Promise<Buffer> {
  return briefingPdfmake().createPdf(definition).getBuffer();
}

/**
 * Loads what laying out a briefing needs before the first one is asked for: pdfmake with the fonts, the fonts' metrics
 * for line breaking and the word segmenter's dictionary (0.3–0.4 CPU s), so that a thread of its own can do it early.
 */
export function preloadBriefing(): void {
  briefingPdfmake();
  textMeasure();
  loadWordSegmenter();
}

/**
 * Every paragraph a document definition prints, in order: a text of several runs (pieces of a sentence, or lines
 * broken in advance) is one paragraph.
 */
export function printedStrings(node: unknown, into: string[] = []): string[] {
  if (typeof node === 'string') into.push(node);
  else if (Array.isArray(node)) for (const item of node) printedStrings(item, into);
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (Array.isArray(record.text))
      into.push(
        printedStrings(record.text)
          .filter((piece) => piece !== '\n')
          .join(''),
      );
    else printedStrings(record.text, into);
    for (const key of ['stack', 'ul', 'columns', 'table', 'body']) printedStrings(record[key], into);
  }
  return into;
}

/**
 * The same text as plain paragraphs in the same font: the baseline the briefing's layout cost is measured against
 * (tables, charts and styles are what the briefing adds).
 */
export function plainParagraphsDocument(definition: TDocumentDefinitions): TDocumentDefinitions {
  const paragraphs = printedStrings(definition.content).filter((text) => text.trim() !== '');
  return {
    pageSize: 'A4',
    pageMargins: [48, 56, 48, 52],
    defaultStyle: { font: FONT, fontSize: 9, lineHeight: 1.3 },
    content: paragraphs.map((text) => ({ text })),
  };
}
