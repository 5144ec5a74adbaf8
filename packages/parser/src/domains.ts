// Policy domains of a measure, from the editable taxonomy in data/taxonomy.json.
import { z } from 'zod';
import { dataPath, loadDataFile } from './data-files.js';

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

/** Ids of every domain with a keyword in the text, in taxonomy order. */
export function classifyDomains(text: string, taxonomy: Taxonomy): string[] {
  return taxonomy.domains.filter((domain) => domain.keywords.some((keyword) => text.includes(keyword))).map((domain) => domain.id);
}
