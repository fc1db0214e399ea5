// The inverse screen (being built).
import { useAppMessages } from '../../app/messages';

/** Screen placeholder until the feature lands. */
export function InverseScreen() {
  const m = useAppMessages();
  return <h2>{m.inverse}</h2>;
}
