import { describe, expect, it } from 'vitest';
import { shortNameOf } from './gazetteer.js';
import { englishPlaceName, NATIONALITIES_EN, NATIONALITY_SUFFIX } from './place-names-en.js';

// The proper part stands out in brackets, so each test says what was taken as the proper part.
const townships = new Set(['淮川街道', '乡村镇']);
const marked = (name: string) =>
  englishPlaceName(
    name,
    (proper) => `[${proper}]`,
    (township) => townships.has(township),
  );

describe('englishPlaceName', () => {
  it.each([
    ['苍南县', '[苍南] County'],
    ['怀化市', '[怀化] City'],
    ['城北街道', '[城北] Subdistrict'],
    ['凭祥综合保税区', '[凭祥] Comprehensive Bonded Zone'],
    ['北海高新区', '[北海] High-tech Zone'],
    ['崖州湾科技城', '[崖州湾] Science City'],
  ])('writes the level of %s in English', (name, english) => expect(marked(name)).toBe(english));

  it.each([
    ['海西蒙古族藏族自治州', '[海西] Mongol and Tibetan Autonomous Prefecture'],
    ['恩施土家族苗族自治州', '[恩施] Tujia and Miao Autonomous Prefecture'],
    ['积石山保安族东乡族撒拉族自治县', '[积石山] Bonan, Dongxiang and Salar Autonomous County'],
    ['鄂温克族自治旗', 'Ewenki Autonomous Banner'],
    ['莫力达瓦达斡尔族自治旗', '[莫力达瓦] Daur Autonomous Banner'],
    ['和布克赛尔蒙古自治县', '[和布克赛尔] Mongol Autonomous County'],
  ])('names the nationalities of an autonomous area in English: %s', (name, english) => expect(marked(name)).toBe(english));

  it.each([
    ['科尔沁右翼中旗', '[科尔沁] Right Middle Banner'],
    ['阿拉善左旗', '[阿拉善] Left Banner'],
    ['乌拉特前旗', '[乌拉特] Front Banner'],
    ['达尔罕茂明安联合旗', '[达尔罕茂明安] United Banner'],
    ['正蓝旗', '[正蓝] Banner'],
  ])("writes a banner's wing and position in English: %s", (name, english) => expect(marked(name)).toBe(english));

  it.each([
    ['中坛乡双石村', '[中坛] Township [双石] Village'],
    ['淮川街道城西社区', '[淮川] Subdistrict [城西] Community'],
    ['红泥湾镇石灰窑村', '[红泥湾] Town [石灰窑] Village'],
    ['乡村镇村委村', '[乡村] Town [村委] Village'],
  ])('writes a village after its township as two names: %s', (name, english) => expect(marked(name)).toBe(english));

  it.each([
    ['美丽乡村示范村', '[美丽乡村示范] Village'],
    ['江南水乡花园社区', '[江南水乡花园] Community'],
    ['乡村', '[乡] Village'],
    ['江南小镇花园社区', '[江南小镇花园] Community'],
  ])('splits no name at a 乡 or 镇 of an everyday word: %s', (name, english) => expect(marked(name)).toBe(english));

  it('leaves a name without a generic part to pinyin whole', () => expect(marked('前海')).toBe('[前海]'));

  it('knows the 55 nationalities, each with an English name, and finds any run of them', () => {
    expect(Object.keys(NATIONALITIES_EN)).toHaveLength(55);
    for (const [chinese, english] of Object.entries(NATIONALITIES_EN)) {
      expect(english).toMatch(/^[A-Z][a-z']+$/);
      expect(NATIONALITY_SUFFIX.test(`某地${chinese}族自治县`)).toBe(true);
    }
  });
});

describe('shortNameOf an autonomous prefecture', () => {
  it.each([
    ['恩施土家族苗族自治州', '恩施'],
    ['海西蒙古族藏族自治州', '海西'],
    ['博尔塔拉蒙古自治州', '博尔塔拉'],
    ['巴音郭楞蒙古自治州', '巴音郭楞'],
  ])('drops the nationalities and the level: %s is written %s', (name, short) => expect(shortNameOf(name, 'prefecture')).toBe(short));
});
