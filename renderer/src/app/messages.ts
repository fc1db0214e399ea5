// Words of the application frame: title, navigation, language switch.
import { defineMessages } from '../i18n/i18n.ts';

export const useAppMessages = defineMessages({
  zh: {
    title: '社会救助政策仿真工作台',
    subtitle: '低保 · 特困 · 低保边缘 · 刚性支出困难 · 临时救助 · 服务类救助',
    data: '数据',
    scenario: '方案',
    results: '结果',
    projection: '预测',
    compare: '比较',
    inverse: '反推与敏感性',
    household: '家庭案例',
    sql: 'SQL 查询',
    briefing: '简报导出',
    language: '语言',
    synthetic: '合成演示数据，非官方统计',
    navLabel: '主导航',
  },
  en: {
    title: 'Safety Net Workbench',
    subtitle: 'Dibao · Tekun · Marginal · Rigid expenditure · Temporary · Services',
    data: 'Data',
    scenario: 'Scenario',
    results: 'Results',
    projection: 'Projection',
    compare: 'Compare',
    inverse: 'Inverse & sensitivity',
    household: 'Household cases',
    sql: 'SQL console',
    briefing: 'Briefing & export',
    language: 'Language',
    synthetic: 'Synthetic demo data, not official statistics',
    navLabel: 'Main navigation',
  },
});
