// The briefing's words in Chinese and English; table columns never change with the language.

export type Language = 'zh' | 'en';

export const LABELS = {
  zh: {
    briefing: '区域对比简报',
    roundupOf: (regions: string, theme: string) => `${regions}${theme ? `：${theme}` : ''}`,
    corpusTitle: (regions: number, articles: number) => `${regions}个地区 · ${articles}篇报道的对比`,
    corpusRoundupsTitle: (regions: number, roundups: number) => `${regions}个地区 · ${roundups}篇综述的对比`,
    span: (first: string, last: string, articles: number, roundups: number) =>
      `时间跨度：${first} 至 ${last}；读取文章 ${articles} 篇，其中分地区综述 ${roundups} 篇。`,
    scopeRoundups: '对比只统计综述（roundup）中各地区的段落；其余文章仍在各 CSV 表中（见 articles.csv 的 kind 列）。',
    scopeAll: '注意：本简报按 --scope all 统计，凡给某地区单独段落的文章都计入该地区，不只是综述；数字来自彼此无关的报道。',
    roundupCount: '综述',
    roundupIndex: '综述索引',
    date: '日期',
    title: '标题',
    units: '对比的地区或单位',
    periodTitle: (period: string) => `各地区出现的综述数量（按${period}）`,
    periods: { month: '月', week: '周', quarter: '季度', year: '年' } as Record<string, string>,
    appearsIn: '出现的报道',
    andMore: (count: number) => `另有 ${count} 篇`,
    moreUnits: (count: number) => `等，另有${count}个`,
    largestFigures: '最大的金额数字（各有出处）',
    sourceOf: '出处',
    otherCurrencies: '美元、欧元等外币金额按原币列在人民币之后，不折算。',
    noMoneySums: '跨报道的金额不相加：各篇报道的数字彼此无关，这里只列出最大的几个及其出处。',
    source: '来源',
    sources: '主要来源',
    generated: '生成时间',
    summary: '摘要',
    summaryText: (s: { regions: number; places: number; measures: number; figures: number; programmes: number; articles: number }) =>
      `本简报比较${s.regions}个省级地区，来自${s.articles}篇报道，共提及${s.places}个地点、${s.measures}条措施、${s.figures}个数字和${s.programmes}个专项名称。`,
    largestMoney: '金额最大的数字：',
    leadingDomains: '各地侧重：',
    comparison: '地区对比',
    region: '地区',
    headline: '标题',
    places: '地点',
    measures: '措施',
    figures: '数字',
    money: '涉及金额',
    domains: '主要领域',
    programmes: '重点专项',
    charts: '图表',
    matrixTitle: '地区 × 政策领域（措施句数）',
    instrumentTitle: '地区 × 政策工具（措施句数）',
    instruments: { supply: '供给型', environment: '环境型', demand: '需求型' },
    instrumentNote:
      '政策工具按 Rothwell & Zegveld 分类：供给型（政府直接提供资金、设施、人员、服务）、环境型（规划、规范、监管、改革、宣传）、需求型（采购、补贴、购买服务、试点、开拓市场）；编码规则见 data/instruments.md。',
    resultsList: '主要成效',
    barsTitle: '各地区措施数量（句）',
    moneyBarsTitle: '各地区提及金额合计',
    regionSections: '分地区情况',
    placesNamed: '涉及地点',
    measuresList: '主要措施',
    figuresTable: '数字',
    raw: '原文',
    value: '数值',
    subject: '对象',
    place: '地点',
    noProgrammes: '未提及专项名称',
    appendix: '附录：方法与数据质量',
    inputsRead: '读取的记录',
    articlesKept: '处理的文章',
    rejected: '拒收的记录',
    reason: '原因',
    count: '数量',
    detection: '分区识别方式',
    taxonomy: '政策领域分类',
    keywords: '关键词（节选）',
    noRejects: '没有拒收的记录。',
    page: (page: number, pages: number) => `第 ${page} / ${pages} 页`,
    levels: { province: '省', prefecture: '地级', county: '县级', township: '乡镇街道', village: '村', zone: '功能区' } as Record<string, string>,
    detections: {
      'heading-line': '地区行加标题行',
      'heading-inline': '地区与标题同行',
      'heading-name': '单独的地名行',
      'inferred-places': '无地区标题，按段落所提地名归属',
      'inferred-single': '单一地区报道（推断）',
    } as Record<string, string>,
    sentencesLeftOut: (count: number) => `按地名归属的段落中，只提到其他省份地名的句子不计入任何地区：共 ${count} 句（见 measures.csv 中 region 为空的行）。`,
    moreInCsv: '完整列表见 CSV 文件。',
    noRegions: '输入中没有找到分地区的报道内容。',
    emptyRegions: (names: string) => `没有引述措施或成效的地区（只列在对比表中）：${names}。`,
    morePlaces: (count: number) => `；另有${count}个地点未列出`,
    moreProgrammes: (count: number) => `；另有${count}个专项未列出`,
    roundupsWithoutRegion: (count: number) => `另有${count}篇综述没有分到省级地区的段落（如中央单位、企业的综述），只列在综述索引中。`,
    none: '—',
  },
  en: {
    briefing: 'Regional comparison briefing',
    roundupOf: (regions: string, theme: string) => `${regions}${theme ? `: ${theme}` : ''}`,
    corpusTitle: (regions: number, articles: number) => `${plural(regions, 'region')} compared across ${plural(articles, 'article')}`,
    corpusRoundupsTitle: (regions: number, roundups: number) => `${plural(regions, 'region')} compared across ${plural(roundups, 'roundup')}`,
    span: (first: string, last: string, articles: number, roundups: number) =>
      `Span: ${first} to ${last}; ${plural(articles, 'article')} read, ${roundups} of them ${roundups === 1 ? 'a roundup' : 'roundups'} comparing regions or units.`,
    scopeRoundups: 'Regions are compared over roundup sections only; every other article is still in the CSV tables (the kind column of articles.csv).',
    scopeAll:
      'Note: this briefing counts with --scope all: every article that gives a region a passage of its own counts for it, not only roundups; its figures come from unrelated articles.',
    roundupCount: 'Roundups',
    roundupIndex: 'Index of roundups',
    date: 'Date',
    title: 'Title',
    units: 'Regions or units compared',
    periodTitle: (period: string) => `Roundups per region by ${period}`,
    periods: { month: 'month', week: 'week', quarter: 'quarter', year: 'year' } as Record<string, string>,
    appearsIn: 'Appears in',
    andMore: (count: number) => `and ${count} more`,
    moreUnits: (count: number) => ` +${count}\u00a0more`,
    largestFigures: 'Largest money figures, each with its source',
    sourceOf: 'Source',
    otherCurrencies: 'Amounts in US dollars, euros and other currencies follow the yuan, in their own currency, unconverted.',
    noMoneySums: 'Money is not added up across articles: their figures are unrelated, so only the largest few are listed, each with its source.',
    source: 'Source',
    sources: 'Main sources',
    generated: 'Generated',
    summary: 'Summary',
    summaryText: (s: { regions: number; places: number; measures: number; figures: number; programmes: number; articles: number }) =>
      `This briefing compares ${plural(s.regions, 'provincial-level region')} from ${plural(s.articles, 'article')}, naming ${plural(s.places, 'place')}, ${plural(s.measures, 'measure')}, ${plural(s.figures, 'figure')} and ${plural(s.programmes, 'named programme')}.`,
    largestMoney: 'Largest amounts named: ',
    leadingDomains: 'Where each region acts: ',
    comparison: 'Comparison',
    region: 'Region',
    headline: 'Headline',
    places: 'Places',
    measures: 'Measures',
    figures: 'Figures',
    money: 'Money',
    domains: 'Leading domains',
    programmes: 'Key programmes',
    charts: 'Charts',
    matrixTitle: 'Region × policy domain (measure sentences)',
    instrumentTitle: 'Region × policy instrument (measure sentences)',
    instruments: { supply: 'Supply', environment: 'Environment', demand: 'Demand' },
    instrumentNote:
      'Policy instruments after Rothwell & Zegveld: supply (the government provides money, facilities, staff, services), environment (plans, rules, supervision, reform, publicity), demand (procurement, subsidies, service purchase, pilots, markets); the coding rules are in data/instruments.md.',
    resultsList: 'Results',
    barsTitle: 'Measures per region (sentences)',
    moneyBarsTitle: 'Money mentioned per region',
    regionSections: 'Regions',
    placesNamed: 'Places named',
    measuresList: 'Measures',
    figuresTable: 'Figures',
    raw: 'Text',
    value: 'Value',
    subject: 'Subject',
    place: 'Place',
    noProgrammes: 'No named programmes',
    appendix: 'Appendix: method and data quality',
    inputsRead: 'Records read',
    articlesKept: 'Articles processed',
    rejected: 'Records rejected',
    reason: 'Reason',
    count: 'Count',
    detection: 'How sections were detected',
    taxonomy: 'Policy domain taxonomy',
    keywords: 'Keywords (excerpt)',
    noRejects: 'No records were rejected.',
    page: (page: number, pages: number) => `Page ${page} of ${pages}`,
    levels: { province: 'province', prefecture: 'prefecture', county: 'county', township: 'township', village: 'village', zone: 'zone' } as Record<
      string,
      string
    >,
    detections: {
      'heading-line': 'region line, then headline',
      'heading-inline': 'region and headline on one line',
      'heading-name': 'place name alone',
      'inferred-places': 'no printed heading: placed by the places its paragraphs name',
      'inferred-single': 'single-region story (inferred)',
    } as Record<string, string>,
    sentencesLeftOut: (count: number) =>
      `In sections placed by place names, a sentence that names only another province's places counts for no region: ${count} such sentence(s) were left out (rows of measures.csv with an empty region).`,
    moreInCsv: 'Full lists are in the CSV files.',
    noRegions: 'No regional sections were found in the inputs.',
    emptyRegions: (names: string) => `Regions with no measure or result quoted (in the comparison table only): ${names}.`,
    morePlaces: (count: number) => `; and ${plural(count, 'more place')}`,
    moreProgrammes: (count: number) => `; and ${plural(count, 'more programme')}`,
    roundupsWithoutRegion: (count: number) =>
      `${plural(count, 'more roundup')} gave no provincial-level region a passage of its own (roundups of central bodies or enterprises, for instance): they are listed in the index only.`,
    none: '—',
  },
} as const;

