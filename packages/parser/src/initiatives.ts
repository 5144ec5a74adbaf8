// Named programmes: quoted names (“最多跑一次”) that the text treats as a programme, not quoted speech or a quoted word.
import type { Initiative } from '@roundup/model';
import { z } from 'zod';
import { dataPath, loadDataFile } from './data-files.js';
import { findQuotedSpans, type QuotedSpan } from './quotes.js';
import { MarkPositions, ParagraphSentences } from './sentences.js';
import { codeUnitSet, escapeRegExp } from './text.js';
import { lastIndexStartingBefore } from './text-order.js';

const InitiativeCuesFile = z.object({
  nameEndings: z.array(z.string()),
  followers: z.array(z.string()),
  followerWindow: z.number().int().positive(),
  verbPhraseWindow: z.number().int().positive(),
  verbWindow: z.number().int().positive(),
  precedingVerbs: z.array(z.string()),
  precedingPatterns: z.array(z.string()),
  notNames: z.object({
    preceding: z.array(z.string().min(1)),
    followerPatterns: z.array(z.string().min(1)),
    followers: z.array(z.string()),
    words: z.array(z.string()),
    patterns: z.array(z.string()),
  }),
  platformWords: z.object({ words: z.array(z.string()), caseWords: z.array(z.string()) }),
  precedingNouns: z.array(z.string()),
  shortNames: z.object({ maxLength: z.number().int().positive(), followers: z.array(z.string()), verbs: z.array(z.string()) }),
  numberedRules: z.object({ words: z.array(z.string().min(1)), conversions: z.string() }),
  naming: z.object({ verbs: z.array(z.string().min(1)), practiceNouns: z.array(z.string().min(1)) }),
  campaignTimes: z.object({ words: z.array(z.string().min(1)) }),
  editionNouns: z.object({ words: z.array(z.string().min(1)) }),
});
export interface InitiativeCues {
  nameEndings: string[];
  followers: string[];
  followerWindow: number;
  /** How far after a name a programme noun still makes a launching verb before it the name's (启用“趣龙江”分时线上预约管理系统). */
  verbPhraseWindow: number;
  verbWindow: number;
  precedingVerbs: string[];
  preceding: RegExp[];
  /** What, right before a quote, makes it a theme or a slogan (主题是“…”), not a programme. */
  notNamePreceding: string[];
  notNameFollowers: string[];
  /** What after a quote makes it an adverb (“你追我赶”地制定), not a name. */
  notNameFollowerPatterns: RegExp[];
  notNameWords: Set<string>;
  notNamePatterns: RegExp[];
  platformWords: string[];
  caseWords: string[];
  /** A programme noun printed just before the name (扶贫项目“…”, 小程序“…”). */
  precedingNouns: string[];
  shortNames: { maxLength: number; followers: string[]; verbs: string[] };
  /** A numbered rule of conduct (六不, 四个不, 三清): a programme by its form, however short. */
  numberedRule: RegExp;
  /** A conversion written X改Y (煤改气, 油改电): a programme by its form. */
  conversion: RegExp;
  /** The naming verbs and practice nouns that make a short name a practice's (这种做法被称为“码上办”). */
  naming: { verbs: string[]; practiceNouns: string[] };
  /** A year inside a name, or a season opening it (2020网络护苗, 暑期护学): a campaign of that time. */
  campaignTime: RegExp;
  /** Events a dated edition of a series is (晚会, 大赛, 论坛): the noun that ends “加油中国”2020年…棋王赛. */
  editionNouns: string[];
}

export function loadInitiativeCues(file = dataPath('initiative-cues.json')): InitiativeCues {
  const cues = loadDataFile(file, InitiativeCuesFile);
  return {
    nameEndings: cues.nameEndings,
    followers: cues.followers,
    followerWindow: cues.followerWindow,
    verbPhraseWindow: cues.verbPhraseWindow,
    verbWindow: cues.verbWindow,
    precedingVerbs: cues.precedingVerbs,
    preceding: cues.precedingPatterns.map((pattern) => new RegExp(pattern)),
    notNamePreceding: cues.notNames.preceding,
    notNameFollowers: cues.notNames.followers,
    notNameFollowerPatterns: cues.notNames.followerPatterns.map((pattern) => new RegExp(pattern, 'u')),
    notNameWords: new Set(cues.notNames.words),
    notNamePatterns: cues.notNames.patterns.map((pattern) => new RegExp(pattern, 'u')),
    platformWords: cues.platformWords.words,
    caseWords: cues.platformWords.caseWords,
    precedingNouns: cues.precedingNouns,
    shortNames: cues.shortNames,
    numberedRule: new RegExp(`^[二两三四五六七八九十]{1,2}个?(?:${cues.numberedRules.words.map(escapeRegExp).join('|')})[\\u4e00-\\u9fff]{0,2}$`),
    conversion: new RegExp(cues.numberedRules.conversions),
    naming: cues.naming,
    campaignTime: new RegExp(`(?:19|20)[0-9]{2}|^(?:${cues.campaignTimes.words.map(escapeRegExp).join('|')})`),
    editionNouns: cues.editionNouns.words,
  };
}

