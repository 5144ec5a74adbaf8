// Place names for English readers, after the rules China's own English-language press follows: the proper part in
// pinyin, written as one word, and the generic part (level, kind of zone, nationalities of an autonomous area) in
// English, so that no name runs together (科尔沁右翼中旗 is Keerqin Right Middle Banner, not Keerqinyouyizhong Banner).

/**
 * The 55 officially recognised minority nationalities as they appear inside autonomous area names
 * (恩施土家族苗族自治州 → 恩施), with their English names as the state's romanisation standard (GB/T 3304) and
 * the English names of the autonomous areas write them.
 */
export const NATIONALITIES_EN: Readonly<Record<string, string>> = {
  蒙古: 'Mongol',
  回: 'Hui',
  藏: 'Tibetan',
  维吾尔: 'Uygur',
  苗: 'Miao',
  彝: 'Yi',
  壮: 'Zhuang',
  布依: 'Bouyei',
  朝鲜: 'Korean',
  满: 'Manchu',
  侗: 'Dong',
  瑶: 'Yao',
  白: 'Bai',
  土家: 'Tujia',
  哈尼: 'Hani',
  哈萨克: 'Kazak',
  傣: 'Dai',
  黎: 'Li',
  傈僳: 'Lisu',
  佤: 'Va',
  畲: 'She',
  高山: 'Gaoshan',
  拉祜: 'Lahu',
  水: 'Shui',
  东乡: 'Dongxiang',
  纳西: 'Naxi',
  景颇: 'Jingpo',
  柯尔克孜: 'Kirgiz',
  土: 'Tu',
  达斡尔: 'Daur',
  仫佬: 'Mulao',
  羌: 'Qiang',
  布朗: 'Blang',
  撒拉: 'Salar',
  毛南: 'Maonan',
  仡佬: 'Gelao',
  锡伯: 'Xibe',
  阿昌: 'Achang',
  普米: 'Pumi',
  塔吉克: 'Tajik',
  怒: 'Nu',
  乌孜别克: 'Uzbek',
  俄罗斯: 'Russian',
  鄂温克: 'Ewenki',
  德昂: "De'ang",
  保安: 'Bonan',
  裕固: 'Yugur',
  京: 'Gin',
  塔塔尔: 'Tatar',
  独龙: 'Derung',
  鄂伦春: 'Oroqen',
  赫哲: 'Hezhen',
  门巴: 'Monba',
  珞巴: 'Lhoba',
  基诺: 'Jino',
};

/** A nationality in a name: with 族, or 蒙古 alone as several Mongol areas write it (博尔塔拉蒙古自治州). */
const NATIONALITY = `(?:(?:${Object.keys(NATIONALITIES_EN)
  .sort((a, b) => b.length - a.length)
  .join('|')})族|蒙古)`;

/** The run of nationalities and the level that end an autonomous area's name (土家族苗族自治州). */
export const NATIONALITY_SUFFIX = new RegExp(`(?:${NATIONALITY})+自治(?:州|县|旗)$`);

const AUTONOMOUS_LEVELS_EN: Readonly<Record<string, string>> = { 州: 'Autonomous Prefecture', 县: 'Autonomous County', 旗: 'Autonomous Banner' };

/** Generic parts of names and how English writes them, longest first where one ends another. */
const GENERIC_SUFFIXES_EN: ReadonlyArray<readonly [string, string]> = [
  ['经济技术开发区', 'Economic and Technological Development Zone'],
  ['高新技术产业开发区', 'High-tech Industrial Development Zone'],
  ['高新技术开发区', 'High-tech Development Zone'],
  ['经济开发区', 'Economic Development Zone'],
  ['综合保税区', 'Comprehensive Bonded Zone'],
  ['高新区', 'High-tech Zone'],
  ['自贸区', 'Free Trade Zone'],
  ['保税区', 'Bonded Zone'],
  ['科技城', 'Science City'],
  ['工业园区', 'Industrial Park'],
  ['产业园区', 'Industrial Park'],
  ['工业园', 'Industrial Park'],
  ['产业园', 'Industrial Park'],
  ['经开区', 'Development Zone'],
  ['开发区', 'Development Zone'],
  ['新区', 'New Area'],
  ['街道', 'Subdistrict'],
  ['社区', 'Community'],
  ['地区', 'Prefecture'],
  ['联合旗', 'United Banner'],
  ['市', 'City'],
  ['县', 'County'],
  ['区', 'District'],
  ['镇', 'Town'],
  ['乡', 'Township'],
  ['村', 'Village'],
  ['盟', 'League'],
  ['旗', 'Banner'],
];

