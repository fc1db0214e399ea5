// Words of the SQL console, Chinese first.
import { defineMessages } from '../../i18n/i18n.ts';

export const useSqlMessages = defineMessages({
  zh: {
    title: 'SQL 查询',
    intro: '用 DuckDB SQL 查询数据集与结果表。Ctrl+Enter 运行。',
    run: '运行',
    cancel: '取消',
    running: '运行中…',
    examples: '示例查询',
    chooseExample: '选择示例…',
    history: '查询历史',
    clearHistory: '清空',
    noHistory: '尚无查询',
    tables: '表',
    columns: '{count} 列',
    writtenOnUse: '查询时写入',
    writtenOnUseTitle: '当前方案的逐户结果，在查询首次用到时写入',
    updatingResults: '正在把当前方案与基线的逐户结果写入 results_baseline、results_scenario…',
    noTables: 'DuckDB 尚未载入数据',
    exportCsv: '导出结果 CSV',
    exportNote: '导出当前查询结果为 CSV（UTF-8，Excel 可直接打开）；SQL 结果未经披露控制，对外提供前请核查。',
    exported: '已导出：{name}',
    rows: '{rows} 行 · {cols} 列 · {ms} 毫秒',
    errorPrefix: '查询出错',
    empty: '查询未返回行',
    failed: '失败',
    editorLabel: 'SQL 语句',
    loadingDb: '正在启动 DuckDB 并载入数据表，SQL 稍后可用；引擎结果已可在其他页面查看…',
    synthetic: '合成演示数据，非官方统计',
  },
  en: {
    title: 'SQL console',
    intro: 'Query the dataset and result tables with DuckDB SQL. Ctrl+Enter runs.',
    run: 'Run',
    cancel: 'Cancel',
    running: 'Running…',
    examples: 'Example queries',
    chooseExample: 'Choose an example…',
    history: 'History',
    clearHistory: 'Clear',
    noHistory: 'No queries yet',
    tables: 'Tables',
    columns: '{count} columns',
    writtenOnUse: 'written when queried',
    writtenOnUseTitle: "The current scenario's per-household results, written when a query first uses them",
    updatingResults:
      'Writing per-household results of the scenario and baseline to results_baseline, results_scenario…',
    noTables: 'DuckDB holds no data yet',
    exportCsv: 'Export result as CSV',
    exportNote:
      'Exports the current query result as CSV (UTF-8, opens in Excel); SQL results are not subject to disclosure control, so check before sharing.',
    exported: 'Exported: {name}',
    rows: '{rows} rows · {cols} columns · {ms} ms',
    errorPrefix: 'Query failed',
    empty: 'The query returned no rows',
    failed: 'failed',
    editorLabel: 'SQL statement',
    loadingDb:
      'Starting DuckDB and loading the dataset tables; SQL will be available shortly (the engine results are already on the other screens)…',
    synthetic: 'Synthetic demo data, not official statistics',
  },
});

/** Example queries over the canonical tables (households, regions) and the result tables. */
export const SQL_EXAMPLES: readonly { zh: string; en: string; sql: string }[] = [
  {
    zh: '各省样本户、加权户数与人口',
    en: 'Sample, weighted households and persons by province',
    sql: `SELECT substr(region_code, 1, 2) AS province,
       count(*) AS sample_households,
       round(sum(weight)) AS households,
       round(sum(weight * size)) AS persons
FROM households
GROUP BY province
ORDER BY persons DESC;`,
  },
  {
    zh: '当前低保与特困人数（按城乡）',
    en: 'Current dibao and tekun persons by area',
    sql: `SELECT CASE area WHEN 0 THEN '城镇 urban' ELSE '农村 rural' END AS area,
       round(sum(weight * size) FILTER (WHERE programme = 1)) AS dibao_persons,
       round(sum(weight * size) FILTER (WHERE programme = 2)) AS tekun_persons
FROM households
GROUP BY ALL
ORDER BY area;`,
  },
  {
    zh: '各地低保标准占上年消费支出的比例',
    en: 'Dibao standard as a share of previous-year consumption',
    sql: `SELECT region_code, name_zh, name_en,
       CASE area WHEN 0 THEN 'urban' ELSE 'rural' END AS area,
       dibao_standard,
       round(dibao_standard * 12 / consumption_prev_pc, 3) AS share_of_consumption
FROM regions
ORDER BY share_of_consumption;`,
  },
  {
    zh: '方案与基线：各省现金救助人数与支出变化',
    en: 'Scenario vs baseline: change in cash-assistance persons and cost by province',
    sql: `SELECT substr(s.region_code, 1, 2) AS province,
       round(sum(s.weight * s.size * s.enrol) FILTER (WHERE s.status IN (1, 2))
           - sum(b.weight * b.size * b.enrol) FILTER (WHERE b.status IN (1, 2))) AS delta_persons,
       round(sum(s.weight * s.benefit_total) - sum(b.weight * b.benefit_total)) AS delta_cost_yuan
FROM results_scenario s
JOIN results_baseline b USING (household_id)
GROUP BY province
ORDER BY delta_cost_yuan DESC;`,
  },
  {
    zh: '列出所有表及行数',
    en: 'All tables and their row counts',
    sql: `SELECT table_name, estimated_size AS rows, column_count
FROM duckdb_tables()
ORDER BY table_name;`,
  },
];
