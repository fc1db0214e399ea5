// The engine's view of the regions table: one entry per region code, with urban and rural parameters side by side.
// Arrays indexed by `cell = region * 2 + area` hold per-area values; the kernel looks parameters up by that index.

/** Regions (provinces, or a lower level whose first two digits are the province). */
export interface RegionArrays {
  /** Number of regions. */
  count: number;
  /** GB/T 2260 code (2-digit province, 4-digit prefecture or 6-digit county). */
  code: string[];
  /** Index of the region's province in `provinceCodes` (equal to the region index at province level). */
  province: Uint16Array;
  /** Distinct two-digit province codes, sorted. */
  provinceCodes: string[];
  nameZh: string[];
  nameEn: string[];
  /** Per cell (region*2+area): resident population, persons. */
  population: Float64Array;
  /** Per cell: current dibao standard, yuan/person/month. */
  standard: Float64Array;
  /** Per cell: previous-year per-capita disposable income, yuan/person/year. */
  incomePrev: Float64Array;
  /** Per cell: previous-year per-capita consumption expenditure, yuan/person/year. */
  consumptionPrev: Float64Array;
  /** Per cell: monthly minimum wage, yuan/month. */
  minWage: Float64Array;
  /** Per region: central-government share of assistance cost, 0..1. */
  centralShare: Float64Array;
}