/** Inner Mongolia's banners named by wing and position (科尔沁右翼中旗, 阿拉善左旗, 乌拉特前旗). */
const BANNER_BY_POSITION = /^(.+?)(?:(左|右)翼?)?(前|中|后)?旗$/;
const BANNER_WORDS_EN: Readonly<Record<string, string>> = { 左: 'Left', 右: 'Right', 前: 'Front', 中: 'Middle', 后: 'Rear' };

/** A village or community written after its township (中坛乡双石村): each part is a name of its own. */
const VILLAGE_IN_TOWNSHIP = /^(.{2,}?(?:乡|镇|街道))(.{2,}(?:村|社区))$/;
/** Where a 乡 or 镇 is part of an everyday word (美丽乡村, 江南水乡, 特色小镇), not a township's level. */
const WORD_NOT_TOWNSHIP = /(?:水乡|城乡|家乡|故乡|老乡|异乡|城镇|乡镇|集镇|重镇|小镇|名镇|古镇)$/;

/** Whether `head` ends in a township's level and `tail` is a village of it: a known township, or a name shaped as one. */
function isTownshipThenVillage(head: string, tail: string, isTownship: (name: string) => boolean): boolean {
  return isTownship(head) || (!WORD_NOT_TOWNSHIP.test(head) && !/^[村镇乡]/.test(tail));
}

/**
 * `name` in English, `pinyinOf` spelling its proper part (official spellings first). A name is split into a township and
 * a village where `isTownship` knows the first part, or where no everyday word holds its 乡 or 镇 (美丽乡村示范村 is one name).
 */
export function englishPlaceName(name: string, pinyinOf: (proper: string) => string, isTownship: (name: string) => boolean = () => false): string {
  const autonomous = NATIONALITY_SUFFIX.exec(name);
  if (autonomous) {
    const nationalities = [...autonomous[0].matchAll(new RegExp(NATIONALITY, 'g'))].map((match) => NATIONALITIES_EN[match[0].replace(/族$/, '')]!);
    // An area named after its nationality alone (鄂温克族自治旗) has no proper part to spell.
    const proper = autonomous.index > 0 ? [pinyinOf(name.slice(0, autonomous.index))] : [];
    return [...proper, listInEnglish(nationalities), AUTONOMOUS_LEVELS_EN[name.slice(-1)]].join(' ');
  }
  const banner = BANNER_BY_POSITION.exec(name);
  if (banner && (banner[2] || banner[3]) && banner[1]!.length >= 2) {
    const words = [banner[2], banner[3]].flatMap((word) => (word ? [BANNER_WORDS_EN[word]!] : []));
    return `${pinyinOf(banner[1]!)} ${words.join(' ')} Banner`;
  }
  const village = VILLAGE_IN_TOWNSHIP.exec(name);
  if (village && isTownshipThenVillage(village[1]!, village[2]!, isTownship))
    return `${englishPlaceName(village[1]!, pinyinOf)} ${englishPlaceName(village[2]!, pinyinOf)}`;
  const suffix = GENERIC_SUFFIXES_EN.find(([chinese]) => name.endsWith(chinese) && name.length > chinese.length);
  return suffix ? `${pinyinOf(name.slice(0, -suffix[0].length))} ${suffix[1]}` : pinyinOf(name);
}

/** Mongol; Mongol and Tibetan; Bonan, Dongxiang and Salar. */
function listInEnglish(words: string[]): string {
  return words.length <= 2 ? words.join(' and ') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
