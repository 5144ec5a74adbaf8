import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFromJson, articleTables, createExtractor, DEFAULT_DATA_DIR, extractArticle, loadTaxonomy } from '@roundup/parser';
import { briefingDocument, regionalDigest } from '@roundup/reports';
import { briefingTallies } from '../run/finish-run.js';
import { RunTally } from '../run/run-tally.js';
import { briefingInput, type BriefingKnowledge } from './briefing-input.js';
import { BriefingThread, briefingMaterial, restoredTallies } from './briefing-thread.js';

const SAMPLE = JSON.parse(readFileSync(join(DEFAULT_DATA_DIR, 'sample/rmrb-20191218-2-06.json'), 'utf8'));
const knowledge = (language: 'zh' | 'en' = 'zh', dataDir?: string): BriefingKnowledge => ({
  taxonomy: loadTaxonomy(join(DEFAULT_DATA_DIR, 'taxonomy.json')),
  dataDir,
  language,
  now: new Date('2020-06-01T08:00:00Z'),
});

/** A run's tallies over the sample article and two copies of it on later days: a corpus briefing of three roundups. */
function corpusTallies() {
  const extractor = createExtractor();
  const tally = new RunTally(extractor.taxonomy.domains, 'roundups');
  ['', '2019-12-19', '2019-12-20'].forEach((date, copy) => {
    const record = articleFromJson({ ...SAMPLE, url: `${SAMPLE.url}?copy=${copy}`, ...(date ? { date } : {}) }, 'sample.json', copy + 1);
    if (record.kind !== 'article') throw new Error(record.reject.reason);
    tally.recordRead(record.article.paragraphs.join('').length);
    tally.article(regionalDigest(articleTables(extractArticle(record.article, extractor), extractor.gazetteer)));
  });
  return briefingTallies(tally);
}

const isPdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 5)).toString() === '%PDF-' && Buffer.from(bytes.subarray(-6)).toString().includes('%%EOF');

describe('the briefing handed to its thread', () => {
  it.each(['zh', 'en'] as const)('is laid out from the same document as the tallies themselves give (%s)', (language) => {
    const tallies = corpusTallies();
    const moved = restoredTallies(structuredClone(briefingMaterial(tallies)));
    // As JSON: the definition's functions (running header, page breaks) are new closures every time.
    const here = JSON.stringify(briefingDocument(briefingInput(tallies, knowledge(language))));
    expect(tallies.collector.articleCount).toBe(3);
    expect(here.length).toBeGreaterThan(50_000);
    expect(JSON.stringify(briefingDocument(briefingInput(moved, knowledge(language))))).toBe(here);
  });
});

describe('BriefingThread', () => {
  it('hands back the briefing as a PDF, run after run', async () => {
    for (const language of ['zh', 'en'] as const) {
      const thread = BriefingThread.start(knowledge(language));
      thread.handOver(knowledge(language), corpusTallies());
      expect(isPdf(await thread.bytes())).toBe(true);
    }
  });

  it('gives two runs side by side a briefing each', async () => {
    const threads = [BriefingThread.start(knowledge()), BriefingThread.start(knowledge('en'))];
    threads[0]!.handOver(knowledge(), corpusTallies());
    threads[1]!.handOver(knowledge('en'), corpusTallies());
    const [zh, en] = await Promise.all(threads.map((thread) => thread.bytes()));
    expect(isPdf(zh!) && isPdf(en!)).toBe(true);
    expect(Buffer.from(zh!).equals(Buffer.from(en!))).toBe(false);
  });

  it('leaves the thread alone once a run has its briefing: a later failure of that run does not end it for the next run', async () => {
    const first = BriefingThread.start(knowledge());
    first.handOver(knowledge(), corpusTallies());
    expect(isPdf(await first.bytes())).toBe(true);
    const next = BriefingThread.start(knowledge());
    await first.stop();
    next.handOver(knowledge(), corpusTallies());
    expect(isPdf(await next.bytes())).toBe(true);
  });

  it('fails with the reason when a table the briefing reads does not load, and a later run starts afresh', async () => {
    const data = mkdtempSync(join(tmpdir(), 'roundup-briefing-data-'));
    copyFileSync(join(DEFAULT_DATA_DIR, 'taxonomy.json'), join(data, 'taxonomy.json'));
    writeFileSync(join(data, 'tile-map.json'), '{"tiles": "not a list"}');
    const broken = BriefingThread.start(knowledge('zh', data));
    broken.handOver(knowledge('zh', data), corpusTallies());
    await expect(broken.bytes()).rejects.toThrow(/^the briefing failed: .*tile-map\.json/s);
    const next = BriefingThread.start(knowledge());
    next.handOver(knowledge(), corpusTallies());
    expect(isPdf(await next.bytes())).toBe(true);
  });

  it('ends at once when stopped while it lays a briefing out, and a later run starts afresh', async () => {
    const thread = BriefingThread.start(knowledge());
    thread.handOver(knowledge(), corpusTallies());
    const stopping = performance.now();
    await thread.stop();
    expect(performance.now() - stopping).toBeLessThan(5_000);
    await expect(thread.bytes()).rejects.toThrow(/the briefing's thread stopped/);
    const next = BriefingThread.start(knowledge());
    next.handOver(knowledge(), corpusTallies());
    expect(isPdf(await next.bytes())).toBe(true);
  });
});
