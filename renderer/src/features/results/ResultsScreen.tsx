// The results screen (being built).
import { useAppMessages } from '../../app/messages';

/** Screen placeholder until the feature lands. */
export function ResultsScreen() {
  const m = useAppMessages();
  return <h2>{m.results}</h2>;
}
