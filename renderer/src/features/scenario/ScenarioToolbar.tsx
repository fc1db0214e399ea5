// Scenario management: pick, rename, create, duplicate, delete, save, undo/redo, import/export a scenario file, and
// load a shipped example.
import { useRef, useState } from 'react';
import { selectActiveScenario, useWorkspaceStore } from '../../store/workspace-store.ts';
import { fill, pick } from '../../i18n/i18n.ts';
import type { Bilingual } from '../../i18n/i18n.ts';
import { useUiStore } from '../../store/ui-store.ts';
import { getHost } from '../../services/host/host.ts';
import { exportFileName, exportText, importScenarioText } from './scenario-file.ts';
import { EXAMPLE_SCENARIOS } from './examples.ts';
import { newScenarioName } from './use-scenario-editor.ts';
import { useScenarioMessages } from './messages.ts';

/** Reads a chosen file as UTF-8 text (FileReader works in every host the renderer runs in). */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error(file.name));
    reader.readAsText(file, 'utf-8');
  });
}

/** The scenario toolbar; test ids `scenario-select`, `scenario-name`, `scenario-new|duplicate|delete|save|import|export`, `undo`, `redo`, `example-select`. */
export function ScenarioToolbar() {
  const m = useScenarioMessages();
  const scenarios = useWorkspaceStore((s) => s.scenarios);
  const active = useWorkspaceStore(selectActiveScenario);
  const canUndo = useWorkspaceStore((s) => s.past.length > 0);
  const canRedo = useWorkspaceStore((s) => s.future.length > 0);
  const actions = useWorkspaceStore.getState();
  const [nameDraft, setNameDraft] = useState<string | null>(null);
  const [fileErrors, setFileErrors] = useState<Bilingual[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  const language = useUiStore((s) => s.language);

  const importFile = async (file: File) => {
    const result = importScenarioText(file.name, await readText(file));
    if (result.ok) {
      setFileErrors([]);
      actions.createScenario(result.name, result.document);
    } else setFileErrors(result.errors);
  };
  const exportActive = async () => {
    try {
      await getHost().saveFile({
        suggestedName: exportFileName(active.name),
        mimeType: 'application/json',
        data: exportText(active.document, active.name),
      });
      setFileErrors([]);
    } catch (error) {
      const info = error as Partial<Bilingual>;
      setFileErrors([
        {
          messageZh: info.messageZh ?? `导出失败：${String(error)}`,
          messageEn: info.messageEn ?? `export failed: ${String(error)}`,
        },
      ]);
    }
  };

  const commitName = () => {
    const name = nameDraft?.trim();
    if (name && name !== active.name) actions.renameScenario(active.id, name);
    setNameDraft(null);
  };
  const createNew = () => {
    const taken = new Set(scenarios.map((s) => s.name));
    let n = scenarios.filter((s) => !s.builtIn).length + 1;
    while (taken.has(newScenarioName(n))) n += 1;
    const name = newScenarioName(n);
    actions.createScenario(name, { schemaVersion: 1, name });
  };

  return (
    <div className="toolbar scenario-toolbar">
      <label className="toolbar-field">
        <span className="muted">{m.scenario}</span>
        <select
          value={active.id}
          data-testid="scenario-select"
          onChange={(event) => actions.setActiveScenario(event.target.value)}
        >
          {scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
              {s.dirty ? ' *' : ''}
            </option>
          ))}
        </select>
      </label>
      <label className="toolbar-field">
        <span className="muted">{m.name}</span>
        <input
          type="text"
          className="scenario-name"
          value={nameDraft ?? active.name}
          disabled={active.builtIn}
          data-testid="scenario-name"
          onChange={(event) => setNameDraft(event.target.value)}
          onBlur={commitName}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commitName();
          }}
        />
      </label>
      <button type="button" data-testid="scenario-new" onClick={createNew}>
        {m.newScenario}
      </button>
      <button type="button" data-testid="scenario-duplicate" onClick={() => actions.duplicateScenario(active.id)}>
        {m.duplicate}
      </button>
      <button
        type="button"
        data-testid="scenario-delete"
        disabled={active.builtIn}
        onClick={() => {
          if (window.confirm(fill(m.confirmDelete, { name: active.name }))) actions.deleteScenario(active.id);
        }}
      >
        {m.delete}
      </button>
      <button
        type="button"
        className={active.dirty ? 'primary' : undefined}
        data-testid="scenario-save"
        disabled={active.builtIn}
        onClick={() => actions.saveScenario(active.id)}
      >
        {m.save}
      </button>
      <span className="muted" data-testid="scenario-saved-state">
        {active.builtIn ? '' : active.dirty ? m.unsaved : m.saved}
      </span>
      <span className="toolbar-gap" />
      <button type="button" data-testid="undo" disabled={!canUndo} onClick={actions.undo} title="Ctrl+Z">
        ↶ {m.undo}
      </button>
      <button type="button" data-testid="redo" disabled={!canRedo} onClick={actions.redo} title="Ctrl+Y">
        ↷ {m.redo}
      </button>
      <button type="button" data-testid="scenario-import" onClick={() => fileInput.current?.click()}>
        {m.importFile}
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="scenario-import-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void importFile(file);
        }}
      />
      <button type="button" data-testid="scenario-export" onClick={() => void exportActive()}>
        {m.exportFile}
      </button>
      <select
        value=""
        data-testid="example-select"
        aria-label={m.examples}
        onChange={(event) => {
          const example = EXAMPLE_SCENARIOS.find((e) => e.id === event.target.value);
          if (example) actions.createScenario(example.name, example.document);
        }}
      >
        <option value="">{m.loadExample}</option>
        {EXAMPLE_SCENARIOS.filter((e) => e.valid).map((e) => (
          <option key={e.id} value={e.id}>
            {e.name}
          </option>
        ))}
      </select>
      {fileErrors.length > 0 ? (
        <div className="error-box scenario-file-errors" role="alert" data-testid="scenario-file-errors">
          <ul>
            {fileErrors.map((e, i) => (
              <li key={i}>{pick(e, language)}</li>
            ))}
          </ul>
          <button type="button" className="link-button" onClick={() => setFileErrors([])}>
            ✕
          </button>
        </div>
      ) : null}
    </div>
  );
}
