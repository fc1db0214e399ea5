// The compare screen (being built).
import { useAppMessages } from '../../app/messages';

/** Screen placeholder until the feature lands. */
export function CompareScreen() {
  const m = useAppMessages();
  return <h2>{m.compare}</h2>;
}
