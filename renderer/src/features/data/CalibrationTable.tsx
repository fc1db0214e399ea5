// The calibration table: the simulated baseline beside each public national figure, with source, date, confidence,
// difference and whether it is within the calibration tolerance (datasets/calibration.ts computes the rows).
import { useMemo } from 'react';
import { calibrationTable, sourceText } from '../../../../datasets/index.ts';
import { useResults } from '../../store/results-store.ts';
import { useUiStore } from '../../store/ui-store.ts';
import { formatValue } from '../../format/units.ts';
import { useDataMessages } from './data-messages.ts';
import { formatCalibrationValue, formatDifference } from './calibration-view.ts';

/** Calibration rows for the active dataset's baseline. */
export function CalibrationTable() {
  const m = useDataMessages();
  const language = useUiStore((s) => s.language);
  const { comparison } = useResults();
  const national = comparison?.baseline.national;
  const rows = useMemo(() => (national ? calibrationTable(national) : null), [national]);
  if (!rows) return <p className="muted">{m.calibrationWaiting}</p>;
  return (
    <div className="table-scroll">
      <table className="data-table calibration-table" data-testid="calibration-table">
        <thead>
          <tr>
            <th>{m.metric}</th>
            <th>{m.target}</th>
            <th>{m.simulated}</th>
            <th>{m.difference}</th>
            <th>{m.tolerance}</th>
            <th>{m.within}</th>
            <th>{m.asOf}</th>
            <th>{m.confidence}</th>
            <th className="source">{m.source}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.metric} data-testid={`calibration-${row.metric}`} data-within={row.withinTolerance}>
              <td>{language === 'zh' ? row.label.zh : row.label.en}</td>
              <td>{formatCalibrationValue(row, row.target, language)}</td>
              <td>{formatCalibrationValue(row, row.simulated, language)}</td>
              <td className={row.withinTolerance ? '' : 'out'}>{formatDifference(row.differencePct, language)}</td>
              <td>±{formatValue(row.tolerancePct / 100, 'share', language, { digits: 0 })}</td>
              <td>{row.withinTolerance ? `✓ ${m.yes}` : `✗ ${m.no}`}</td>
              <td>{row.asOf}</td>
              <td>{m[`confidence_${row.confidence}`]}</td>
              <td className="source" title={sourceText(row.source)[language]}>
                {sourceText(row.source)[language]}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
