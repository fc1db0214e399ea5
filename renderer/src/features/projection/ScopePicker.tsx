// The provincial planner's scope choice, shared by the Projection and solver screens: the nation or one province of
// the loaded dataset, and both areas, urban or rural. The scope's meaning (cells, rows, name) is sim/run/scope.ts.
import { useSyncExternalStore } from 'react';
import type { RegionArrays, RunScope } from '../../../../sim/index.ts';
import { scopeName } from '../../../../sim/index.ts';
import { CACHE_KEYS, cacheGet, cacheSubscribe } from '../../services/cache.ts';
import { useUiStore } from '../../store/ui-store.ts';
import { selectActiveDataset, useWorkspaceStore } from '../../store/workspace-store.ts';
import { useProjectionMessages } from './messages.ts';

/** The loaded dataset's regions (undefined until the dataset is ready). */
export function useDatasetRegions(): RegionArrays | undefined {
  const dataset = useWorkspaceStore(selectActiveDataset);
  return useSyncExternalStore(cacheSubscribe, () =>
    dataset?.status === 'ready' ? cacheGet<RegionArrays>(CACHE_KEYS.regions(dataset.id)) : undefined,
  );
}

/** The scope's name in the reader's language (全国, 湖南 · 农村, …); the code when the regions are not loaded. */
export function useScopeName(scope: RunScope): string {
  const language = useUiStore((s) => s.language);
  const regions = useDatasetRegions();
  const m = useProjectionMessages();
  if (regions) return scopeName(regions, scope)[language];
  return scope.province ?? m.national;
}

/** Names of province × area cells (code and area 0 urban / 1 rural) in the reader's language. */
export function useScopeNames(cells: readonly { province: string; area: 0 | 1 }[]): string[] {
  const language = useUiStore((s) => s.language);
  const regions = useDatasetRegions();
  return cells.map((c) => {
    const scope: RunScope = { province: c.province, area: c.area === 0 ? 'urban' : 'rural' };
    return regions ? scopeName(regions, scope)[language] : c.province;
  });
}

/**
 * The thin province × area cells as a collapsed warning: `summary` (with the count) shown, the names on opening.
 * Nothing when no cell is thin.
 */
export function ThinCellsNote({
  cells,
  summary,
  separator,
  testId,
}: {
  cells: readonly { province: string; area: 0 | 1 }[];
  summary: (count: number) => string;
  separator: string;
  testId: string;
}) {
  const names = useScopeNames(cells);
  if (names.length === 0) return null;
  return (
    <details className="warning-box" role="note" data-testid={testId}>
      <summary>{summary(names.length)}</summary>
      {names.join(separator)}
    </details>
  );
}

/** Province and area selects; `requireProvince` keeps the area at both areas for the nation (solver). */
export function ScopePicker({
  scope,
  onChange,
  testId,
  requireProvince = false,
}: {
  scope: RunScope;
  onChange: (scope: RunScope) => void;
  testId: string;
  requireProvince?: boolean;
}) {
  const m = useProjectionMessages();
  const language = useUiStore((s) => s.language);
  const regions = useDatasetRegions();
  const provinces = regions
    ? regions.provinceCodes.map((code) => ({ code, name: scopeName(regions, { province: code })[language] }))
    : [];
  const areaLocked = requireProvince && scope.province === undefined;
  return (
    <div className="scope-picker" data-testid={testId}>
      <label className="select-field">
        <span className="control-label">{m.province}</span>
        <select
          value={scope.province ?? ''}
          data-testid={`${testId}-province`}
          onChange={(event) => {
            const province = event.target.value === '' ? undefined : event.target.value;
            const area = requireProvince && province === undefined ? undefined : scope.area;
            onChange({ ...(province ? { province } : {}), ...(area ? { area } : {}) });
          }}
        >
          <option value="">{m.national}</option>
          {provinces.map((p) => (
            <option key={p.code} value={p.code}>
              {p.code} {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className="select-field">
        <span className="control-label">{m.area}</span>
        <select
          value={scope.area ?? 'both'}
          disabled={areaLocked}
          data-testid={`${testId}-area`}
          onChange={(event) => {
            const value = event.target.value;
            const area = value === 'urban' || value === 'rural' ? value : undefined;
            onChange({ ...(scope.province ? { province: scope.province } : {}), ...(area ? { area } : {}) });
          }}
        >
          <option value="both">{m.areaBoth}</option>
          <option value="urban">{m.areaUrban}</option>
          <option value="rural">{m.areaRural}</option>
        </select>
      </label>
    </div>
  );
}