/** A language's words: any string where a label is a string, so that the unit variants below fit the same type. */
export type Labels = { [Key in keyof (typeof LABELS)[Language]]: (typeof LABELS)[Language][Key] extends string ? string : (typeof LABELS)[Language][Key] };

/** What changes in a briefing that compares the units of one roundup (universities, central bodies …), not provinces. */
export const UNIT_LABELS = {
  zh: {
    summaryText: (s: { regions: number; places: number; measures: number; figures: number; programmes: number; articles: number }) =>
      `本简报比较${s.regions}个单位，来自${s.articles}篇报道，共提及${s.places}个地点、${s.measures}条措施、${s.figures}个数字和${s.programmes}个专项名称。`,
    comparison: '单位对比',
    region: '单位',
    regionSections: '分单位情况',
    leadingDomains: '各单位侧重：',
    matrixTitle: '单位 × 政策领域（措施句数）',
    instrumentTitle: '单位 × 政策工具（措施句数）',
    barsTitle: '各单位措施数量（句）',
    moneyBarsTitle: '各单位提及金额合计',
  },
  en: {
    summaryText: (s: { regions: number; places: number; measures: number; figures: number; programmes: number; articles: number }) =>
      `This briefing compares ${plural(s.regions, 'unit')} from ${plural(s.articles, 'article')}, naming ${plural(s.places, 'place')}, ${plural(s.measures, 'measure')}, ${plural(s.figures, 'figure')} and ${plural(s.programmes, 'named programme')}.`,
    comparison: 'Comparison of units',
    region: 'Unit',
    regionSections: 'Units',
    leadingDomains: 'Where each unit acts: ',
    matrixTitle: 'Unit × policy domain (measure sentences)',
    instrumentTitle: 'Unit × policy instrument (measure sentences)',
    barsTitle: 'Measures per unit (sentences)',
    moneyBarsTitle: 'Money mentioned per unit',
  },
} satisfies Record<Language, Partial<Labels>>;

