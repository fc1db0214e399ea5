// Notices over every screen: workspace recovered from its previous version, engine restarted, autosave failed.
import { useNoticeStore } from '../../store/notice-store.ts';
import { useUiStore } from '../../store/ui-store.ts';
import { pick } from '../../i18n/i18n.ts';
import { useDataMessages } from './data-messages.ts';
import './data.css';

/** The stack of dismissible notices (bottom right). */
export function WorkbenchNotices() {
  const notices = useNoticeStore((s) => s.notices);
  const dismiss = useNoticeStore((s) => s.dismiss);
  const language = useUiStore((s) => s.language);
  const m = useDataMessages();
  if (notices.length === 0) return null;
  return (
    <div className="workbench-notices" aria-live="polite">
      {notices.map((notice) => (
        <div
          key={notice.id}
          className={notice.kind === 'error' ? 'error-box' : 'warning-box'}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-testid={notice.kind === 'error' ? 'notice-error' : 'notice-recovery'}
        >
          <span>{pick(notice, language)}</span>
          <button type="button" onClick={() => dismiss(notice.id)} aria-label={m.dismiss}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
