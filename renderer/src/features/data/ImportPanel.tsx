// The import flow after files are read: per file, the table it feeds and the column mapping (suggestions, saved
// mappings reused, category-code mapping), the problems blocking validation, then the validation report (errors
// block; warnings need an explicit acknowledgement) and the hand-off to the engine. Cancel at any step.
import { useUiStore } from '../../store/ui-store.ts';
import { useDataStore, type ImportFile } from '../../store/data-store.ts';
import { fill } from '../../i18n/i18n.ts';
import { suggestColumns } from '../../../../datasets/index.ts';
import {
  cancelImport,
  commitSession,
  setFileTarget,
  updateFileMapping,
  validateSession,
} from '../../services/data/dataset-service.ts';
import {
  columnsNeedingCodes,
  mappingProblems,
  tableDef,
  withCode,
  withColumn,
} from '../../services/data/mapping-logic.ts';
import { useDataMessages } from './data-messages.ts';
import { ValidationReportView } from './ValidationReportView.tsx';

function typesOf(file: ImportFile): Record<string, string> {
  return Object.fromEntries(file.columns.map((c) => [c.name, c.type]));
}

/** Records that the user checked a mapping carried over from an earlier version of the file. */
function confirmDrift(file: ImportFile): void {
  const { session, patchSession } = useDataStore.getState();
  if (!session || !file.drift) return;
  patchSession({
    files: session.files.map((f) =>
      f.fileName === file.fileName && f.drift ? { ...f, drift: { ...f.drift, confirmed: true } } : f,
    ),
  });
}

