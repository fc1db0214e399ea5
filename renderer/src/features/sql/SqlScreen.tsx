// The sql screen (being built).
import { useAppMessages } from '../../app/messages';

/** Screen placeholder until the feature lands. */
export function SqlScreen() {
  const m = useAppMessages();
  return <h2>{m.sql}</h2>;
}
