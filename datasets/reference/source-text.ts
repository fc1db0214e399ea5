// The sources of the public reference figures in the reader's language: the reference table records each source in
// English (as published in `shared/domain/reference/`); the Chinese UI, CLI and exports show it in Chinese.
import type { Bilingual } from '../schema.ts';

/** Chinese wording of every source in the national reference table, keyed by its English text. */
const SOURCE_ZH: Readonly<Record<string, string>> = {
  'NBS 2024 statistical communique (end-2024 population 1408.28 million)':
    '国家统计局《2024年国民经济和社会发展统计公报》（2024年末人口140,828万人）',
  'NBS 2024 statistical communique': '国家统计局《2024年国民经济和社会发展统计公报》',
  'NBS 2024 income and consumption release': '国家统计局《2024年居民收入和消费支出情况》',
  'NBS 2023 income and consumption release': '国家统计局《2023年居民收入和消费支出情况》',
  'Xinhua 2024-09-04 citing MCA (40.37 million)': '新华社2024年9月4日援引民政部数据（4,037万人）',
  'Xinhua 2024-09-04 citing MCA (6.48 million)': '新华社2024年9月4日援引民政部数据（648万人）',
  'Xinhua 2024-09-04 citing MCA (33.89 million)': '新华社2024年9月4日援引民政部数据（3,389万人）',
  'Minister of Civil Affairs at the NPC 2024-03-08 (40.63 million)':
    '民政部部长2024年3月8日全国人大记者会（4,063万人）',
  'Minister of Civil Affairs at the NPC 2024-03-08 (4.72 million)': '民政部部长2024年3月8日全国人大记者会（472万人）',
  'Minister of Civil Affairs at the NPC 2024-03-08 (7.4 million)': '民政部部长2024年3月8日全国人大记者会（740万人次）',
  'MCA year-end briefing 2024-12-30 (80.59 million; about 5.7% of population)':
    '民政部2024年12月30日年终新闻发布会（8,059万人，约占总人口5.7%）',
  'MCA year-end briefing 2024-12-30 (26 provinces plus XPCC raised standards)':
    '民政部2024年12月30日年终新闻发布会（26个省份和新疆生产建设兵团提高了标准）',
  'MCA 2023-10-25 (over 66 million: dibao ~40M; tekun ~4.6M; dibao-marginal ~6M; return-to-poverty watch ~3M; others ~13M)':
    '民政部2023年10月25日（6,600多万人：低保约4,000万、特困约460万、低保边缘约600万、防止返贫监测对象约300万、其他约1,300万）',
  'MCA 2023-10-25 ("over 6 million")': '民政部2023年10月25日（“600多万人”）',
  'MCA Q3 2023 press conference (143.68 billion yuan Jan-Sep)':
    '民政部2023年第三季度新闻发布会（1–9月支出1,436.8亿元）',
  'MCA Q3 2023 press conference (40.82 billion yuan Jan-Sep)': '民政部2023年第三季度新闻发布会（1–9月支出408.2亿元）',
  'MCA Q3 2023 press conference (6.4 billion yuan Jan-Sep; 4.818 million person-times)':
    '民政部2023年第三季度新闻发布会（1–9月支出64亿元，481.8万人次）',
  'derived: Jan-Sep 2023 x 4/3': '推算：2023年1–9月数 × 4/3',
  'MCA mid-2022 (recipient-weighted national average)': '民政部2022年年中数据（按保障人数加权的全国平均）',
  'extrapolated from 2022 at about 4% a year; verify before official use':
    '由2022年数据按年均约4%外推；正式使用前请核实',
  'extrapolated from 2022 at about 5% a year; verify before official use':
    '由2022年数据按年均约5%外推；正式使用前请核实',
  'MCA and MoF national service-type social assistance pilot plan (2024-08)':
    '民政部、财政部服务类社会救助全国试点方案（2024年8月）',
  "2024 social assistance review (People's Daily 2025): temporary assistance due to disasters":
    '2024年社会救助工作回顾（人民日报，2025年）：因灾临时救助',
  "2024 social assistance review (People's Daily 2025): new dibao and tekun recipients due to disasters":
    '2024年社会救助工作回顾（人民日报，2025年）：因灾新纳入低保、特困人员',
  'NBS 2022 statistical communique': '国家统计局《2022年国民经济和社会发展统计公报》',
  'NBS 2023 income and consumption release (verify before official use)':
    '国家统计局《2023年居民收入和消费支出情况》（正式使用前请核对）',
  'NBS 2023 statistical communique (national five equal income groups: low-income group)':
    '国家统计局《2023年国民经济和社会发展统计公报》（全国居民五等份收入分组：低收入组）',
  'NBS 2023 statistical communique (lower-middle group)':
    '国家统计局《2023年国民经济和社会发展统计公报》（中间偏下收入组）',
  'NBS 2023 statistical communique (middle group)': '国家统计局《2023年国民经济和社会发展统计公报》（中间收入组）',
  'NBS 2023 statistical communique (upper-middle group)':
    '国家统计局《2023年国民经济和社会发展统计公报》（中间偏上收入组）',
  'NBS 2023 statistical communique (high-income group)': '国家统计局《2023年国民经济和社会发展统计公报》（高收入组）',
  'NBS 2024 first-half income and consumption release': '国家统计局《2024年上半年居民收入和消费支出情况》',
  'Ministry of Emergency Management press conference 2025-01-15: natural disasters affected 94.13 million person-times in 2024 (3.645 million relocated; 64 thousand rooms collapsed)':
    '应急管理部2025年1月15日新闻发布会：2024年各种自然灾害共造成9,413万人次受灾（紧急转移安置364.5万人次，倒塌房屋6.4万间）',
};

/** A reference source in both languages; a source without a Chinese wording yet keeps its English text in both. */
export function sourceText(source: string): Bilingual {
  return { zh: SOURCE_ZH[source] ?? source, en: source };
}

/** True when a source has its Chinese wording (tested for every row of the reference table). */
export function hasChineseSource(source: string): boolean {
  return source in SOURCE_ZH;
}
