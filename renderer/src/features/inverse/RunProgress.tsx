// Progress of a long engine run (projection, solver, sensitivity): a bar with the fraction when the worker reports
// one, an indeterminate bar otherwise, and the seconds elapsed so the reader sees it is still working.
import { useEffect, useState } from 'react';
import { fill } from '../../i18n/i18n.ts';
import { defineMessages } from '../../i18n/i18n.ts';
import './inverse.css';

const useMessages = defineMessages({
  zh: { working: '计算中（在后台线程运行，界面可继续操作）… 已用 {s} 秒', done: '已完成 {pct}%' },
  en: { working: 'Working (in a background thread; the screen stays usable)… {s} s', done: '{pct}% done' },
});

/** A progress bar with elapsed time; `fraction` null or 0 shows an indeterminate bar. */
export function RunProgress({
  fraction,
  startedAt,
  testId,
}: {
  fraction: number | null;
  /** When the run started (ms since epoch); null counts from when the bar appeared. */
  startedAt: number | null;
  testId: string;
}) {
  const m = useMessages();
  const [shownAt] = useState(() => Date.now());
  const [now, setNow] = useState(shownAt);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.round((now - (startedAt ?? shownAt)) / 1000));
  const known = fraction !== null && fraction > 0;
  return (
    <div className="task-progress" data-testid={testId} role="status">
      {known ? <progress max={1} value={fraction} /> : <progress />}
      <span className="muted">
        {fill(m.working, { s: seconds })}
        {known ? ` · ${fill(m.done, { pct: Math.round(fraction * 100) })}` : ''}
      </span>
    </div>
  );
}
