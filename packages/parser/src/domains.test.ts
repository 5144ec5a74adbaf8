import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataPath } from './data-files.js';
import { classifyDomains, loadTaxonomy } from './domains.js';

const taxonomy = loadTaxonomy();
/** The definition: a domain applies when any of its keywords occurs in the text. */
const byDefinition = (text: string) => taxonomy.domains.filter((domain) => domain.keywords.some((keyword) => text.includes(keyword))).map((domain) => domain.id);

describe('classifyDomains', () => {
  it('gives every domain with a keyword in the text, in taxonomy order, on every sentence of the sample', () => {
    const sample = JSON.parse(readFileSync(dataPath('sample/rmrb-20191218-2-06.json'), 'utf8')) as { text: string };
    const sentences = sample.text.split(/(?<=[。！？；])/).filter((sentence) => sentence.trim() !== '');
    expect(sentences.length).toBeGreaterThan(40);
    let classified = 0;
    for (const sentence of sentences) {
      const domains = classifyDomains(sentence, taxonomy);
      expect(domains).toEqual(byDefinition(sentence));
      if (domains.length > 0) classified += 1;
    }
    expect(classified).toBeGreaterThan(10);
  });

  it('counts keywords that overlap or sit inside one another', () => {
    const keywords = taxonomy.domains.flatMap((domain) => domain.keywords);
    let seed = 11;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    for (let round = 0; round < 300; round++) {
      // Keywords glued together, with their last and first characters shared now and then.
      let text = '';
      for (let word = 0; word < 4; word++) {
        const keyword = keywords[random(keywords.length)]!;
        text += random(3) === 0 && text.endsWith(keyword[0]!) ? keyword.slice(1) : keyword;
      }
      expect(classifyDomains(text, taxonomy)).toEqual(byDefinition(text));
    }
  });
});
