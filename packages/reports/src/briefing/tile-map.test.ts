import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TileLayoutFile } from './tile-layout.js';

const LAYOUT = fileURLToPath(new URL('../../../../data/tile-map.json', import.meta.url));

describe('the tile map layout', () => {
  it('places the 34 provincial-level units on tiles of their own', () => {
    const { tiles } = TileLayoutFile.parse(JSON.parse(readFileSync(LAYOUT, 'utf8')));
    expect(tiles).toHaveLength(34);
    expect(new Set(tiles.map((tile) => tile.code)).size).toBe(34);
    expect(tiles.find((tile) => tile.zh === '浙江')).toMatchObject({ code: '330000', en: 'Zhejiang' });
  });

  it('names both units that share a tile', () => {
    const layout = {
      tiles: [
        { code: '110000', zh: '北京', en: 'Beijing', row: 1, column: 5 },
        { code: '120000', zh: '天津', en: 'Tianjin', row: 1, column: 5 },
      ],
    };
    expect(() => TileLayoutFile.parse(layout)).toThrow(/天津 and 北京 are both on row 1, column 5/);
  });
});
