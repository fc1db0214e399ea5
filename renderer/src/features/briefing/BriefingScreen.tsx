// The briefing screen (being built).
import { useAppMessages } from '../../app/messages';

/** Screen placeholder until the feature lands. */
export function BriefingScreen() {
  const m = useAppMessages();
  return <h2>{m.briefing}</h2>;
}
