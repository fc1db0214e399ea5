// Which component draws each screen: the one place a new screen is registered. The first screen (Data) is in the
// main bundle; the others are loaded on first visit or by `preloadScreens` once the demo is up (their code, ECharts
// and ExcelJS are not parsed before the first screen shows).
import { lazy, type ComponentType } from 'react';
import type { ScreenId } from '../store/ui-store.ts';
import { DataScreen } from '../features/data/DataScreen.tsx';

type LazyScreen = () => Promise<{ default: ComponentType }>;

const LOADERS: Record<Exclude<ScreenId, 'data'>, LazyScreen> = {
  scenario: () => import('../features/scenario/ScenarioScreen.tsx').then((m) => ({ default: m.ScenarioScreen })),
  results: () => import('../features/results/ResultsScreen.tsx').then((m) => ({ default: m.ResultsScreen })),
  projection: () =>
    import('../features/projection/ProjectionScreen.tsx').then((m) => ({ default: m.ProjectionScreen })),
  compare: () => import('../features/compare/CompareScreen.tsx').then((m) => ({ default: m.CompareScreen })),
  inverse: () => import('../features/inverse/InverseScreen.tsx').then((m) => ({ default: m.InverseScreen })),
  household: () => import('../features/household/HouseholdScreen.tsx').then((m) => ({ default: m.HouseholdScreen })),
  sql: () => import('../features/sql/SqlScreen.tsx').then((m) => ({ default: m.SqlScreen })),
  briefing: () => import('../features/briefing/BriefingScreen.tsx').then((m) => ({ default: m.BriefingScreen })),
};

export const SCREEN_COMPONENTS: Record<ScreenId, ComponentType> = {
  data: DataScreen,
  ...(Object.fromEntries(Object.entries(LOADERS).map(([id, load]) => [id, lazy(load)])) as unknown as Record<
    keyof typeof LOADERS,
    ComponentType
  >),
};

/** Loads the other screens' code in the background (a module is fetched and evaluated once). */
export function preloadScreens(): void {
  for (const load of Object.values(LOADERS)) void load().catch(() => undefined);
}
