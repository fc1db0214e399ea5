// Reference figures bundled as modules so Node and the browser read them without fs. The CSV text is embedded
// verbatim from datasets/reference/*.csv (a test checks it is identical) and parsed here with source, date, confidence.

/** Verbatim text of datasets/reference/provinces.csv. */
export const PROVINCES_CSV = `code,name_zh,name_en,population_10k_2023,urbanization_pct_2023,disposable_income_pc_2023,consumption_pc_2023,dibao_urban_2024,dibao_rural_2024
11,北京,Beijing,2185.8,87.83,81752,47586,1450,1450
12,天津,Tianjin,1364.0,85.49,51271,34903,1180,1180
13,河北,Hebei,7393.0,62.77,32903,22442,830,580
14,山西,Shanxi,3466.0,64.97,30924,18983,720,560
15,内蒙古,Inner Mongolia,2396.0,69.58,38130,26155,860,650
21,辽宁,Liaoning,4182.0,73.51,37992,26652,780,590
22,吉林,Jilin,2339.4,64.67,29797,21623,690,500
23,黑龙江,Heilongjiang,3062.0,66.80,29694,23148,700,480
31,上海,Shanghai,2487.5,89.46,84834,52508,1510,1510
32,江苏,Jiangsu,8526.0,75.04,52674,34282,960,960
33,浙江,Zhejiang,6627.0,74.23,63830,42194,1150,1150
34,安徽,Anhui,6121.0,61.51,34893,24682,820,820
35,福建,Fujian,4183.0,71.04,45426,32392,850,850
36,江西,Jiangxi,4515.0,63.13,34242,22880,900,700
37,山东,Shandong,10123.0,65.53,39890,24396,960,760
41,河南,Henan,9815.0,58.08,29933,20935,700,450
42,湖北,Hubei,5838.0,65.47,35146,26446,800,600
43,湖南,Hunan,6568.0,61.16,35895,25854,700,530
44,广东,Guangdong,12706.0,75.42,49327,35739,1060,890
45,广西,Guangxi,5027.0,56.78,29514,19735,880,560
46,海南,Hainan,1043.0,62.45,33192,25591,700,660
50,重庆,Chongqing,3191.4,71.67,37595,26515,780,640
51,四川,Sichuan,8368.0,59.49,32514,23550,720,560
52,贵州,Guizhou,3865.0,55.94,26726,19780,760,480
53,云南,Yunnan,4673.0,52.92,28421,20485,730,520
54,西藏,Tibet,365.0,38.88,28983,18340,950,500
61,陕西,Shaanxi,3952.0,65.16,32128,21397,740,560
62,甘肃,Gansu,2465.5,55.49,25011,19355,760,520
63,青海,Qinghai,594.0,62.80,28587,21186,770,560
64,宁夏,Ningxia,729.0,67.31,31604,21207,720,560
65,新疆,Xinjiang,2598.0,59.24,28947,20542,660,500
`;

