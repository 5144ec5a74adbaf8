// Policy domains of a measure, from the editable taxonomy in data/taxonomy.json.
import { z } from 'zod';
import { dataPath, loadDataFile } from './data-files.js';
import { NameTrie } from './name-trie.js';

const DomainSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be a lowercase identifier (it names a CSV column)'),
  zh: z.string(),
  en: z.string(),
  keywords: z.array(z.string().min(1)).min(1),
});
export const Taxonomy = z.object({ domains: z.array(DomainSchema).min(1) });
export type Taxonomy = z.infer<typeof Taxonomy>;
export type Domain = z.infer<typeof DomainSchema>;

export function loadTaxonomy(file = dataPath('taxonomy.json')): Taxonomy {
  const taxonomy = loadDataFile(file, Taxonomy);
  const ids = new Set<string>();
  for (const domain of taxonomy.domains) {
    if (ids.has(domain.id)) throw new Error(`${file}: domain id ${domain.id} appears twice`);
    ids.add(domain.id);
  }
  return taxonomy;
}

/** Each taxonomy's keywords in one trie, built on first use: a sentence is scanned once, not once per keyword. */
const keywordTries = new WeakMap<Taxonomy, NameTrie<number>>();

/** Ids of every domain with a keyword in the text, in taxonomy order. */
export function classifyDomains(text: string, taxonomy: Taxonomy): string[] {
  let trie = keywordTries.get(taxonomy);
  if (!trie) {
    trie = NameTrie.build(taxonomy.domains.flatMap((domain, index) => domain.keywords.map((keyword) => [keyword, index] as const)));
    keywordTries.set(taxonomy, trie);
  }
  // A keyword is in the text exactly when it starts at some position, so every possible start is tried (overlaps count).
  const found = new Set<number>();
  for (const start of trie.possibleStarts(text)) {
    const names = trie.namesAt(text, start);
    for (let index = 0; index < names.length; index++) for (const domain of names[index]![1]) found.add(domain);
  }
  return taxonomy.domains.filter((_, index) => found.has(index)).map((domain) => domain.id);
}
