// What kind of article this is (annotation guide, "article kind"): a roundup sets several regions or units side by
// side in passages of their own and is framed that way; places alone never make one.
import type { ArticleKind, KindEvidence, ParagraphInfo, Section } from '@roundup/model';
import type { SectionCues } from './sections.js';

export interface KindDecision {
  kind: ArticleKind;
  evidence: KindEvidence;
}

/** The units the article gives passages to, in order, with the paragraphs each holds. */
function unitParagraphs(paragraphs: readonly ParagraphInfo[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const info of paragraphs) if (info.unit !== null) counts.set(info.unit, (counts.get(info.unit) ?? 0) + 1);
  return counts;
}

/** How many of `units` a text names (a province by its short name, a city or university as written). */
function namedIn(text: string, units: Iterable<string>): number {
  let named = 0;
  for (const unit of units) if (text.includes(unit)) named += 1;
  return named;
}

/**
 * What frames an article of several units' passages as a roundup, if anything: printed headings, a title or intro
 * that names its units, 各地/多地 over one passage per place, or the closing （综合本报记者…报道）.
 */
function roundupFrame(title: string, paragraphs: readonly ParagraphInfo[], sections: readonly Section[], units: readonly string[], cues: SectionCues): KindEvidence | undefined {
  const headed = new Set(sections.filter((section) => section.detectedBy.startsWith('heading')).map((section) => section.unit));
  if (headed.size >= cues.kind.minimumUnits) return 'headings';
  if (namedIn(title, units) >= cues.kind.minimumUnits) return 'title-list';
  const intro = paragraphs.filter((info) => info.role === 'intro' || (info.unit === null && info.index < (sections[0]?.paragraphFrom ?? 0))).map((info) => info.text).join('\n');
  if (namedIn(intro, units) >= cues.kind.minimumUnits) return 'intro-list';
  if (cues.kind.severalPlaces.some((word) => title.includes(word) || intro.includes(word))) return '各地-passages';
  if (paragraphs.some((info) => info.role === 'byline' && cues.kind.compiledByline.test(info.text))) return '综合-byline';
  return undefined;
}

/** The kind of an article from its sections and the words that frame them. */
export function classifyArticle(title: string, paragraphs: readonly ParagraphInfo[], sections: readonly Section[], cues: SectionCues): KindDecision {
  const counts = unitParagraphs(paragraphs);
  const units = [...counts.keys()];
  if (units.length === 0) return { kind: 'general', evidence: 'no-region' };
  if (units.length >= cues.kind.minimumUnits) {
    const frame = roundupFrame(title, paragraphs, sections, units, cues);
    if (frame) return { kind: 'roundup', evidence: frame };
  }
  // Not framed as a roundup: one region's story if one region holds most of the passages, else a general one
  // (a biography that moves between provinces, a speech naming several).
  const regionCounts = new Map<string, number>();
  for (const info of paragraphs) if (info.region !== null) regionCounts.set(info.region, (regionCounts.get(info.region) ?? 0) + 1);
  const regional = [...regionCounts.values()].reduce((sum, count) => sum + count, 0);
  const top = Math.max(0, ...regionCounts.values());
  const evidence = sections.every((section) => section.detectedBy.startsWith('heading')) ? 'headings' : 'places';
  return { kind: regional > 0 && top >= cues.kind.regionalShare * regional ? 'regional' : 'general', evidence };
}
