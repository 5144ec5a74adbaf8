// One programme however it is written: a grouping key for programme names, and the national slogans that are not a region's programme.
import { z } from 'zod';
import { dataPath, loadDataFile } from './data-files.js';

const ProgrammeNamesFile = z.object({
  suffixes: z.array(z.string().min(1)),
  countingRemainder: z.string(),
  shortForms: z.record(z.string().min(1), z.string().min(1)),
  adverbialPrefix: z.string(),
  nationalSlogans: z.array(z.string().min(1)),
});

export interface ProgrammeNaming {
  /** Programme nouns a name may end in or not (“最多跑一次”改革 / 最多跑一次), longest first. */
  suffixes: string[];
  /** What is left of a name that only counts (三大 of 三大行动): then the noun is the name and is kept. */
  countingRemainder: RegExp;
  /** A system noun's long form and the short form it is also written in (日沟通制度 / 日沟通制): folded to the short one. */
  shortForms: Array<[string, string]>;
  /**
   * What, before a name of the same article, makes the longer name an event of its own (春节不打烊 and 不打烊, 紫禁城里过大年
   * and 过大年): a time, or a place with a locative after it, sets a scene; a domain or a venue before it (扶贫跑步鸡) only describes.
   */
  adverbialPrefix: RegExp;
  /** Keys of national slogans and titles (一带一路, 我和我的祖国): quoted everywhere, nobody's own programme. */
  nationalSloganKeys: Set<string>;
}

