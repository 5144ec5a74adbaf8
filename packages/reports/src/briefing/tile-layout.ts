// The tile map's layout table (data/tile-map.json): one tile per provincial-level unit, its code, names, row and column.
import { z } from 'zod';

const Tile = z.object({
  code: z.string().regex(/^\d{2}0000$/),
  zh: z.string().min(1),
  en: z.string().min(1),
  row: z.number().int().nonnegative(),
  column: z.number().int().nonnegative(),
});
export type Tile = z.infer<typeof Tile>;

/** The layout file's schema: read it with the parser's `loadDataFile`, which names the file in any error. */
export const TileLayoutFile = z.object({
  tiles: z
    .array(Tile)
    .min(1)
    .superRefine((tiles, context) => {
      // Two units on one tile would hide one of them: the message names both.
      const taken = new Map<string, string>();
      for (const tile of tiles) {
        const at = `${tile.row},${tile.column}`;
        const other = taken.get(at);
        if (other !== undefined) context.addIssue({ code: 'custom', message: `${tile.zh} and ${other} are both on row ${tile.row}, column ${tile.column}` });
        taken.set(at, tile.zh);
      }
    }),
});
