// The appendix: what the run read and rejected, how sections were found, and the taxonomy.
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { Labels } from '../labels.js';
import { briefingTable } from './briefing-table.js';
import { cjk, keptTogether, sectionHeading } from './blocks.js';
import type { BriefingInput } from './input.js';
import { rejectReasonIn } from './reject-reasons.js';

/** The appendix: what the run read and rejected, how sections were found, and the taxonomy. */
export function appendix(input: BriefingInput, labels: Labels): Content[] {
  const { collector, language, taxonomy, run } = input;
  const counts = briefingTable(undefined, [160, 80], [
    [labels.inputsRead, { text: String(run.recordsRead), alignment: 'right' }],
    [labels.articlesKept, { text: String(run.articles), alignment: 'right' }],
    [labels.rejected, { text: String(run.rejects), alignment: 'right' }],
  ] as TableCell[][]);
  const reasons = Object.entries(run.rejectReasons)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15);
  const detections = new Map<string, number>();
  for (const material of collector.regions.values()) for (const [how, count] of material.detections) detections.set(how, (detections.get(how) ?? 0) + count);
  return [
    keptTogether(sectionHeading(labels.appendix, 1), counts),
    keptTogether(
      { text: labels.rejected, style: 'h3' },
      reasons.length === 0
        ? { text: labels.noRejects }
        : briefingTable(
            [labels.reason, labels.count],
            ['*', 50],
            reasons.map(([reason, count]) => [cjk(rejectReasonIn(reason, language)), { text: String(count), alignment: 'right' }] as TableCell[]),
          ),
    ),
    keptTogether(
      { text: labels.detection, style: 'h3' },
      briefingTable(
        [labels.detection, labels.count],
        ['*', 50],
        [...detections.entries()].map(([how, count]) => [{ text: labels.detections[how] ?? how }, { text: String(count), alignment: 'right' }] as TableCell[]),
      ),
    ),
    { text: labels.sentencesLeftOut(collector.sentencesLeftOut) },
    // The taxonomy is the same in every briefing: a corpus briefing lists it once, a single roundup's leaves it out.
    ...(collector.articleCount > 1
      ? [
          keptTogether(
            { text: labels.taxonomy, style: 'h3' },
            briefingTable(
              [labels.domains, labels.keywords],
              [90, '*'],
              taxonomy.map((domain) => [{ text: language === 'zh' ? domain.zh : domain.en }, cjk(domain.strong.slice(0, 10).join('、'))] as TableCell[]),
            ),
          ),
        ]
      : []),
  ];
}
