// The tile map's layout table (data/tile-map.json): one tile per provincial-level unit, its code, names, row and column.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const Tile = z.object({
  code: z.string().regex(/^\d{2}0000$/),
  zh: z.string().min(1),
  en: z.string().min(1),
  row: z.number().int().nonnegative(),
  column: z.number().int().nonnegative(),
});
const TileLayoutFile = z.object({ tiles: z.array(Tile).min(1) });
export type Tile = z.infer<typeof Tile>;

/** Loads the layout table, naming the file and the tile in any error (two units on one tile, a bad code). */
export function loadTileLayout(path: string): Tile[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot load ${path}: ${(error as Error).message}`);
  }
  const parsed = TileLayoutFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`);
  }
  const taken = new Map<string, string>();
  for (const tile of parsed.data.tiles) {
    const at = `${tile.row},${tile.column}`;
    if (taken.has(at)) throw new Error(`${path}: ${tile.zh} and ${taken.get(at)} are both on row ${tile.row}, column ${tile.column}`);
    taken.set(at, tile.zh);
  }
  return parsed.data.tiles;
}
