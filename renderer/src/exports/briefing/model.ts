// What a briefing is made of: the engine's results for one or more scenarios against the baseline, an optional
// projection panel, household case studies with their traces, parameter changes, dataset facts and provenance.
import type { Language } from '../../i18n/i18n.ts';
import type { SummaryTable, HouseholdTrace, RunScope } from '../../../../sim/index.ts';
import type { ParameterRow } from '../parameters.ts';
import type { Provenance } from '../provenance.ts';
import type { ProjectionMcResult } from '../../services/engine/engine-calls.ts';
import type { Text } from '../text.ts';
import type { Bilingual } from '../../i18n/i18n.ts';

/** The summary tables of one scenario-year (the shape the engine client returns per side). */
export interface BriefingLevels {
  national: SummaryTable;
  province: SummaryTable;
}

/** One scenario against the baseline for one year: baseline, scenario, and scenario − baseline from the engine. */
export interface BriefingComparison {
  scenarioName: string;
  year: number;
  /** The line poverty is measured against (`povertyLineText` of the scenario); default: the baseline standards. */
  povertyLine?: Bilingual;
  baseline: BriefingLevels;
  scenario: BriefingLevels;
  delta: BriefingLevels;
}

/** One scenario's projection panel (national table per year). */
export interface BriefingProjection {
  scenarioName: string;
  years: number[];
  national: SummaryTable[];
  /** Province tables per year (needed when the projection is read for one province). */
  province?: SummaryTable[];
  /** Per row of the province tables: 1 where the sample is too small to read year-to-year changes. */
  thin?: Uint8Array;
}

/** The Monte Carlo interval the user computed on the Projection screen for one scenario (the engine's result). */
export type BriefingInterval = ProjectionMcResult;

/** Where the projection is read: the nation, or one province (one area), with its name (sim/run/scope.ts). */
export interface BriefingProjectionScope {
  scope: RunScope;
  name: Text;
}

/** A household case study: its title (e.g. the preset's name) and its trace under baseline and reform. */
export interface BriefingCase {
  title: Text;
  description?: Text;
  trace: HouseholdTrace;
  /** True when the trace is the case as it happened (the review's events and approved amounts), not expected value. */
  happened?: boolean;
  /** Charity and other non-government aid the review reports: shown, never counted as government cost. */
  nonGovernment?: { label: Text; yuan: number }[];
}

/** Sections a briefing can hold, in the order they print. */
export const BRIEFING_SECTIONS = [
  'summary',
  'headline',
  'charts',
  'provinces',
  'projection',
  'cases',
  'parameters',
  'methods',
  'provenance',
] as const;
export type BriefingSectionId = (typeof BRIEFING_SECTIONS)[number];

/** Section titles, numbered in print order. */
export const SECTION_TITLES: Record<BriefingSectionId, Text> = {
  summary: { zh: '摘要', en: 'Summary' },
  headline: { zh: '主要指标', en: 'Headline indicators' },
  charts: { zh: '主要图表', en: 'Main charts' },
  provinces: { zh: '分省结果', en: 'Results by province' },
  projection: { zh: '多年预测', en: 'Projection' },
  cases: { zh: '家庭案例', en: 'Household case studies' },
  parameters: { zh: '相对基线的参数变化', en: 'Parameter changes against the baseline' },
  methods: { zh: '方法说明', en: 'Methods' },
  provenance: { zh: '来源与可复现信息', en: 'Provenance' },
};

/** Facts about the dataset, stated in the methods note. */
export interface BriefingDataset {
  name: string;
  synthetic: boolean;
  rows?: number;
  weightedHouseholds?: number;
  weightedPopulation?: number;
}

/** Everything the briefing generator needs. */
export interface BriefingInput {
  language: Language;
  /** Title chosen by the user; a default naming the scenario is used when empty. */
  title?: string;
  date: Date;
  comparisons: BriefingComparison[];
  projection?: BriefingProjection[];
  /** The projection's scope (national when absent). */
  projectionScope?: BriefingProjectionScope;
  /** The interval computed on the Projection screen for these inputs; absent when none was computed. */
  projectionInterval?: BriefingInterval;
  cases: BriefingCase[];
  parameters: ParameterRow[];
  dataset: BriefingDataset;
  provenance: Provenance;
  sections: readonly BriefingSectionId[];
}
