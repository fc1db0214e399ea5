// The scenario screen (being built).
import { useAppMessages } from '../../app/messages';

/** Screen placeholder until the feature lands. */
export function ScenarioScreen() {
  const m = useAppMessages();
  return <h2>{m.scenario}</h2>;
}
