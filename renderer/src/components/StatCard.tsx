// A headline number card: the value with its unit, and its change against a reference (usually the baseline),
// optionally with a Monte Carlo interval.
import { useUiStore } from '../store/ui-store.ts';
import { formatValue, unitOf } from '../format/units.ts';
import type { Quantity } from '../format/units.ts';
import { useComponentMessages } from './messages.ts';
import { formatChange } from './stat-card-logic.ts';
import './components.css';

export interface StatCardProps {
  label: string;
  value: number;
  quantity: Quantity;
  /** Reference to compare with (baseline); omit to show no change line. */
  reference?: number;
  /** Text naming the reference (defaults to "vs baseline"). */
  referenceLabel?: string;
  /** Optional 5th–95th percentile interval from Monte Carlo runs. */
  interval?: { p5: number; p95: number };
  /** Hover explanation. */
  title?: string;
  /** Test id of the card; value `<testId>-value`, change `<testId>-change`. */
  testId?: string;
  compact?: boolean;
}

/** Headline number with its change against a reference. */
export function StatCard({
  label,
  value,
  quantity,
  reference,
  referenceLabel,
  interval,
  title,
  testId,
  compact,
}: StatCardProps) {
  const language = useUiStore((s) => s.language);
  const m = useComponentMessages();
  const change = reference === undefined ? null : formatChange(value, reference, quantity, language);
  return (
    <div className={`stat-card${compact ? ' compact' : ''}`} data-testid={testId} title={title} data-value={value}>
      <div className="stat-card-label">{label}</div>
      <div className="stat-card-value" data-testid={testId ? `${testId}-value` : undefined}>
        <span className="stat-card-number">{formatValue(value, quantity, language, { withUnit: false })}</span>
        <span className="stat-card-unit">
          {unitOf(quantity, language) && quantity !== 'share' && language === 'en' ? ' ' : ''}
          {unitOf(quantity, language)}
        </span>
      </div>
      {change ? (
        <div className={`stat-card-change ${change.direction}`} data-testid={testId ? `${testId}-change` : undefined}>
          {change.direction === 'none' ? (
            <span>{m.noChange}</span>
          ) : (
            <>
              <span>{change.direction === 'up' ? '▲' : '▼'}</span> <span>{change.absolute}</span>
              {change.relative ? <span className="stat-card-relative"> ({change.relative})</span> : null}
            </>
          )}
          <span className="muted"> {referenceLabel ?? m.changeVsBaseline}</span>
        </div>
      ) : null}
      {interval ? (
        <div className="stat-card-interval muted" data-testid={testId ? `${testId}-interval` : undefined}>
          P5–P95: {formatValue(interval.p5, quantity, language, { withUnit: false })} –{' '}
          {formatValue(interval.p95, quantity, language)}
        </div>
      ) : null}
    </div>
  );
}