/** A numbered package of measures (暖心八条, 温暖十条): a name by its form. */
const NUMBERED_PACKAGE = /[一二两三四五六七八九十百]+[条招项]$/;
const NUMERAL = '一二两三四五六七八九十百千万';
/**
 * A numbered formula: two or more numerals each leading a short word (两学一做, 三会一课, 三个一, 一查二测三问四提醒五登记),
 * a count of named things (三个全覆盖), or a digit formula (1+N, 1+X).
 */
const NUMBERED_FORMULA = new RegExp(
  `^(?:[${NUMERAL}]+[^${NUMERAL}、，,·\\s]{1,3}){1,}[${NUMERAL}]+[^${NUMERAL}、，,·\\s]{0,3}$|^[二两三四五六七八九十]个[\\u4e00-\\u9fff]{2,5}$|^[0-9]+\\+[0-9A-Za-z]+$`,
);
/** A year right after the closing quote (“加油中国”2020年…): the name may be a series' title, the year its edition. */
const EDITION_YEAR = /^(?:19|20)[0-9]{2}年/;
/** How far after the year an edition's programme noun may stand (“四海同春”2019年南非华侨华人新春晚会). */
const EDITION_WINDOW = 24;

/**
 * A series' title before a dated edition (“加油中国”2020年全国象棋业余棋王赛, “四海同春”2019年…新春晚会): a year, then a phrase
 * that names an event's noun with no verb of launching before it (2020年举办…大赛 is what was done). A year that dates what the
 * name did (“穷寨子”2016年实现整体脱贫, “穷寨子”2016年完成安置房建设) is no edition.
 */
function isEditionTitle(text: string, end: number, cues: InitiativeCues): boolean {
  if (!EDITION_YEAR.test(text.slice(end, end + 5))) return false;
  const phrase = phraseAfter(text, end, EDITION_WINDOW);
  const nounAt = Math.min(...cues.editionNouns.map((noun) => phrase.indexOf(noun)).filter((at) => at > 0));
  if (!Number.isFinite(nounAt)) return false;
  const before = phrase.slice(0, nounAt);
  return !cues.precedingVerbs.some((verb) => verb.length >= 2 && before.includes(verb));
}
/** A campaign of a year (护苗2019, 净网2020). */
const YEAR_CAMPAIGN = /^[\u4e00-\u9fff]{2,8}(?:19|20)[0-9]{2}$/;
/** A two-part title joined by a middle dot (春风行动·就业援助, 西安年·最中国): the way campaigns and events are named. */
const DOTTED_TITLE = /^[\u4e00-\u9fffA-Za-z0-9]{2,}[·・•][\u4e00-\u9fffA-Za-z0-9]{2,}$/;

/** A formula's structure: a numbered formula, a campaign year, a dotted title, or three or more parallel parts. */
function hasProgrammeForm(name: string): boolean {
  return NUMBERED_FORMULA.test(name) || YEAR_CAMPAIGN.test(name) || DOTTED_TITLE.test(name) || isParallelList(name);
}

/**
 * Three or more parts in parallel (早发现、早报告、早处置; 预约开放、限量开放、有序开放; 送、免、贴、贷): single characters, or
 * parts that all share their first or their last character. Two parts are too often a turn of phrase.
 */
function isParallelList(name: string): boolean {
  const parts = name.split(/[、，,]/);
  if (parts.length < 3 || parts.some((part) => part.length === 0 || part.length > 8)) return false;
  if (parts.every((part) => part.length === 1)) return true;
  const shared = (at: (part: string) => string) => new Set(parts.map(at)).size === 1;
  return shared((part) => part[0]!) || shared((part) => part[part.length - 1]!);
}

const isClauseMark = codeUnitSet('，。、；：！？（）');
const isFullStop = codeUnitSet('。！？');

/** Text between the previous punctuation mark and `at`: where a verb such as 开展 or 推行 would stand. */
function clauseBefore(text: string, at: number): string {
  let from = at;
  while (from > 0 && at - from < 16 && !isClauseMark(text.charCodeAt(from - 1))) from -= 1;
  return text.slice(from, at);
}

/** Whether a quoted name ends its phrase: punctuation, the end, a conjunction (等, 和) or a preposition (通过“…”向村民喊话) follows it. */
function endsPhrase(text: string, at: number): boolean {
  return at >= text.length || /^(?:[，。、；：！？（）“”,;:!?()\s…—]|[等和与及或向对为给在把从让将被使])/.test(text.slice(at, at + 1));
}