export function loadProgrammeNaming(file = dataPath('programme-names.json')): ProgrammeNaming {
  const names = loadDataFile(file, ProgrammeNamesFile);
  const naming: ProgrammeNaming = {
    suffixes: [...names.suffixes].sort((a, b) => b.length - a.length),
    countingRemainder: new RegExp(names.countingRemainder, 'u'),
    shortForms: Object.entries(names.shortForms),
    adverbialPrefix: new RegExp(names.adverbialPrefix, 'u'),
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

const length = (text: string) => [...text].length;

/** A name ending in a noun's long form, with it in the short form (责任制度 → 责任制), when two characters or more stand before it. */
function shortForm(name: string, naming: ProgrammeNaming): string {
  for (const [long, short] of naming.shortForms) {
    if (name.endsWith(long) && length(name) - length(long) >= 2) return name.slice(0, -long.length) + short;
  }
  return name;
}

/** A single name without its year and one trailing programme noun, unless what is left would only count or be too short. */
function stemOf(part: string, naming: ProgrammeNaming): string {
  const undated = part.replace(YEAR_PREFIX, '').replace(YEAR_SUFFIX, '');
  const spelled = shortForm((length(undated) >= 2 ? undated : part).replace(NOISE, ''), naming);
  for (const suffix of naming.suffixes) {
    if (!spelled.endsWith(suffix)) continue;
    const stem = spelled.slice(0, -suffix.length);
    // The noun left before a programme noun is folded too (首问负责制度建设 and 首问负责制建设 are one).
    if (length(stem) >= 2 && !naming.countingRemainder.test(stem)) return shortForm(stem, naming);
    break;
  }
  return spelled;
}

/** An enumerated name, a comma, then one clause (学兰辉、见行动，当好群众的贴心人): the clause may gloss the name. */
const GLOSSED = /^([^，,；;]*、[^，,；;]*)[，,]([^、，,；;]+)$/u;

/**
 * An enumerated name without the clause that glosses it: a clause after a comma at least twice as long as every part
 * before it (and five characters or more) says what the name means; parts of one name are short and alike.
 */
function withoutGloss(name: string): string {
  const match = GLOSSED.exec(name);
  if (!match) return name;
  const [, named, clause] = match as unknown as [string, string, string];
  const longestPart = Math.max(...named.split('、').map((part) => length(part.replace(NOISE, ''))));
  const clauseLength = length(clause.replace(NOISE, ''));
  return clauseLength >= 5 && clauseLength >= 2 * longestPart ? named : name;
}

/**
 * A parallel slogan's parts, each without the verb before the ending they share (党旗飘在一线、堡垒建在一线、党员冲在一线 →
 * 党旗在一线、堡垒在一线、党员在一线): writers vary that verb (堡垒建在一线 / 堡垒筑在一线) but not what opens each part. Applies to three or more
 * parts of one length sharing an ending of two or more characters, with at least two characters before the verb.
 */
function parallelParts(parts: readonly string[]): string[] {
  const chars = parts.map((part) => [...part]);
  const size = chars[0]!.length;
  if (chars.length < 3 || chars.some((part) => part.length !== size)) return [...parts];
  let shared = 0;
  while (shared < size && chars.every((part) => part[size - 1 - shared] === chars[0]![size - 1 - shared])) shared += 1;
  if (shared < 2 || size < shared + 3) return [...parts];
  return chars.map((part) => [...part.slice(0, size - shared - 1), ...part.slice(size - shared)].join(''));
}

/**
 * The key every spelling of one programme shares: the name quoted inside it if any; without quote marks, spacing and punctuation, a year, a title
 * before a subtitle and one trailing programme noun (改革, 工程, 行动 …); the parts of an enumerated name in a fixed
 * order. A noun stays when what is left would only count (三大行动 is not 三大工程) or be shorter than two characters;
 * nothing else is dropped, so 三个一 and 三个一批 stay apart.
 */
export function programmeKey(name: string, naming: ProgrammeNaming): string {
  const inner = INNER_QUOTE.exec(name)?.[1];
  const folded = asciiFolded(inner && length(inner) >= 2 ? inner : name).trim();
  const titled = folded.split(SUBTITLE);
  const subtitle = titled[titled.length - 1]!.trim();
  const named = titled.length > 1 && length(subtitle.replace(NOISE, '')) >= 3 ? subtitle : folded;
  const parts = withoutGloss(named)
    .split(ENUMERATION)
    .map((part) => part.replace(NOISE, ''))
    .filter((part) => part !== '');
  if (parts.length > 1) return parallelParts(parts).sort().join('');
  const key = parts.length === 1 ? stemOf(named, naming) : '';
  return key || folded || name;
}

/** A name that is a formula or a series' part (六平台三模式一体系, 互联网+农业, 欢乐春节·魅力阿根廷): a programme of its own. */
const OWN_NAME = /^[0-9一二三四五六七八九十百千万两双]|[+＋·•・—：:]/u;

/** A name as written, without quote marks, punctuation and its year: what one name of an article is compared with another by. */
function spelledName(name: string): string {
  const spelled = asciiFolded(name).replace(YEAR_PREFIX, '').replace(YEAR_SUFFIX, '').replace(NOISE, '');
  return spelled || name;
}

/** Whether every character of `short` appears in `long` in order (博物馆十大精品展览 in 全国博物馆十大精品陈列展览). */
function isSubsequence(short: string, long: string): boolean {
  const wanted = [...short];
  let at = 0;
  for (const char of long) if (at < wanted.length && char === wanted[at]) at += 1;
  return at === wanted.length;
}

/** Shortest a name may be for a longer one to end with it (洗手站 in 卫生防疫洗手站), or to abbreviate it by leaving words out. */
const ENDING_NAME = 3;
const ABBREVIATED_NAME = 6;

/**
 * Whether `long` is `short` written out in the same article: `short` followed by a description (顶梁柱健康扶贫公益保险项目 /
 * 顶梁柱), `short` after a place, a domain or a venue that describes it (巴州区民心通, 扶贫跑步鸡, 紫禁城上元之夜; not a time or a
 * scene: 春节不打烊, 紫禁城里过大年), or a long name `short` abbreviates by leaving words out (全国博物馆十大精品陈列展览 /
 * 博物馆十大精品展览).
 */
function writesOut(long: Spelling, short: Spelling, naming: ProgrammeNaming, isPlace: (text: string) => boolean): boolean {
  if (long.keyLength - short.keyLength >= 2 && short.keyLength >= 3) {
    if (long.key.startsWith(short.key)) return true;
    if (long.key.endsWith(short.key) && isPlace(long.key.slice(0, long.key.length - short.key.length))) return true;
  }
  const extra = long.spelledLength - short.spelledLength;
  if (extra < 2) return false;
  if (short.spelledLength >= ENDING_NAME && long.spelled.endsWith(short.spelled))
    return !naming.adverbialPrefix.test(long.spelled.slice(0, long.spelled.length - short.spelled.length));
  return short.spelledLength >= ABBREVIATED_NAME && extra <= short.spelledLength && isSubsequence(short.spelled, long.spelled);
}

/** A name with its key and its spelling, and their lengths in characters (counted once: every pair of an article compares them). */
interface Spelling {
  name: string;
  key: string;
  keyLength: number;
  spelled: string;
  spelledLength: number;
}

function spellingOf(name: string, naming: ProgrammeNaming): Spelling {
  const key = programmeKey(name, naming);
  const spelled = spelledName(name);
  return { name, key, keyLength: length(key), spelled, spelledLength: length(spelled) };
}

/**
 * One article's programme ids: a name that writes out another name of the same article (`writesOut`) takes that name's id,
 * the shortest such name's where there are several, and that name may itself write out a shorter one: the id is the last
 * of the chain's, so that all of them are one programme. Within one article the longer name refers back to the shorter;
 * across articles the same words may name different things (every province has its own 健康码), so nothing more is merged.
 */
export function articleProgrammeIds(names: readonly string[], naming: ProgrammeNaming, isPlace: (text: string) => boolean = () => false): Map<string, string> {
  const ownName = (name: string) => OWN_NAME.test(name) || ENUMERATION.test(name);
  const spellings = [...new Set(names)].map((name) => spellingOf(name, naming));
  // Shortest first, so that the first name a name writes out is the one whose id it takes.
  const bases = spellings.filter((spelling) => !ownName(spelling.name)).sort((a, b) => a.spelledLength - b.spelledLength);
  const writtenOut = new Map<Spelling, Spelling>();
  for (const spelling of spellings) {
    const base = ownName(spelling.name) ? undefined : bases.find((short) => writesOutShorter(spelling, short, naming, isPlace));
    if (base) writtenOut.set(spelling, base);
  }
  const ids = new Map<string, string>();
  for (const spelling of spellings) {
    // Each step is to a shorter key or spelling, so the chain ends; the set only guards against a rule that would not.
    const chain = new Set<Spelling>([spelling]);
    let last = spelling;
    for (let next = writtenOut.get(last); next && !chain.has(next); next = writtenOut.get(last)) {
      chain.add(next);
      last = next;
    }
    ids.set(spelling.name, last.key);
  }
  return ids;
}

/** Whether `spelling` writes out the shorter name `short` (neither the same key nor a key and spelling nearly as long). */
function writesOutShorter(spelling: Spelling, short: Spelling, naming: ProgrammeNaming, isPlace: (text: string) => boolean): boolean {
  if (short.key === spelling.key || (short.keyLength > spelling.keyLength - 2 && short.spelledLength > spelling.spelledLength - 2)) return false;
  return writesOut(spelling, short, naming, isPlace);
}

/** Whether a quoted name is a national slogan or a title (不忘初心、牢记使命, 我和我的祖国) rather than a programme of the region. */
export function isNationalSlogan(name: string, naming: ProgrammeNaming): boolean {
  return naming.nationalSloganKeys.has(programmeKey(name, naming));
}