/** Verbatim text of datasets/reference/national-targets.csv. */
export const NATIONAL_TARGETS_CSV = `metric,value,unit,as_of,confidence,source
population_total,140828,10k persons,2024-12,high,NBS 2024 statistical communique (end-2024 population 1408.28 million)
urbanization_rate,67.00,percent,2024-12,high,NBS 2024 statistical communique
disposable_income_pc_national,41314,yuan/person/year,2024,high,NBS 2024 income and consumption release
disposable_income_pc_urban,54188,yuan/person/year,2024,high,NBS 2024 income and consumption release
disposable_income_pc_rural,23119,yuan/person/year,2024,high,NBS 2024 income and consumption release
consumption_pc_national,28227,yuan/person/year,2024,high,NBS 2024 income and consumption release
consumption_pc_urban,34557,yuan/person/year,2024,high,NBS 2024 income and consumption release
consumption_pc_rural,19280,yuan/person/year,2024,high,NBS 2024 income and consumption release
disposable_income_pc_national,39218,yuan/person/year,2023,high,NBS 2023 income and consumption release
disposable_income_pc_urban,51821,yuan/person/year,2023,high,NBS 2023 income and consumption release
disposable_income_pc_rural,21691,yuan/person/year,2023,high,NBS 2023 income and consumption release
consumption_pc_national,26796,yuan/person/year,2023,high,NBS 2023 income and consumption release
dibao_persons_total,4037,10k persons,2024-06,medium,Xinhua 2024-09-04 citing MCA (40.37 million)
dibao_persons_urban,648,10k persons,2024-06,medium,Xinhua 2024-09-04 citing MCA (6.48 million)
dibao_persons_rural,3389,10k persons,2024-06,medium,Xinhua 2024-09-04 citing MCA (33.89 million)
dibao_persons_total,4063,10k persons,2023,medium,Minister of Civil Affairs at the NPC 2024-03-08 (40.63 million)
tekun_persons,472,10k persons,2023,medium,Minister of Civil Affairs at the NPC 2024-03-08 (4.72 million)
temporary_assistance_person_times,740,10k person-times,2023,medium,Minister of Civil Affairs at the NPC 2024-03-08 (7.4 million)
monitored_low_income_persons,8059,10k persons,2024-12,medium,MCA year-end briefing 2024-12-30 (80.59 million; about 5.7% of population)
monitored_low_income_persons,6600,10k persons,2023-10,medium,MCA 2023-10-25 (over 66 million: dibao ~40M; tekun ~4.6M; dibao-marginal ~6M; return-to-poverty watch ~3M; others ~13M)
dibao_marginal_persons,600,10k persons,2023-10,low,MCA 2023-10-25 ("over 6 million")
dibao_spending_jan_sep,1436.8,100m yuan,2023-09,medium,MCA Q3 2023 press conference (143.68 billion yuan Jan-Sep)
tekun_spending_jan_sep,408.2,100m yuan,2023-09,medium,MCA Q3 2023 press conference (40.82 billion yuan Jan-Sep)
temporary_assistance_spending_jan_sep,64,100m yuan,2023-09,medium,MCA Q3 2023 press conference (6.4 billion yuan Jan-Sep; 4.818 million person-times)
dibao_spending_annual_est,1915,100m yuan,2023,low,derived: Jan-Sep 2023 x 4/3
tekun_spending_annual_est,544,100m yuan,2023,low,derived: Jan-Sep 2023 x 4/3
dibao_standard_avg_urban,734,yuan/person/month,2022-06,medium,MCA mid-2022 (recipient-weighted national average)
dibao_standard_avg_rural,554,yuan/person/month,2022-06,medium,MCA mid-2022 (recipient-weighted national average)
dibao_standard_avg_urban_est,790,yuan/person/month,2024,low,extrapolated from 2022 at about 4% a year; verify before official use
dibao_standard_avg_rural_est,610,yuan/person/month,2024,low,extrapolated from 2022 at about 5% a year; verify before official use
disaster_new_dibao_tekun_persons,2.89,10k persons,2024,high,2024 social assistance review (People's Daily 2025): new dibao and tekun recipients due to disasters
disaster_temporary_assistance_person_times,34.33,10k person-times,2024,high,2024 social assistance review (People's Daily 2025): temporary assistance due to disasters
disaster_affected_person_times,9413,10k person-times,2024,high,Ministry of Emergency Management press conference 2025-01-15: natural disasters affected 94.13 million person-times in 2024 (3.645 million relocated; 64 thousand rooms collapsed)
service_assistance_pilot_regions,69,regions,2024-08,high,MCA and MoF national service-type social assistance pilot plan (2024-08)
provinces_raising_dibao_standard,26,provinces,2024,medium,MCA year-end briefing 2024-12-30 (26 provinces plus XPCC raised standards)
income_quintile_mean_q1_national,9215,yuan/person/year,2023,high,NBS 2023 statistical communique (national five equal income groups: low-income group)
income_quintile_mean_q2_national,20442,yuan/person/year,2023,high,NBS 2023 statistical communique (lower-middle group)
income_quintile_mean_q3_national,32195,yuan/person/year,2023,high,NBS 2023 statistical communique (middle group)
income_quintile_mean_q4_national,50220,yuan/person/year,2023,high,NBS 2023 statistical communique (upper-middle group)
income_quintile_mean_q5_national,95055,yuan/person/year,2023,high,NBS 2023 statistical communique (high-income group)
income_quintile_mean_q1_national,8601,yuan/person/year,2022,high,NBS 2022 statistical communique
income_quintile_mean_q2_national,19303,yuan/person/year,2022,high,NBS 2022 statistical communique
income_quintile_mean_q3_national,30598,yuan/person/year,2022,high,NBS 2022 statistical communique
income_quintile_mean_q4_national,47397,yuan/person/year,2022,high,NBS 2022 statistical communique
income_quintile_mean_q5_national,90116,yuan/person/year,2022,high,NBS 2022 statistical communique
disposable_income_median_national,33036,yuan/person/year,2023,medium,NBS 2023 income and consumption release (verify before official use)
disposable_income_median_urban,47122,yuan/person/year,2023,medium,NBS 2023 income and consumption release (verify before official use)
disposable_income_median_rural,18748,yuan/person/year,2023,medium,NBS 2023 income and consumption release (verify before official use)
disposable_income_median_national_h1,17358,yuan/person/half-year,2024-H1,high,NBS 2024 first-half income and consumption release
disposable_income_median_urban_h1,24403,yuan/person/half-year,2024-H1,high,NBS 2024 first-half income and consumption release
disposable_income_median_rural_h1,9539,yuan/person/half-year,2024-H1,high,NBS 2024 first-half income and consumption release
`;

