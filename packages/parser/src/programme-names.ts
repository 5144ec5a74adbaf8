// One programme however it is written: a grouping key for programme names, and the national slogans that are not a region's programme.
import { z } from 'zod';
import { dataPath, loadDataFile } from './data-files.js';
import { codePointLength } from './text.js';

const ProgrammeNamesFile = z.object({
  suffixes: z.array(z.string().min(1)),
  countingRemainder: z.string(),
  nationalSlogans: z.array(z.string().min(1)),
});

export interface ProgrammeNaming {
  /** Programme nouns a name may end in or not (“最多跑一次”改革 / 最多跑一次), longest first. */
  suffixes: string[];
  /** What is left of a name that only counts (三大 of 三大行动): then the noun is the name and is kept. */
  countingRemainder: RegExp;
  /** Keys of national slogans and titles (一带一路, 我和我的祖国): quoted everywhere, nobody's own programme. */
  nationalSloganKeys: Set<string>;
}

export function loadProgrammeNaming(file = dataPath('programme-names.json')): ProgrammeNaming {
  const names = loadDataFile(file, ProgrammeNamesFile);
  const naming: ProgrammeNaming = {
    suffixes: [...names.suffixes].sort((a, b) => b.length - a.length),
    countingRemainder: new RegExp(names.countingRemainder, 'u'),
    nationalSloganKeys: new Set(),
  };
  for (const slogan of names.nationalSlogans) naming.nationalSloganKeys.add(programmeKey(slogan, naming));
  return naming;
}

/** Quote marks, brackets of titles, and the separators that only space a name out (· — spaces). */
const NOISE = /[\s“”‘’"'「」『』《》〈〉【】（）()。.·•・!！?？—–\-_/|]+/gu;
/** The separators of an enumerated name (急事急办、特事特办; a space between words): its parts, in whatever order, are the name. */
const ENUMERATION = /[、，,；;]+|(?<=\p{Script=Han})\s+(?=\p{Script=Han})/u;
/** A title before its subtitle (贺岁迎祥——紫禁城里过大年, 上法兰西：我与中国有个约会): the part after it is the name. */
const SUBTITLE = /(?:——|：|:)/u;
/** A name quoted inside the name as found (建立社区工作者‘全岗通’工作机制): the programme is the quoted one. */
const INNER_QUOTE = /[‘“「『]([^’”」』]+)[’”」』]/u;
/** A year an edition is labelled with (2019年春风行动, 净网2018, 数字化转型伙伴行动（2020）): the same programme in another year. */
const YEAR_PREFIX = /^(?:19|20)\d\d年度?/u;
const YEAR_SUFFIX = /[（(]?(?:19|20)\d\d年?[）)]?$/u;

/** Full-width Latin letters and digits as ASCII, Latin in lower case (ＡＰＰ, App and APP are one). */
function asciiFolded(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/gu, (char) =>
      char === '（' || char === '）' || char === '，' || char === '；' || char === '：' ? char : String.fromCharCode(char.charCodeAt(0) - 0xfee0),
    )
    .toLowerCase();
}

/** A single name without its year and one trailing programme noun, unless what is left would only count or be too short. */
function stemOf(part: string, naming: ProgrammeNaming): string {
  const undated = part.replace(YEAR_PREFIX, '').replace(YEAR_SUFFIX, '');
  const spelled = (codePointLength(undated) >= 2 ? undated : part).replace(NOISE, '');
  for (const suffix of naming.suffixes) {
    if (!spelled.endsWith(suffix)) continue;
    const stem = spelled.slice(0, -suffix.length);
    if (codePointLength(stem) >= 2 && !naming.countingRemainder.test(stem)) return stem;
    break;
  }
  return spelled;
}

/**
 * The key every spelling of one programme shares: the name quoted inside it if any; without quote marks, spacing and punctuation, a year, a title
 * before a subtitle and one trailing programme noun (改革, 工程, 行动 …); the parts of an enumerated name in a fixed
 * order. A noun stays when what is left would only count (三大行动 is not 三大工程) or be shorter than two characters;
 * nothing else is dropped, so 三个一 and 三个一批 stay apart.
 */
