// The notice a screen shows when it has no dataset to work on: while a dataset is still loading (the demo at start,
// an import being handed to the engine) it says so, rather than telling the user that nothing is loaded.
import { useWorkspaceStore, selectLoadingDataset } from '../store/workspace-store.ts';
import { fill } from '../i18n/i18n.ts';
import { useComponentMessages } from './messages.ts';

/** "Loading …" while a dataset loads, else the screen's own "no dataset" message. */
export function NoDatasetNotice({ message }: { message: string }) {
  const loading = useWorkspaceStore(selectLoadingDataset);
  const m = useComponentMessages();
  if (loading) {
    return (
      <p data-testid="dataset-loading" aria-live="polite">
        {fill(m.datasetLoading, { name: loading.name })}
      </p>
    );
  }
  return <p data-testid="no-dataset">{message}</p>;
}