function FileMapping({ file, index }: { file: ImportFile; index: number }) {
  const m = useDataMessages();
  const language = useUiStore((s) => s.language);
  const def = tableDef(file.target);
  const scores = Object.fromEntries(
    suggestColumns(
      def,
      file.columns.map((c) => c.name),
    ).map((s) => [s.target, s]),
  );
  const types = typesOf(file);
  const codeColumns = columnsNeedingCodes(file.mapping, types);
  return (
    <div className="panel import-file" data-testid={`import-file-${index}`}>
      <div className="toolbar">
        <h3>{file.fileName}</h3>
        <span className="muted">
          {fill(m.rowsSoFar, { rows: file.rows.toLocaleString() })} ·{' '}
          {fill(m.columnsCount, { count: file.columns.length })}
        </span>
        <label>
          {m.fileTarget}{' '}
          <select
            data-testid={`import-target-${index}`}
            value={file.target}
            onChange={(event) =>
              void setFileTarget(file.fileName, event.target.value === 'regions' ? 'regions' : 'households')
            }
          >
            <option value="households">{m.households}</option>
            <option value="regions">{m.regions}</option>
          </select>
        </label>
        <span className={file.reused ? 'badge' : 'badge synthetic'} data-testid={`import-mapping-source-${index}`}>
          {file.reused ? m.reused : file.drift ? m.drifted : m.suggested}
        </span>
        {file.drift && !file.drift.confirmed ? (
          <button type="button" data-testid={`import-confirm-mapping-${index}`} onClick={() => confirmDrift(file)}>
            {m.confirmMapping}
          </button>
        ) : null}
      </div>
      <div className="table-scroll mapping-scroll">
        <table className="data-table mapping-table">
          <thead>
            <tr>
              <th>{m.schemaColumn}</th>
              <th>{m.sourceColumn}</th>
              <th>{m.score}</th>
            </tr>
          </thead>
          <tbody>
            {def.columns.map((column) => {
              const source = file.mapping.columns[column.name] ?? '';
              const suggestion = scores[column.name];
              return (
                <tr key={column.name} className={column.required && !source ? 'missing' : ''}>
                  <td title={language === 'zh' ? column.description.zh : column.description.en}>
                    <strong>{language === 'zh' ? column.label.zh : column.label.en}</strong> <code>{column.name}</code>{' '}
                    <span className="muted">{column.required ? m.required : m.optional}</span>
                  </td>
                  <td>
                    <select
                      data-testid={`map-${index}-${column.name}`}
                      value={source}
                      onChange={(event) =>
                        void updateFileMapping(
                          file.fileName,
                          withColumn(file.mapping, column.name, event.target.value || undefined),
                        )
                      }
                    >
                      <option value="">{m.notMapped}</option>
                      {file.columns.map((c) => (
                        <option key={c.name} value={c.name}>
                          {c.name} ({c.type})
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>{suggestion?.source === source && source ? `${Math.round(suggestion.score * 100)}%` : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {codeColumns.length > 0 ? <h4>{m.codes}</h4> : null}
      <div className="grid-3">
        {codeColumns.map((column) => (
          <div key={column.name} className="code-map" data-testid={`codes-${index}-${column.name}`}>
            <div className="muted">
              {fill(m.codeFor, { column: language === 'zh' ? column.label.zh : column.label.en })}
            </div>
            <table className="data-table">
              <thead>
                <tr>
                  <th>{m.sourceValue}</th>
                  <th>{m.code}</th>
                </tr>
              </thead>
              <tbody>
                {(file.distinct[column.name] ?? []).map((value) => {
                  const code = file.mapping.codes[column.name]?.[value];
                  const options = column.codes ?? [
                    { code: 0, name: 'no', label: { zh: '否', en: 'no' } },
                    { code: 1, name: 'yes', label: { zh: '是', en: 'yes' } },
                  ];
                  return (
                    <tr key={value}>
                      <td>{value}</td>
                      <td>
                        <select
                          value={code === undefined ? '' : String(code)}
                          onChange={(event) =>
                            void updateFileMapping(
                              file.fileName,
                              withCode(
                                file.mapping,
                                column.name,
                                value,
                                event.target.value === '' ? null : Number(event.target.value),
                              ),
                            )
                          }
                        >
                          <option value="">{m.unmapped}</option>
                          {options.map((option) => (
                            <option key={option.code} value={option.code}>
                              {option.code} · {language === 'zh' ? option.label.zh : option.label.en}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ))}
      </div>
    </div>
  );
}

/** The import session panel (shown while an import is in progress). */
export function ImportPanel() {
  const m = useDataMessages();
  const language = useUiStore((s) => s.language);
  const session = useDataStore((s) => s.session);
  const patchSession = useDataStore((s) => s.patchSession);
  if (!session) return null;
  const problems = session.files.flatMap((file) =>
    mappingProblems(file.mapping, file.distinct, typesOf(file), file.drift).map((p) => ({
      ...p,
      file: file.fileName,
    })),
  );
  const report = session.report;
  const hasWarnings = report?.issues.some((i) => i.severity === 'warning') ?? false;
  const canCommit = report?.ok === true && (!hasWarnings || session.warningsAccepted);
  return (
    <section className="panel import-panel" data-testid="import-panel" data-step={session.step}>
      <div className="toolbar">
        <h2>{m.importTitle}</h2>
        {session.progress ? (
          <span className="badge" data-testid="import-progress">
            {session.progress.phase}
            {session.progress.rows !== undefined
              ? ` · ${fill(m.rowsSoFar, { rows: session.progress.rows.toLocaleString() })}`
              : ''}
          </span>
        ) : null}
        <span className="spacer" />
        <button type="button" data-testid="import-cancel" onClick={cancelImport}>
          {m.cancel}
        </button>
      </div>
      {session.step === 'reading' ? <p className="muted">{m.importReading}</p> : null}
      {session.modified.length > 0 ? (
        <div className="warning-box" data-testid="import-modified">
          {session.modified.map((change) => (
            <div key={change.fileName}>
              {fill(m.modified, {
                file: change.fileName,
                before: change.before.slice(0, 12),
                after: change.after.slice(0, 12),
              })}
            </div>
          ))}
        </div>
      ) : null}
      {session.refused.length > 0 ? (
        <div className="error-box" data-testid="import-refused">
          <strong>{m.refused}</strong>
          <ul>
            {session.refused.map((issue, index) => (
              <li key={index} data-rule={issue.rule}>
                {language === 'zh' ? issue.message.zh : issue.message.en}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {session.step === 'mapping' || session.step === 'validating' || session.step === 'report' ? (
        <>
          {session.builtInRegions ? <p className="warning-box">{m.builtInRegions}</p> : null}
          {session.files.map((file, index) => (
            <FileMapping key={file.fileName} file={file} index={index} />
          ))}
          {problems.length > 0 ? (
            <div className="warning-box" data-testid="mapping-problems">
              <strong>{m.problems}</strong>
              <ul>
                {problems.map((p, index) => (
                  <li key={index}>
                    {p.file}: {language === 'zh' ? p.zh : p.en}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="toolbar">
            <button
              type="button"
              className="primary"
              data-testid="import-validate"
              disabled={problems.length > 0 || session.step === 'validating'}
              onClick={() => void validateSession()}
            >
              {session.step === 'validating' ? m.validating : m.validate}
            </button>
          </div>
        </>
      ) : null}
      {report ? (
        <div className="import-report">
          <h3>{m.report}</h3>
          <ValidationReportView issues={report.issues} testId="import-report" />
          {report.ok && hasWarnings ? (
            <label className="accept-warnings">
              <input
                type="checkbox"
                data-testid="import-accept-warnings"
                checked={session.warningsAccepted}
                onChange={(event) => patchSession({ warningsAccepted: event.target.checked })}
              />{' '}
              {m.acceptWarnings}
            </label>
          ) : null}
          <div className="toolbar">
            <button
              type="button"
              className="primary"
              data-testid="import-commit"
              disabled={!canCommit || session.step === 'loading'}
              onClick={() => void commitSession()}
            >
              {session.step === 'loading' ? m.loadingEngine : m.commit}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
