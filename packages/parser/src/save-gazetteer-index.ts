// Build step (`pnpm build`): saves the gazetteer of the workspace's data/place-aliases.json beside the compiled code.
import { readFileSync } from 'node:fs';
import { dataPath, DEFAULT_DATA_DIR } from './data-files.js';
import { Gazetteer, loadPlaceAliases } from './gazetteer.js';
import { gazetteerIndexKey, GAZETTEER_INDEX_FILE, writeGazetteerIndex } from './gazetteer-index.js';

const aliasesFile = dataPath('place-aliases.json', DEFAULT_DATA_DIR);
writeGazetteerIndex(gazetteerIndexKey(readFileSync(aliasesFile)), Gazetteer.build(loadPlaceAliases(aliasesFile)).snapshot());
process.stdout.write(`saved the gazetteer index: ${GAZETTEER_INDEX_FILE}\n`);
