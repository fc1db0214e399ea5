// Which component draws each screen: the one place a new screen is registered.
import type { ComponentType } from 'react';
import type { ScreenId } from '../store/ui-store';
import { DataScreen } from '../features/data/DataScreen';
import { ScenarioScreen } from '../features/scenario/ScenarioScreen';
import { ResultsScreen } from '../features/results/ResultsScreen';
import { ProjectionScreen } from '../features/projection/ProjectionScreen';
import { CompareScreen } from '../features/compare/CompareScreen';
import { InverseScreen } from '../features/inverse/InverseScreen';
import { HouseholdScreen } from '../features/household/HouseholdScreen';
import { SqlScreen } from '../features/sql/SqlScreen';
import { BriefingScreen } from '../features/briefing/BriefingScreen';

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
