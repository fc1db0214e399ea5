// Which component draws each screen: the one place a new screen is registered.
import type { ComponentType } from 'react';
import type { ScreenId } from '../store/ui-store.ts';
import { DataScreen } from '../features/data/DataScreen.tsx';
import { ScenarioScreen } from '../features/scenario/ScenarioScreen.tsx';
import { ResultsScreen } from '../features/results/ResultsScreen.tsx';
import { ProjectionScreen } from '../features/projection/ProjectionScreen.tsx';
import { CompareScreen } from '../features/compare/CompareScreen.tsx';
import { InverseScreen } from '../features/inverse/InverseScreen.tsx';
import { HouseholdScreen } from '../features/household/HouseholdScreen.tsx';
import { SqlScreen } from '../features/sql/SqlScreen.tsx';
import { BriefingScreen } from '../features/briefing/BriefingScreen.tsx';

export const SCREEN_COMPONENTS: Record<ScreenId, ComponentType> = {
  data: DataScreen,
  scenario: ScenarioScreen,
  results: ResultsScreen,
  projection: ProjectionScreen,
  compare: CompareScreen,
  inverse: InverseScreen,
  household: HouseholdScreen,
  sql: SqlScreen,
  briefing: BriefingScreen,
};