/** The text after a quoted name up to the next punctuation mark, as far as the follower window reaches. */
function phraseAfter(text: string, at: number, window: number): string {
  const after = text.slice(at, at + window);
  const stop = after.search(/[，。、；：！？（）“”]/);
  return stop === -1 ? after : after.slice(0, stop);
}

/**
 * Whether a long programme noun (资源库, 小程序) further on still takes the quoted word as its name (“人教点读”数字教学资源库):
 * only words that describe it stand between, no 的 and no pause (“土专家”主持研发的APP is the APP's maker, not its name). Short
 * nouns (制, 赛) would find a noun in almost any phrase that far.
 */
function namesLongNoun(phrase: string, cues: InitiativeCues): boolean {
  return cues.followers.some((word) => {
    if (word.length < 3) return false;
    const at = phrase.indexOf(word);
    return at >= 0 && /^[\p{Script=Han}A-Za-z0-9]*$/u.test(phrase.slice(0, at)) && !phrase.slice(0, at).includes('的');
  });
}

/**
 * A quote of plain words, not a name: too short, a word or pattern the press quotes as such (痛点, 90后), a word after it
 * that makes it a problem or an adverb (“…”问题, “…”地), or a theme or slogan announced before it (主题是“…”).
 */
function isPlainWords(text: string, span: QuotedSpan, name: string, cues: InitiativeCues): boolean {
  if (name.length < 2 || cues.notNameWords.has(name) || cues.notNamePatterns.some((pattern) => pattern.test(name))) return true;
  const after = text.slice(span.end, span.end + 8);
  if (cues.notNameFollowers.some((word) => after.startsWith(word)) || cues.notNameFollowerPatterns.some((pattern) => pattern.test(after))) return true;
  const before = text.slice(Math.max(0, span.start - 4), span.start);
  return cues.notNamePreceding.some((word) => before.endsWith(word));
}

/**
 * Decides whether a quoted name is a programme: it reads like one (ends in 行动, 机制, 平台 …, or is a
 * numbered package such as 暖心八条), a programme noun follows it closely (“我们的村晚”主场活动,
 * “Metro大都会”官方APP), a verb of launching stands in its clause (开展“千村万户大走访”, 全面落实疫情防控“十条措施”),
 * it is an edition of an event (第二届“…”), or it sits in a run of names with one of these cues
 * (“一线工作”“上门代办”等工作法; 从“最多跑一次”到“不来即享”). A quoted problem (“…入园难”问题) or
 * manner (“一站式”, “一对一”) never is.
 */
export function isInitiative(
  text: string,
  span: QuotedSpan,
  cues: InitiativeCues,
  neighbours: readonly QuotedSpan[],
  sentences = new ParagraphSentences(text),
): boolean {
  if (!span.isName) return false;
  const name = span.inner.trim();
  if (isPlainWords(text, span, name, cues)) return false;
  const phrase = phraseAfter(text, span.end, cues.followerWindow);
  if (isCaseSubject(span, name, phrase, cues, sentences)) return false;
  if (cues.numberedRule.test(name) || cues.conversion.test(name) || namesAPractice(text, span, cues)) return true;
  if (name.length <= cues.shortNames.maxLength) {
    return (
      cues.shortNames.followers.some((word) => phrase.startsWith(word)) || cues.shortNames.verbs.some((verb) => clauseBefore(text, span.start).endsWith(verb))
    );
  }
  // A long name with a comma that is not a parallel list reads as a sentence (“今日小区所有电梯均完成两次消毒工作”): only a
  // programme noun after it makes it a name.
  const sentenceLike = /[，,]/.test(name) && name.length > 10 && !isParallelList(name);
  const campaign = name.length >= 4 && name.length <= 12 && !name.includes('的') && cues.campaignTime.test(name);
  if (
    !sentenceLike &&
    (cues.nameEndings.some((ending) => name.endsWith(ending)) ||
      NUMBERED_PACKAGE.test(name) ||
      hasProgrammeForm(name) ||
      campaign ||
      isEditionTitle(text, span.end, cues))
  )
    return true;
  if (cues.followers.some((word) => phrase.includes(word))) return true;
  const longPhrase = phraseAfter(text, span.end, cues.verbPhraseWindow);
  if (namesLongNoun(longPhrase, cues)) return true;
  if (sentenceLike) return false;
  // A phrase with 的 (“没有围墙的养老院”) is a description unless its ending or a noun after it says otherwise.
  if (name.includes('的')) return false;
  const clause = clauseBefore(text, span.start);
  if (cues.precedingNouns.some((noun) => clause.endsWith(noun))) return true;
  // A launching verb close before the name (落实疫情防控“十条措施”); a one-character verb (以) only right before it. The
  // verb is the name's only where the name ends the phrase or a programme noun closes it (启用“趣龙江”分时…系统): in
  // 发布“治愈系”精品线路 or 以“五五折”的价格 it is another thing's.
  if (!endsPhrase(text, span.end) && !cues.followers.some((word) => longPhrase.includes(word))) return false;
  const near = clause.slice(-cues.verbWindow);
  if (
    cues.precedingVerbs.some((verb) => (verb.length > 1 ? near.includes(verb) : clause.endsWith(verb))) ||
    cues.preceding.some((pattern) => pattern.test(clause))
  )
    return true;
  // A name in a list of names (“一线工作”“上门代办”等工作法) takes its cue from the list.
  const index = indexOfSpan(neighbours, span);
  const next = neighbours[index + 1];
  const previous = neighbours[index - 1];
  const adjacent = (a: QuotedSpan | undefined, b: QuotedSpan | undefined) =>
    a !== undefined && b !== undefined && /^[、和与及到至或]?$/.test(text.slice(a.end, b.start));
  if (adjacent(span, next) && next && isInitiative(text, next, cues, [], sentences)) return true;
  if (adjacent(previous, span) && previous && isInitiative(text, previous, cues, [], sentences)) return true;
  return false;
}

