// The engine's view of a household extract: one typed array per column, one element per household (POLICY.md §6).
// The data layer fills these from Arrow columns without building row objects; the kernel reads them in a straight loop.

/** Household microdata as columns. Money is yuan per year; incomes and assets per capita unless named `Hh`. */
export interface HouseholdArrays {
  /** Number of households (length of every array). */
  count: number;
  /** Index of the household's region row in `RegionArrays` (the finest level the dataset has). */
  region: Uint32Array;
  /** AREA code: 0 urban, 1 rural. */
  area: Uint8Array;
  /** Household size (members), at least 1. */
  size: Uint8Array;
  /** Member counts (each at most `size`). */
  elderly: Uint8Array; // 60+
  children: Uint8Array; // under 18
  disabled: Uint8Array; // severely disabled
  ill: Uint8Array; // seriously ill
  ableToWork: Uint8Array;
  working: Uint8Array; // in work
  careFull: Uint8Array; // needs full care (cannot look after themselves)
  careHalf: Uint8Array; // needs half care
  /** Per-capita annual income (yuan/person/year), earnings included. */
  incomePc: Float64Array;
  /** Per-capita annual earnings from work (yuan/person/year). */
  earningsPc: Float64Array;
  /** Per-capita financial assets (yuan/person). */
  assetsPc: Float64Array;
  /** 1 if the household owns a non-exempt car. */
  car: Uint8Array;
  /** Number of homes owned. */
  homes: Uint8Array;
  /** Household annual out-of-pocket spending (yuan/year). */
  medicalHh: Float64Array;
  educationHh: Float64Array;
  rehabHh: Float64Array;
  /** PROGRAMME code of current (pre-simulation) status. */
  programme: Uint8Array;
  /** 1 if currently in the gradual-exit period. */
  gradualExit: Uint8Array;
  /** 1 if in the low-income monitoring platform (dataset flag). */
  monitored: Uint8Array;
  /** 1 if flagged as a tekun candidate ("three nos"). */
  tekunProfile: Uint8Array;
  /** 1 if locally registered (hukou). */
  localHukou: Uint8Array;
  /** Orphans: members under 18 with no living parent (recognised orphans), at most `children`. */
  orphans: Uint8Array;
  /** SUPPORT_TYPE code of the household's tekun persons and orphans: 0 unknown, 1 centralised, 2 dispersed. */
  supportType: Uint8Array;
  /** Survey weight: real households this row represents (> 0). */
  weight: Float64Array;
}

/** The column names of HouseholdArrays, for code that fills or copies them generically. */
export const HOUSEHOLD_ARRAY_KEYS = [
  'region',
  'area',
  'size',
  'elderly',
  'children',
  'disabled',
  'ill',
  'ableToWork',
  'working',
  'careFull',
  'careHalf',
  'incomePc',
  'earningsPc',
  'assetsPc',
  'car',
  'homes',
  'medicalHh',
  'educationHh',
  'rehabHh',
  'programme',
  'gradualExit',
  'monitored',
  'tekunProfile',
  'localHukou',
  'orphans',
  'supportType',
  'weight',
] as const satisfies readonly (keyof HouseholdArrays)[];
