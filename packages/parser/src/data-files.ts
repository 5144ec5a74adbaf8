// Where the editable knowledge tables live (data/ at the workspace root), and loading them through their schemas.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';

/** The workspace's data/ folder: the same from src/ and dist/, overridable for users with their own tables. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../../data/', import.meta.url));

/** A table of the data folder; one the folder lacks is the bundled one (a user's folder may hold only the tables they changed). */
export function dataPath(file: string, dataDir = process.env.ROUNDUP_DATA ?? DEFAULT_DATA_DIR): string {
  const own = `${dataDir.replace(/\/?$/, '/')}${file}`;
  return dataDir === DEFAULT_DATA_DIR || existsSync(own) ? own : `${DEFAULT_DATA_DIR}${file}`;
}

/** Reads a JSON data file and validates it, naming the file in any error. */
export function loadDataFile<T extends z.ZodType>(path: string, schema: T): z.infer<T> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot load ${path}: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
