// The validation report as a table: severity, table, column, affected rows, example row numbers and the message,
// in the reader's language. Errors first.
import { spreadsheetRows } from '../../../../datasets/index.ts';
import type { ValidationReport, DataIssue } from '../../../../datasets/index.ts';
import { fill } from '../../i18n/i18n.ts';
import { useUiStore } from '../../store/ui-store.ts';
import { useDataMessages } from './data-messages.ts';

export interface ValidationReportViewProps {
  issues: readonly DataIssue[];
  testId: string;
}

/** Counts of errors and warnings in a report. */
export function issueCounts(issues: readonly DataIssue[]): { errors: number; warnings: number } {
  const errors = issues.filter((i) => i.severity === 'error').length;
  return { errors, warnings: issues.length - errors };
}

/** Table of data issues. */
export function ValidationReportView({ issues, testId }: ValidationReportViewProps) {
  const m = useDataMessages();
  const language = useUiStore((s) => s.language);
  const counts = issueCounts(issues);
  if (issues.length === 0) {
    return (
      <p className="report-ok" data-testid={testId} data-errors={0} data-warnings={0}>
        {m.reportOk}
      </p>
    );
  }
  const sorted = [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return (
    <div data-testid={testId} data-errors={counts.errors} data-warnings={counts.warnings}>
      <p className={counts.errors > 0 ? 'report-summary bad' : 'report-summary warn'}>{fill(m.reportErrors, counts)}</p>
      <div className="table-scroll">
        <table className="data-table report-table">
          <thead>
            <tr>
              <th>{m.severity}</th>
              <th>{m.table}</th>
              <th>{m.column}</th>
              <th>{m.count}</th>
              <th>{m.examples}</th>
              <th>{m.message}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((issue, index) => (
              <tr key={index} className={issue.severity} data-rule={issue.rule}>
                <td>
                  <span className={`badge ${issue.severity}`}>{issue.severity === 'error' ? m.error : m.warning}</span>
                </td>
                <td>{issue.table}</td>
                <td>{issue.column ?? '—'}</td>
                <td>{issue.count > 0 ? issue.count.toLocaleString() : '—'}</td>
                <td>{issue.examples.length > 0 ? spreadsheetRows(issue.examples).join(', ') : '—'}</td>
                <td className="message">{language === 'zh' ? issue.message.zh : issue.message.en}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** Report of a loaded dataset, or nothing. */
export function DatasetReport({ report }: { report: ValidationReport | undefined }) {
  if (!report) return null;
  return <ValidationReportView issues={report.issues} testId="validation-report" />;
}
