// The projection screen (being built).
import { useAppMessages } from '../../app/messages';

/** Screen placeholder until the feature lands. */
export function ProjectionScreen() {
  const m = useAppMessages();
  return <h2>{m.projection}</h2>;
}
