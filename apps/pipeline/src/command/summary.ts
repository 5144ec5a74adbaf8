// The short human summary a run prints on stdout.
import type { RunSummary } from '@roundup/model';
import { plural } from '@roundup/reports';

export function formatSummary(summary: RunSummary): string {
  const lines = [
    `roundup ${summary.version}: ${plural(summary.recordsRead, 'record')} read, ${plural(summary.articles, 'article')}, ${summary.rejects} rejected`,
    `  ${plural(summary.articlesWithSections, 'article')} with regional sections, ${summary.multiRegionArticles} naming several regions, ${plural(summary.roundups, 'roundup')}`,
    `  compared: ${summary.scope === 'roundups' ? 'roundup sections only (--scope all counts every article with a region)' : 'every article with a region (--scope all)'}`,
    `  regions: ${summary.regions.join('、') || '(none)'}`,
    `  rows: ${Object.entries(summary.rows)
      .map(([table, count]) => `${table} ${count}`)
      .join(', ')}`,
    `  written to ${summary.outDir} in ${summary.seconds} s`,
  ];
  if (summary.reusedFiles > 0) {
    lines.push(
      `  reused earlier results for ${summary.reusedFiles} of ${summary.inputFiles} input files (${summary.reusedRecords} records): content, settings and version unchanged`,
    );
  }
  lines.push(`  files: ${fileList(summary.files)}`);
  for (const note of summary.notes) lines.push(`  ${note}`);
  if (summary.rejects > 0)
    lines.push(
      `  rejects: ${Object.entries(summary.rejectReasons)
        .map(([reason, count]) => `${count}× ${reason}`)
        .join('; ')}`,
    );
  return `${lines.join('\n')}\n`;
}

/** The files written, a folder's many per-article briefings counted rather than listed. */
function fileList(files: readonly string[]): string {
  const briefings = files.filter((file) => file.startsWith('briefings/'));
  const others = files.filter((file) => !file.startsWith('briefings/'));
  return [...others, ...(briefings.length > 0 ? [`briefings/ (${briefings.length} PDF${briefings.length === 1 ? '' : 's'})`] : [])].join(', ');
}
