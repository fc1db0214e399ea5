// Data-layer state the Data screen shows: validation reports per dataset, saved column mappings, and the import
// session in progress (files read, mapping being edited, report, acknowledgement of warnings).
import { create } from 'zustand';
import type { DataIssue, ColumnMapping, ValidationReport } from '../../../datasets/index.ts';

/** One file of an import session, read into a raw DuckDB table. */
export interface ImportFile {
  fileName: string;
  bytes: number;
  sha256: string;
  /** Raw DuckDB table holding its rows. */
  table: string;
  rows: number;
  columns: { name: string; type: string }[];
  /** Which canonical table this file feeds (guessed from its columns; the user can change it). */
  target: 'households' | 'regions';
  mapping: ColumnMapping;
  /** True when the mapping was found among the saved mappings (same column signature). */
  reused: boolean;
  /**
   * Set when a saved mapping was made for an earlier version of this file (columns changed): its choices were kept for
   * the columns still present, and validation waits until the user confirms the mapping (`confirmed`).
   */
  drift?: { missing: string[]; added: string[]; confirmed?: boolean };
  /** Distinct values of source columns mapped to category/bool columns (for code mapping), by canonical column. */
  distinct: Record<string, string[]>;
  synthetic: boolean;
}

/** The import in progress. */
export interface ImportSession {
  id: string;
  step: 'reading' | 'mapping' | 'validating' | 'report' | 'loading' | 'failed';
  files: ImportFile[];
  /** Issues that stopped reading (identifier columns, unreadable files): nothing was kept. */
  refused: DataIssue[];
  report: ValidationReport | null;
  /** The user saw the warnings and chose to continue. */
  warningsAccepted: boolean;
  /** True when no regions file was given and the built-in provincial regions are used. */
  builtInRegions: boolean;
  progress: { phase: string; rows?: number } | null;
  /** Files whose name matches a dataset of a previous session but whose SHA-256 differs (modified since). */
  modified: { fileName: string; before: string; after: string }[];
  /** Milliseconds of the steps done so far (read, validate), for reporting. */
  timings: Record<string, number>;
}

export interface DataState {
  /** Validation report of each loaded dataset (by id). */
  reports: Record<string, ValidationReport>;
  /** Saved mappings (persisted as the host document `mappings`). */
  mappings: ColumnMapping[];
  session: ImportSession | null;
  /** True while results_baseline / results_scenario are being rewritten in DuckDB. */
  resultTablesUpdating: boolean;
  setReport: (datasetId: string, report: ValidationReport) => void;
  saveMapping: (mapping: ColumnMapping) => void;
  restoreMappings: (mappings: ColumnMapping[]) => void;
  setSession: (session: ImportSession | null) => void;
  patchSession: (patch: Partial<ImportSession>) => void;
  /** Replaces the mapping of one session file. */
  setFileMapping: (fileName: string, mapping: ColumnMapping) => void;
  setFileTarget: (fileName: string, target: 'households' | 'regions', mapping: ColumnMapping) => void;
}

export const useDataStore = create<DataState>((set) => ({
  reports: {},
  mappings: [],
  session: null,
  resultTablesUpdating: false,
  setReport: (datasetId, report) => set((state) => ({ reports: { ...state.reports, [datasetId]: report } })),
  saveMapping: (mapping) =>
    set((state) => ({
      mappings: [
        mapping,
        ...state.mappings.filter((m) => !(m.signature === mapping.signature && m.table === mapping.table)),
      ].slice(0, 100),
    })),
  restoreMappings: (mappings) => set({ mappings }),
  setSession: (session) => set({ session }),
  patchSession: (patch) => set((state) => (state.session ? { session: { ...state.session, ...patch } } : state)),
  setFileMapping: (fileName, mapping) =>
    set((state) =>
      state.session
        ? {
            session: {
              ...state.session,
              report: null,
              warningsAccepted: false,
              files: state.session.files.map((f) => (f.fileName === fileName ? { ...f, mapping } : f)),
            },
          }
        : state,
    ),
  setFileTarget: (fileName, target, mapping) =>
    set((state) =>
      state.session
        ? {
            session: {
              ...state.session,
              report: null,
              warningsAccepted: false,
              files: state.session.files.map((f) => (f.fileName === fileName ? { ...f, target, mapping } : f)),
            },
          }
        : state,
    ),
}));