/** One province of provinces.csv (2023 structure, illustrative 2024 standards in yuan/person/month). */
export interface ProvinceRef {
  code: string;
  nameZh: string;
  nameEn: string;
  population10k: number;
  urbanizationPct: number;
  incomePc: number;
  consumptionPc: number;
  dibaoUrban: number;
  dibaoRural: number;
}

/** One row of national-targets.csv. */
export interface NationalTarget {
  metric: string;
  value: number;
  unit: string;
  asOf: string;
  confidence: 'high' | 'medium' | 'low';
  source: string;
}

/** Split simple CSV text (no quoted fields in these files) into rows of cells, header excluded. */
function rows(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split(','));
}

/** Keep a confidence value within the documented levels. */
function confidence(value: string): NationalTarget['confidence'] {
  if (value === 'high' || value === 'medium' || value === 'low') return value;
  throw new Error(`参考数据置信度无效：${value} / Invalid confidence in reference data: ${value}`);
}

/** The 31 provinces, in file order. */
export const PROVINCES: readonly ProvinceRef[] = rows(PROVINCES_CSV).map((c) => ({
  code: c[0],
  nameZh: c[1],
  nameEn: c[2],
  population10k: Number(c[3]),
  urbanizationPct: Number(c[4]),
  incomePc: Number(c[5]),
  consumptionPc: Number(c[6]),
  dibaoUrban: Number(c[7]),
  dibaoRural: Number(c[8]),
}));

/** All national reference figures, in file order (a metric may appear for several dates). */
export const NATIONAL_TARGETS: readonly NationalTarget[] = rows(NATIONAL_TARGETS_CSV).map((c) => ({
  metric: c[0],
  value: Number(c[1]),
  unit: c[2],
  asOf: c[3],
  confidence: confidence(c[4]),
  source: c.slice(5).join(','),
}));

/** The first (most recent listed) reference row for a metric; throws if the metric is unknown. */
export function nationalTarget(metric: string): NationalTarget {
  const row = NATIONAL_TARGETS.find((t) => t.metric === metric);
  if (!row) throw new Error(`未知参考指标：${metric} / Unknown reference metric: ${metric}`);
  return row;
}

/** The reference row of `metric` dated `asOf` (for series with several years, e.g. 2023 incomes). */
export function nationalTargetAsOf(metric: string, asOf: string): NationalTarget {
  const row = NATIONAL_TARGETS.find((t) => t.metric === metric && t.asOf === asOf);
  if (!row) throw new Error(`未知参考指标：${metric}（${asOf}） / Unknown reference metric: ${metric} (${asOf})`);
  return row;
}
