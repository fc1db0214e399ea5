// Words of the shared UI components (tables, numeric fields, headline cards), Chinese first.
import { defineMessages } from '../i18n/i18n.ts';

export const useComponentMessages = defineMessages({
  zh: {
    suppressedMark: '▪',
    suppressionNote:
      '小样本抑制：依据披露控制规则，基于少于 {n} 个未加权样本户的单元格不予显示，可由加减推算出它们的单元格也不予显示（以 ▪ 标示）。',
    suppressionCount: '本表抑制了 {count} 个单元格。',
    suppressedTitle: '已抑制：样本户少于 {n} 户，或可据以推算这类单元格',
    sortAscending: '升序',
    sortDescending: '降序',
    noRows: '无数据',
    belowMin: '不得小于 {min}',
    aboveMax: '不得大于 {max}',
    notNumber: '请输入数字',
    rangeHint: '范围 {min} – {max}',
    changeVsBaseline: '较基线',
    noChange: '无变化',
    datasetLoading: '正在载入数据集“{name}”，载入完成后自动显示结果……',
  },
  en: {
    suppressedMark: '▪',
    suppressionNote:
      'Small-cell suppression: under the disclosure-control rule, cells resting on fewer than {n} unweighted sample households are not shown, nor are cells from which they could be recomputed by addition or subtraction (marked ▪).',
    suppressionCount: '{count} cells suppressed in this table.',
    suppressedTitle: 'Suppressed: fewer than {n} sample households, or would give such a cell away',
    sortAscending: 'ascending',
    sortDescending: 'descending',
    noRows: 'No data',
    belowMin: 'Must be at least {min}',
    aboveMax: 'Must be at most {max}',
    notNumber: 'Enter a number',
    rangeHint: 'Range {min} – {max}',
    changeVsBaseline: 'vs baseline',
    noChange: 'no change',
    datasetLoading: 'Loading the dataset “{name}”; results appear as soon as it is ready…',
  },
});
