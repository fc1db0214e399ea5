// Public surface of the data layer (schema, import, formats, generator, reference data, cases): other layers import
// datasets/ from here only (lint-enforced; see datasets/SCHEMA.md). Environment-free like everything in datasets/.

// Table schema and bilingual labels
export type { Bilingual, ColumnDef, TableDef } from './schema.ts';
export { HOUSEHOLDS, PROGRAMME_CODES, REGIONS, SUPPORT_TYPE_CODES, columnDef } from './schema.ts';

// Import: files, mappings, validation, DuckDB (one port for DuckDB-wasm and native DuckDB)
export type { FileFormat, LoadedTable } from './import/read-file.ts';
export { loadFile } from './import/read-file.ts';
export type { ColumnMapping } from './import/mapping.ts';
export {
  MappingSchema,
  findMapping,
  identityMapping,
  makeMapping,
  mappingDrift,
  parseMapping,
  suggestCodes,
  suggestColumns,
} from './import/mapping.ts';
export type { DatasetSources, ValidationReport } from './import/validate.ts';
export { buildCanonicalTables, validateDataset } from './import/validate.ts';
export type { DataIssue } from './import/issues.ts';
export { spreadsheetRows } from './import/issues.ts';
export type {
  DatasetFileInput,
  DatasetTable,
  EngineArrays,
  ImportProgress,
  ImportedDataset,
} from './import/import-dataset.ts';
export { completeImport, importDataset, mappingFor } from './import/import-dataset.ts';
export type { DuckDbPort } from './import/duckdb-port.ts';
export { dropRelation, exec, ident, literal, rowsOf } from './import/duckdb-port.ts';
export { insertArrowTable } from './import/arrow-insert.ts';
export { identifierIssue, identifierKindByValues } from './import/identifiers.ts';
export {
  handOff,
  householdArrays,
  householdArraysFromArrow,
  regionArrays,
  householdResultColumns,
  writeResultTable,
} from './import/handoff.ts';
export type { DemoCache } from './import/demo-cache.ts';
export {
  DEMO_CACHE_FILE,
  buildDemoCache,
  decodeRegions,
  demoCacheForRules,
  matchingDemoCache,
  weightedTotals,
} from './import/demo-cache.ts';

// Pieces of the import the CLI's native (large-file) reader shares with the app's import
export type { DemoKnobs } from './generate/generate.ts';
export { assertArrowLayout } from './import/arrow-insert.ts';
export { describeTable } from './import/duckdb-port.ts';
export { csvHeaderFields } from './import/headers.ts';
export { scanIdentifiers } from './import/identifiers.ts';
export type { DatasetFileReader, ImportResult } from './import/import-dataset.ts';
export type { DataResult } from './import/issues.ts';
export {
  MAX_CSV_LINE_BYTES,
  csvAsUtf8,
  csvEncodingIssue,
  csvShapeIssue,
  detectFormat,
  fileIssue,
  headerCollisionIssue,
  reason,
  unreadableIssue,
  unsupportedArrowTypes,
} from './import/read-file.ts';

// Result formats: one column schema, CSP-safe Arrow vectors
export type { ResultColumn } from './formats/result-columns.ts';
export { metricColumn, summaryColumnType, summaryColumns } from './formats/result-columns.ts';
export { boolVector, columnVector, float64Vector, utf8Vector } from './formats/arrow-vectors.ts';

// Demo generator
export type { DemoData } from './generate/generate.ts';
export {
  DEMO_HOUSEHOLDS,
  DEMO_SEED,
  MAX_GENERATED_HOUSEHOLDS,
  generateDemo,
  minimumHouseholds,
} from './generate/generate.ts';
export { MAX_DEMO_PREFECTURES, buildDemoRegions } from './generate/demo-regions.ts';
export { demoRegionsToArrays, demoToEngineArrays } from './generate/engine-arrays.ts';
export { demoToArrow, tableBytes } from './generate/to-arrow.ts';

// Reference figures, calibration and model validation
export { PROVINCES, nationalTarget } from './reference/reference-data.ts';
export { sourceText } from './reference/source-text.ts';
export type { CalibrationRow } from './calibration.ts';
export { CALIBRATION_CHECKS, calibrationTable, unitScale } from './calibration.ts';
export type { ModelValidationReport } from './model-validation.ts';
export {
  incomeChecks,
  modelValidationMarkdown,
  modelValidationReport,
  standardChangeValues,
} from './model-validation.ts';

// Household case presets
export type { CaseHappened, CaseHousehold, CasePreset } from './cases/cases.ts';
export { CASE_PRESETS, caseHouseholdSchema, checkConsistency } from './cases/cases.ts';
export type { RecordError } from './cases/case-record.ts';
export { caseRecord, demoRegionArrays } from './cases/case-record.ts';

// File limits, CSV cells and provenance
export { MAX_MAPPING_FILE_BYTES, MAX_SCENARIO_FILE_BYTES, withoutBom } from './file-limits.ts';
export { csvTextField } from './csv-cell.ts';
export type { FileHash, Provenance } from './provenance.ts';
export { canonicalJson, sha256Hex } from './provenance.ts';
