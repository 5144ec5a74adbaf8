// One programme however it is written: a grouping key for programme names, and the national slogans that are not a region's programme.
import { z } from 'zod';
import { dataPath, loadDataFile } from './data-files.js';

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

/** Quote marks, brackets of titles, and the separators that only space a name out (、 · — spaces). */
const NOISE = /[\s“”‘’"'「」『』《》〈〉【】、，,。.·•・:：;；!！?？—–\-_/|]+/gu;
/** A parenthesised aside inside a name (一河（湖）一策): the usual spelling leaves it out. */
const ASIDE = /[（(][^（()）]{1,8}[)）]/gu;
/** A year an edition is labelled with (2019年春风行动): the same programme in another year. */
const YEAR_PREFIX = /^(?:19|20)\d\d年度?/u;

/** Full-width Latin letters and digits as ASCII, Latin in lower case (ＡＰＰ, App and APP are one). */
function asciiFolded(text: string): string {
  return text.replace(/[\uff01-\uff5e]/gu, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0)).toLowerCase();
}

/**
 * The key every spelling of one programme shares: without quote marks, asides, spacing and punctuation, a year
 * prefix and one trailing programme noun (改革, 工程, 行动 …). A noun stays when what is left would only count (三大行动
 * is not 三大工程) or be shorter than two characters; nothing else is dropped, so 三个一 and 三个一批 stay apart.
 */
export function programmeKey(name: string, naming: ProgrammeNaming): string {
  const spelled = asciiFolded(name).replace(ASIDE, '').replace(NOISE, '').replace(YEAR_PREFIX, '');
  if (spelled === '') return asciiFolded(name).trim() || name;
  for (const suffix of naming.suffixes) {
    if (!spelled.endsWith(suffix)) continue;
    const stem = spelled.slice(0, -suffix.length);
    if ([...stem].length >= 2 && !naming.countingRemainder.test(stem)) return stem;
    break;
  }
  return spelled;
}

/** Whether a quoted name is a national slogan or a title (不忘初心、牢记使命, 我和我的祖国) rather than a programme of the region. */
export function isNationalSlogan(name: string, naming: ProgrammeNaming): boolean {
  return naming.nationalSloganKeys.has(programmeKey(name, naming));
}