export function programmeKey(name: string, naming: ProgrammeNaming): string {
  const inner = INNER_QUOTE.exec(name)?.[1];
  const folded = asciiFolded(inner && codePointLength(inner) >= 2 ? inner : name).trim();
  const titled = folded.split(SUBTITLE);
  const subtitle = titled[titled.length - 1]!.trim();
  const named = titled.length > 1 && codePointLength(subtitle.replace(NOISE, '')) >= 3 ? subtitle : folded;
  const parts = named
    .split(ENUMERATION)
    .map((part) => part.replace(NOISE, ''))
    .filter((part) => part !== '');
  if (parts.length > 1) return [...parts].sort().join('');
  const key = parts.length === 1 ? stemOf(named, naming) : '';
  return key || folded || name;
}

/** A name that is a formula or a series' part (六平台三模式一体系, 互联网+农业, 欢乐春节·魅力阿根廷): a programme of its own. */
const OWN_NAME = /^[0-9一二三四五六七八九十百千万两双]|[+＋·•・—：:]/u;

/**
 * One article's programme ids: a name that only adds a description after another name of the same article
 * (顶梁柱健康扶贫公益保险项目 and 顶梁柱, 家门口服务 and 家门口), or a place before it (巴州区民心通 and 民心通, where
 * `isPlace` knows 巴州区), is that programme. Within one article the longer name refers back to the shorter; across
 * articles the same words may name different things (every province has its own 健康码), so nothing more is merged.
 */
export function articleProgrammeIds(names: readonly string[], naming: ProgrammeNaming, isPlace: (text: string) => boolean = () => false): Map<string, string> {
  const keys = new Map<string, string>();
  for (const name of names) if (!keys.has(name)) keys.set(name, programmeKey(name, naming));
  const ownName = (name: string) => OWN_NAME.test(name) || ENUMERATION.test(name);
  const shortKeys = new ShortKeys();
  for (const [name, key] of keys) if (!ownName(name) && codePointLength(key) >= 3) shortKeys.add(key);
  const ids = new Map<string, string>();
  for (const [name, key] of keys) ids.set(name, ownName(name) ? key : (shortKeys.referredTo(key, isPlace) ?? key));
  return ids;
}

/**
 * The short keys of an article, each with its rank (the order its first name came in), looked up by the prefixes and
 * suffixes of a longer key: comparing every key with every short key took minutes for an article quoting tens of
 * thousands of distinct names.
 */
class ShortKeys {
  private readonly ranks = new Map<string, number>();
  /** The lengths in code units the short keys come in: only a prefix or suffix of one of these can be one. */
  private readonly lengths = new Set<number>();

  add(key: string): void {
    if (this.ranks.has(key)) return;
    this.ranks.set(key, this.ranks.size);
    this.lengths.add(key.length);
  }

  /**
   * The short key a key refers back to: one it starts with, or ends with after a place, at least two characters
   * shorter; the shortest such, and of those the first named. Undefined when none.
   */
  referredTo(key: string, isPlace: (text: string) => boolean): string | undefined {
    const keyLength = codePointLength(key);
    let best: string | undefined;
    let bestLength = keyLength;
    let bestRank = Infinity;
    const consider = (short: string) => {
      const rank = this.ranks.get(short);
      if (rank === undefined) return;
      const shortLength = codePointLength(short);
      if (keyLength - shortLength < 2 || shortLength > bestLength || (shortLength === bestLength && rank > bestRank)) return;
      best = short;
      bestLength = shortLength;
      bestRank = rank;
    };
    for (const length of this.lengths) {
      // A short key is a whole part of the key: its remainder holds two characters at least, so two code units.
      if (length > key.length - 2) continue;
      consider(key.slice(0, length));
      const suffix = key.slice(key.length - length);
      if (this.ranks.has(suffix) && isPlace(key.slice(0, key.length - length))) consider(suffix);
    }
    return best;
  }
}

/** Whether a quoted name is a national slogan or a title (不忘初心、牢记使命, 我和我的祖国) rather than a programme of the region. */
export function isNationalSlogan(name: string, naming: ProgrammeNaming): boolean {
  return naming.nationalSloganKeys.has(programmeKey(name, naming));
}
