// The SQL console's persisted state: query history (newest first, de-duplicated) and the editor's current text.
import { create } from 'zustand';

/** Most queries kept in the history. */
export const SQL_HISTORY_LIMIT = 50;

/** One query run from the console. */
export interface SqlHistoryEntry {
  sql: string;
  at: string;
  rows?: number;
  ms?: number;
  failed?: boolean;
}

export interface SqlState {
  text: string;
  history: SqlHistoryEntry[];
  setText: (text: string) => void;
  /** Records a run at the top of the history (an identical earlier query is moved up, not repeated). */
  record: (entry: SqlHistoryEntry) => void;
  clearHistory: () => void;
  restore: (history: SqlHistoryEntry[]) => void;
}

/** Adds an entry to a history list: newest first, duplicates removed, bounded. */
export function addToHistory(history: readonly SqlHistoryEntry[], entry: SqlHistoryEntry): SqlHistoryEntry[] {
  const sql = entry.sql.trim();
  return [{ ...entry, sql }, ...history.filter((h) => h.sql.trim() !== sql)].slice(0, SQL_HISTORY_LIMIT);
}

export const useSqlStore = create<SqlState>((set) => ({
  text: '',
  history: [],
  setText: (text) => set({ text }),
  record: (entry) => set((state) => ({ history: addToHistory(state.history, entry) })),
  clearHistory: () => set({ history: [] }),
  restore: (history) => set({ history: history.slice(0, SQL_HISTORY_LIMIT) }),
}));
