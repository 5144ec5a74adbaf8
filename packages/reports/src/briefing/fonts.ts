// The briefing's fonts: Noto Sans SC read once per process, for pdfkit to embed and for line breaking to measure.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { TextMeasure } from './line-breaking.js';

const require = createRequire(import.meta.url);

/** The font family name the document's styles use. */
export const FONT = 'NotoSansSC';

/** Font files of Noto Sans SC (OFL), from the npm package; pdfmake embeds only the glyphs used. */
export function briefingFonts(): { normal: string; bold: string } {
  const directory = require.resolve('@expo-google-fonts/noto-sans-sc/package.json').replace(/package\.json$/, '');
  return { normal: `${directory}400Regular/NotoSansSC_400Regular.ttf`, bold: `${directory}700Bold/NotoSansSC_700Bold.ttf` };
}

/** The two font files' bytes, 10.5 MB each. */
export interface FontBytes {
  normal: Buffer;
  bold: Buffer;
}

let fontBytes: FontBytes | undefined;
/** The fonts read once per process: line breaking measures with them and pdfkit embeds them, in every briefing of a run. */
export function briefingFontBytes(): FontBytes {
  if (!fontBytes) {
    const files = briefingFonts();
    fontBytes = { normal: readFileSync(files.normal), bold: readFileSync(files.bold) };
  }
  return fontBytes;
}

let measure: TextMeasure | undefined;
/** The briefing's fonts measured once per process: lines are broken before pdfmake lays them out (see line-breaking.ts). */
export function textMeasure(): TextMeasure {
  return (measure ??= new TextMeasure(briefingFontBytes()));
}
