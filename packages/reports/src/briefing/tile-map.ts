// China at a glance: the 34 provincial-level units as equal tiles placed roughly where they lie (data/tile-map.json),
// each shaded by a count and labelled with its short name and the number. Drawn as table cells: vector, no map data.
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { CHAPTER_LABELS } from './chapter-labels.js';
import type { Tile } from './tile-layout.js';
import type { RegionalContext } from './input.js';
import { CONTENT_WIDTH } from './page.js';

/** Light to dark: none, then four steps of the count. */
const SHADES = ['#eeeeee', '#d6e6f4', '#9ecae1', '#4a98c9', '#1f4e79'];
const TILE_HEIGHT = 24;

/** Which of the four steps a count falls in, the steps splitting 1…max evenly. */
function step(count: number, max: number): number {
  return count === 0 ? 0 : Math.min(4, Math.ceil((count / max) * 4));
}

/** The map and its legend; undefined without a layout or a count. */
export function tileMap(context: RegionalContext, tiles: readonly Tile[]): Content | undefined {
  const { input, rows } = context;
  const words = CHAPTER_LABELS[input.language];
  const corpus = input.collector.articleCount > 1;
  const counts = new Map(rows.map((row) => [row.region, corpus ? Number(row.articles) : input.comparison.measuresOf(row.region)]));
  const max = Math.max(0, ...counts.values());
  if (tiles.length === 0 || max === 0) return undefined;
  const rowCount = Math.max(...tiles.map((tile) => tile.row)) + 1;
  const columnCount = Math.max(...tiles.map((tile) => tile.column)) + 1;
  const width = Math.min(58, (CONTENT_WIDTH - 2 * columnCount) / columnCount);
  const body: TableCell[][] = Array.from({ length: rowCount }, () => Array.from({ length: columnCount }, () => ({ text: '' })));
  for (const tile of tiles) {
    const count = counts.get(tile.zh) ?? 0;
    const shade = step(count, max);
    const name = input.language === 'zh' ? tile.zh : tile.en;
    body[tile.row]![tile.column] = {
      stack: [
        { text: name, fontSize: input.language === 'zh' ? 7 : name.length > 9 ? 5 : 6 },
        { text: String(count), bold: true, fontSize: 8 },
      ],
      fillColor: SHADES[shade],
      color: shade >= 3 ? '#ffffff' : '#222222',
      alignment: 'center',
      lineHeight: 1,
    } as TableCell;
  }
  return {
    stack: [
      { text: words.tileMap, style: 'h3' },
      {
        table: { widths: Array.from({ length: columnCount }, () => width), heights: TILE_HEIGHT, body },
        layout: {
          hLineWidth: () => 2,
          vLineWidth: () => 2,
          hLineColor: () => '#ffffff',
          vLineColor: () => '#ffffff',
          paddingTop: () => 3,
          paddingBottom: () => 1,
          paddingLeft: () => 1,
          paddingRight: () => 1,
        },
      },
      legend(max, corpus ? words.tileCaptionCorpus : words.tileCaptionSingle),
    ],
    unbreakable: true,
    margin: [0, 4, 0, 8],
  } as Content;
}

/** Swatches with the range of counts each stands for, then what is counted. */
function legend(max: number, caption: string): Content {
  const ranges: string[] = ['0'];
  for (let shade = 1; shade <= 4; shade++) {
    const low = Math.floor(((shade - 1) * max) / 4) + 1;
    const high = Math.floor((shade * max) / 4);
    if (high >= low) ranges.push(low === high ? String(low) : `${low}–${high}`);
    else ranges.push('');
  }
  const swatches = ranges.flatMap((range, shade) =>
    range === ''
      ? []
      : [
          { canvas: [{ type: 'rect', x: 0, y: 1, w: 10, h: 8, color: SHADES[shade] }], width: 12 },
          { text: range, fontSize: 7, width: 'auto', noWrap: true, margin: [0, 0, 8, 0] },
        ],
  );
  return {
    stack: [
      { columns: swatches, columnGap: 2, margin: [0, 4, 0, 0] },
      { text: caption, style: 'small' },
    ],
  } as Content;
}
