// Set-up of the 'renderer-dom' test project, whose files share one module graph and one jsdom per worker (starting
// both for each of them cost more CPU than their tests): run before each file is imported, so each starts as it would
// alone, with every store at its initial state and empty web storage, and leaves no rendered component behind.
import { afterAll } from 'vitest';
import { cleanup } from '@testing-library/react';
import type { StoreApi } from 'zustand';
import { useSqlTablesStore } from '../services/duckdb/duckdb-client.ts';
import { useInverseStore } from '../features/inverse/inverse-store.ts';
import { useProjectionStore } from '../features/projection/projection-store.ts';
import { useHouseholdStore } from '../features/household/household-store.ts';
import { useBriefingStore } from '../features/briefing/briefing-store.ts';
import { useResultsStore } from '../store/results-store.ts';
import { useEngineStore } from '../store/engine-store.ts';
import { useSqlStore } from '../store/sql-store.ts';
import { useUiStore } from '../store/ui-store.ts';
import { useDataStore } from '../store/data-store.ts';
import { useWorkspaceStore } from '../store/workspace-store.ts';
import { useNoticeStore } from '../store/notice-store.ts';

/** Every Zustand store of the renderer (tests/integration/renderer-fresh-stores.test.ts keeps this list complete). */
export const RENDERER_STORES: readonly Pick<StoreApi<unknown>, 'setState' | 'getInitialState'>[] = [
  useSqlTablesStore,
  useInverseStore,
  useProjectionStore,
  useHouseholdStore,
  useBriefingStore,
  useResultsStore,
  useEngineStore,
  useSqlStore,
  useUiStore,
  useDataStore,
  useWorkspaceStore,
  useNoticeStore,
];

for (const store of RENDERER_STORES) store.setState(store.getInitialState(), true);
localStorage.clear();
sessionStorage.clear();

afterAll(cleanup);
