import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BriefingCollector } from './briefing-data.js';
import { breakableText, renderBriefing } from './briefing.js';
import { RegionComparison } from './comparison.js';

describe('breakableText', () => {
  it('allows a break before an opening quote and after a closing one', () => {
    expect(breakableText('柯桥区由“一把手”率领')).toEqual(['柯桥区由', '“一把手”', '率领']);
  });
  it('never puts a pause or a closing mark at a line start', () => {
    expect(breakableText('开展“集中夜学”，组织“夜话初心”。')).toEqual(['开展', '“集中夜学”，组织', '“夜话初心”。']);
  });
  it('keeps adjacent quoted names breakable between them', () => {
    expect(breakableText('推行“一线工作”“上门代办”等')).toEqual(['推行', '“一线工作”', '“上门代办”', '等']);
  });
});

describe('renderBriefing', () => {
  it('writes a valid PDF for a run that found no regions', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'roundup-briefing-')), 'briefing.pdf');
    await renderBriefing({
      collector: new BriefingCollector(),
      comparison: new RegionComparison([{ id: 'culture', zh: '文化', en: 'Culture' }]),
      run: { recordsRead: 2, articles: 0, rejects: 2, rejectReasons: { 'malformed JSON': 2 } },
      taxonomy: [{ id: 'culture', zh: '文化', en: 'Culture', keywords: ['文化'] }],
      language: 'en',
      generatedAt: new Date('2026-01-01T00:00:00Z'),
    }, file);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.subarray(-6).toString()).toContain('%%EOF');
  });
});