/** The briefing's words, for units when it compares the units of one roundup. */
export function briefingLabels(language: Language, units: boolean): Labels {
  return units ? { ...LABELS[language], ...UNIT_LABELS[language] } : LABELS[language];
}

/** A count with its noun, singular or plural (`1 article`, `3 articles`). */
export function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * An amount as a reader expects it: 万亿元, 亿元, 万元 (CNY m/bn/tn in English); another currency alike, its word in
 * Chinese and its code in English (`62.11亿美元`, `USD 6.21 bn`).
 */
export function formatMoney(amount: number, language: Language, currency: { zh: string; en: string } = { zh: '元', en: 'CNY' }): string {
  const trim = (value: number) => Number(value.toFixed(2)).toLocaleString(language === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 });
  if (language === 'en') {
    const code = currency.en;
    if (amount >= 1e12) return `${code} ${trim(amount / 1e12)} tn`;
    if (amount >= 1e9) return `${code} ${trim(amount / 1e9)} bn`;
    if (amount >= 1e6) return `${code} ${trim(amount / 1e6)} m`;
    return `${code} ${trim(amount)}`;
  }
  const word = currency.zh;
  if (amount >= 1e12) return `${trim(amount / 1e12)}万亿${word}`;
  if (amount >= 1e8) return `${trim(amount / 1e8)}亿${word}`;
  if (amount >= 1e4) return `${trim(amount / 1e4)}万${word}`;
  return `${trim(amount)}${word}`;
}

/** A normalised figure value with its unit, grouped for reading (1,400,000,000元). */
export function formatValue(value: number, unit: string, language: Language): string {
  if (unit === '元') return formatMoney(value, language);
  return `${value.toLocaleString(language === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 })}${unit}`;
}
