// Headings that name a unit in a line of their own without a colon: a project's name (`…大桥`, `…水电站`) over its
// headline, a place-led line over a reporter's byline (`河北保定市东风社区`), or a unit that opens a scene ending in a dash.
import type { Gazetteer } from './gazetteer.js';
import { headingUnit, isNeverUnit, namesPerson, personBeforeEmployer, provinceInName, type KnownUnits, type SectionUnit } from './units.js';

/** A short headline line under a heading: no sentence mark, no comma inside. */
const SHORT_HEADLINE = /^[^。！？!?；;，,]{2,20}$/;

/**
 * The unit a lone line names where neither the gazetteer nor the unit patterns know it: a project or facility
 * (`引江济淮东津渡大桥`) with a headline line under it, or a facility's name that starts with a place and stands just
 * above a reporter's byline (`河北保定市东风社区`, then `本报记者…`).
 */
export function loneLineUnit(
  token: string,
  index: number,
  paragraphs: readonly string[],
  bylines: readonly boolean[],
  gazetteer: Gazetteer,
  known: KnownUnits,
): SectionUnit | undefined {
  const next = paragraphs[index + 1]?.trim() ?? '';
  const underHeadline = SHORT_HEADLINE.test(next) && !bylines[index + 1];
  // A roster's line run together (`徐某某中国科学院某研究中心`) names a person, though it ends as a project does.
  if (personBeforeEmployer(token, gazetteer, known)) return undefined;
  if (known.project.test(token) && underHeadline && !isNeverUnit(token, known)) {
    return { unit: token, unitType: 'other', region: provinceInName(token, gazetteer) ?? null };
  }
  const overByline = bylines[index + 1] === true || (underHeadline && bylines[index + 2] === true);
  // Only a place's or a facility's name (`…社区`, `…村`, `…园区`): people with their titles over a byline (`…校长王欢委员`,
  // `…村民吉某`) head portraits and voices, not units' passages.
  if (!overByline || token.length < 3 || !known.facility.test(token) || isNeverUnit(token, known)) return undefined;
  const region = provinceInName(token, gazetteer);
  return region && { unit: token, unitType: 'other', region };
}

/** A line that opens with a unit and a comma and ends with a dash (`河南博物院，孩子们学做花馍——`): the unit heads the passage. */
const UNIT_LED_SCENE = /^([\u4e00-\u9fff]{3,12})[，,]([^。！？!?]{2,40})——$/;

export function unitLedScene(paragraph: string, gazetteer: Gazetteer, known: KnownUnits): { unit: SectionUnit; heading: string } | undefined {
  const match = UNIT_LED_SCENE.exec(paragraph.trim());
  if (!match) return undefined;
  const unit = headingUnit(match[1]!, gazetteer, known) ?? namedUnit(match[1]!, gazetteer, known);
  return unit && { unit, heading: match[2]!.trim() };
}

/**
 * A dash heading's name that the unit table does not classify, read as a unit (of type other) where it names a
 * place of China (`宁波舟山港`) or a facility (`…港`, `…园`, `…社区`); topics (`谁来种地`) and events are not units.
 * A person introduced by place and role (`浙江湖州港口村党总支书记孙根法——`) heads a passage of that province: the
 * province is its unit, so that no person stands where a region's units are listed.
 */
export function namedUnit(token: string, gazetteer: Gazetteer, known: KnownUnits): SectionUnit | undefined {
  if (isNeverUnit(token, known) || personBeforeEmployer(token, gazetteer, known)) return undefined;
  const region = provinceInName(token, gazetteer) ?? null;
  if (!region && !known.facility.test(token)) return undefined;
  if (region && namesPerson(token, known)) return { unit: region.short, unitType: 'province', region };
  return { unit: token, unitType: 'other', region };
}