/** Where a span is among its neighbours (ordered by where they open): found by binary search, not a walk over all of them. */
function indexOfSpan(neighbours: readonly QuotedSpan[], span: QuotedSpan): number {
  const index = lastIndexStartingBefore(neighbours, span.start + 1);
  return neighbours[index] === span ? index : neighbours.indexOf(span);
}

/**
 * A name the text gives a practice (这种做法被群众称为“码上办”; 把这套办法叫作“板凳会”): its clause, up to the name, ends
 * in a naming verb and names a practice. A nickname given to a person (称他为“活地图”) names no practice.
 */
function namesAPractice(text: string, span: QuotedSpan, cues: InitiativeCues): boolean {
  const lead = clauseBefore(text, span.start);
  return cues.naming.verbs.some((verb) => lead.endsWith(verb)) && cues.naming.practiceNouns.some((noun) => lead.includes(noun));
}

/**
 * A platform that a reported case is about (查处“…”网站传播淫秽物品案; “…”APP被责令改正): named in a sentence of the case,
 * it is the offender's, not a programme.
 */
function isCaseSubject(span: QuotedSpan, name: string, phrase: string, cues: InitiativeCues, sentences: ParagraphSentences): boolean {
  const platform = cues.platformWords.some((word) => name.endsWith(word) || phrase.includes(word));
  if (!platform) return false;
  const sentence = sentences.around(span.start, span.end);
  return cues.caseWords.some((word) => sentence.includes(word));
}

/** The programmes named in a paragraph, each with its position and sentence. */
export function extractInitiatives(
  text: string,
  paragraph: number,
  cues: InitiativeCues,
  quoted: readonly QuotedSpan[] = findQuotedSpans(text),
  sentences = new ParagraphSentences(text),
): Initiative[] {
  const initiatives: Initiative[] = [];
  let fullStops: MarkPositions | undefined;
  for (const span of quoted) {
    // After a programme, a name that heads its own explanation (“三个一”暖心行动，即“每天一个暖心电话”：…) is one of its parts:
    // no full stop stands between them (looked up, as the text between may be long).
    const earlier = initiatives[initiatives.length - 1];
    const partOfEarlier =
      earlier !== undefined &&
      span.isName &&
      /^[：:]/.test(text.slice(span.end, span.end + 1)) &&
      !((fullStops ??= new MarkPositions(text, isFullStop)).lastBefore(span.start) >= earlier.end);
    if (!partOfEarlier && !isInitiative(text, span, cues, quoted, sentences)) continue;
    initiatives.push({
      paragraph,
      start: span.start + 1,
      end: span.end - 1,
      name: span.inner.trim(),
      sentence: sentences.around(span.start, span.end),
    });
  }
  return withoutCaseSubjects(initiatives, text, quoted, cues, sentences);
}

/**
 * A platform a case is about is the offender's wherever the paragraph names it: a mention whose own sentence reports
 * nothing (开发的学习类APP“作业神助手”内的滚动广告) is the same platform as the one the case names (查处“作业神助手”学习类APP…案).
 */
function withoutCaseSubjects(
  initiatives: Initiative[],
  text: string,
  quoted: readonly QuotedSpan[],
  cues: InitiativeCues,
  sentences: ParagraphSentences,
): Initiative[] {
  if (initiatives.length === 0) return initiatives;
  const offenders = new Set<string>();
  for (const span of quoted) {
    const name = span.inner.trim();
    if (span.isName && isCaseSubject(span, name, phraseAfter(text, span.end, cues.followerWindow), cues, sentences)) offenders.add(name);
  }
  return offenders.size === 0 ? initiatives : initiatives.filter((initiative) => !offenders.has(initiative.name));
}
