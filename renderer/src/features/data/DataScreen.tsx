// The data screen (being built).
import { useAppMessages } from '../../app/messages';

/** Screen placeholder until the feature lands. */
export function DataScreen() {
  const m = useAppMessages();
  return <h2>{m.data}</h2>;
}
