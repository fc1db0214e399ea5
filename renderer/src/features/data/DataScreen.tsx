// The Data screen: datasets loaded (the synthetic demo first, labelled as such), their size, weighted households and
// population, file hashes and load time; the import flow for the user's own files (button and drag-and-drop); the
// validation report; the calibration table of the simulated baseline against the public national figures.
import { useState, type DragEvent } from 'react';
import { fill, pick } from '../../i18n/i18n.ts';
import { formatValue } from '../../format/units.ts';
import { useUiStore } from '../../store/ui-store.ts';
import { useDataStore } from '../../store/data-store.ts';
import { useWorkspaceStore, type DatasetSummary } from '../../store/workspace-store.ts';
import { importFiles, loadDemo, openDatasetFiles, DEMO_DATASET_ID } from '../../services/data/dataset-service.ts';
import { readFiles } from '../../services/host/browser-host.ts';
import { useDataMessages } from './data-messages.ts';
import { ImportPanel } from './ImportPanel.tsx';
import { DatasetReport } from './ValidationReportView.tsx';
import { CalibrationTable } from './CalibrationTable.tsx';
import { ModelValidationPanel } from './ModelValidationPanel.tsx';
import './data.css';

/** File size in KB or MB (byte counts are not a policy quantity; no unit formatter applies). */
function fileSize(bytes: number): string {
  return bytes < 1e6 ? `${(bytes / 1e3).toFixed(1)} KB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

function StatusCell({ dataset }: { dataset: DatasetSummary }) {
  const m = useDataMessages();
  const language = useUiStore((s) => s.language);
  if (dataset.status === 'loading') {
    const phase = dataset.progress ? m[`phase_${dataset.progress.phase}`] : m.statusLoading;
    const rows = dataset.progress?.rows;
    return (
      <span className="status loading">
        <span className="spinner" aria-hidden="true" />
        {phase}
        {rows !== undefined ? ` · ${fill(m.rowsSoFar, { rows: rows.toLocaleString() })}` : ''}
      </span>
    );
  }
  if (dataset.status === 'error') {
    return <span className="status bad">{dataset.error ? pick(dataset.error, language) : m.statusError}</span>;
  }
  if (dataset.status === 'reopen-needed') {
    return <span className="status muted">{dataset.source === 'demo' ? m.statusIdle : m.statusReopen}</span>;
  }
  return <span className="status good">{m.statusReady}</span>;
}

/** The Data screen. */
export function DataScreen() {
  const m = useDataMessages();
  const language = useUiStore((s) => s.language);
  const datasets = useWorkspaceStore((s) => s.datasets);
  const activeId = useWorkspaceStore((s) => s.activeDatasetId);
  const reports = useDataStore((s) => s.reports);
  const [dragging, setDragging] = useState(false);
  const active = datasets.find((d) => d.id === activeId) ?? null;
  const ordered = [...datasets].sort((a, b) => (a.id === DEMO_DATASET_ID ? -1 : b.id === DEMO_DATASET_ID ? 1 : 0));

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0) void readFiles(files).then(importFiles);
  };

  return (
    <div className="data-screen">
      <div className="toolbar">
        <h2>{m.title}</h2>
        {active?.synthetic ? <span className="badge synthetic">{m.synthetic}</span> : null}
        <span className="muted">{m.intro}</span>
      </div>
      {active?.synthetic ? (
        <p className="warning-box synthetic-note" data-testid="synthetic-note">
          {m.syntheticNote}
        </p>
      ) : null}
      <div
        className={`drop-zone${dragging ? ' dragging' : ''}`}
        data-testid="data-dropzone"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <button type="button" className="primary" data-testid="data-open" onClick={() => void openDatasetFiles()}>
          {m.open}
        </button>
        <span className="muted">{m.drop}</span>
      </div>
      <ImportPanel />
      <section className="panel">
        <h3>{m.datasets}</h3>
        {ordered.length === 0 ? (
          <p className="muted">{m.noDataset}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table dataset-table" data-testid="dataset-list">
              <thead>
                <tr>
                  <th>{m.name}</th>
                  <th>{m.status}</th>
                  <th>{m.rows}</th>
                  <th>{m.weightedHouseholds}</th>
                  <th>{m.weightedPopulation}</th>
                  <th>{m.loadTime}</th>
                  <th className="files">{m.files}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {ordered.map((dataset) => (
                  <tr
                    key={dataset.id}
                    className={dataset.id === activeId ? 'active' : ''}
                    data-testid={`dataset-${dataset.id}`}
                    data-status={dataset.status}
                    data-rows={dataset.rows ?? ''}
                    data-load-ms={dataset.loadMs ?? ''}
                  >
                    <td>
                      {dataset.id === DEMO_DATASET_ID
                        ? language === 'zh'
                          ? '合成演示数据'
                          : 'Synthetic demo'
                        : dataset.name}{' '}
                      {dataset.synthetic ? <span className="badge synthetic">{m.synthetic}</span> : null}
                    </td>
                    <td>
                      <StatusCell dataset={dataset} />
                    </td>
                    <td>{dataset.rows !== undefined ? dataset.rows.toLocaleString() : '—'}</td>
                    <td>
                      {dataset.weightedHouseholds !== undefined
                        ? formatValue(dataset.weightedHouseholds, 'households', language)
                        : '—'}
                    </td>
                    <td>
                      {dataset.weightedPopulation !== undefined
                        ? formatValue(dataset.weightedPopulation, 'persons', language)
                        : '—'}
                    </td>
                    <td>{dataset.loadMs !== undefined ? `${(dataset.loadMs / 1000).toFixed(2)} s` : '—'}</td>
                    <td className="files">
                      {dataset.files.map((file) => (
                        <div key={file.name} title={file.sha256}>
                          {file.name} · {fileSize(file.bytes)} · <code>{file.sha256.slice(0, 12)}…</code>
                        </div>
                      ))}
                    </td>
                    <td>
                      {dataset.id === activeId && dataset.status === 'ready' ? (
                        <span className="badge">{m.active}</span>
                      ) : dataset.id === DEMO_DATASET_ID && dataset.status !== 'loading' ? (
                        <button type="button" data-testid="dataset-reload-demo" onClick={() => void loadDemo()}>
                          {m.reload}
                        </button>
                      ) : dataset.status === 'reopen-needed' ? (
                        <button type="button" onClick={() => void openDatasetFiles()}>
                          {m.open}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <div className="data-grid">
        <section className="panel">
          <h3>{m.report}</h3>
          {active ? <DatasetReport report={reports[active.id]} /> : <p className="muted">{m.noDataset}</p>}
        </section>
        <section className="panel">
          <h3>{m.calibration}</h3>
          <p className="muted">{active && !active.synthetic ? m.calibrationNoteUser : m.calibrationNote}</p>
          <CalibrationTable />
        </section>
      </div>
      <section className="panel" data-testid="model-validation-panel">
        <h3>{m.modelValidation}</h3>
        <ModelValidationPanel datasetId={active && active.status === 'ready' ? active.id : null} />
      </section>
    </div>
  );
}
