// The household screen (being built).
import { useAppMessages } from '../../app/messages';

/** Screen placeholder until the feature lands. */
export function HouseholdScreen() {
  const m = useAppMessages();
  return <h2>{m.household}</h2>;
}
