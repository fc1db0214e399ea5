// A drop-down of the workspace's scenarios by name, for screens that start from or compare against one of them.
import { useWorkspaceStore } from '../store/workspace-store.ts';

export interface ScenarioSelectProps {
  /** Element id, for the label's htmlFor. */
  id: string;
  /** Id of the chosen scenario. */
  value: string;
  onChange: (scenarioId: string) => void;
  testId?: string;
}

/** Picks one of the saved scenarios (the baseline included). */
export function ScenarioSelect({ id, value, onChange, testId }: ScenarioSelectProps) {
  const scenarios = useWorkspaceStore((s) => s.scenarios);
  return (
    <select id={id} value={value} data-testid={testId} onChange={(event) => onChange(event.target.value)}>
      {scenarios.map((scenario) => (
        <option key={scenario.id} value={scenario.id}>
          {scenario.name}
        </option>
      ))}
    </select>
  );
}
