// The Briefing & export screen's own settings (small and serialisable): which scenarios, language, title, sections and
// case studies; kept while the user moves between screens. The generated HTML is a string, so it may live here too.
import { create } from 'zustand';
import type { Language } from '../../i18n/i18n.ts';
import type { BriefingSectionId } from '../../exports/briefing/model.ts';
import { BRIEFING_SECTIONS } from '../../exports/briefing/model.ts';
import type { Bilingual } from '../../i18n/i18n.ts';

/** Where an export stands, for the status line. */
export type ExportStatus =
  | { kind: 'idle' }
  | { kind: 'working'; what: string }
  | { kind: 'done'; message: Bilingual }
  | { kind: 'error'; message: Bilingual };

export interface BriefingSettingsState {
  /** Scenario ids chosen for the comparison; empty means the active scenario. */
  scenarioIds: string[];
  /** Briefing language; null follows the UI language. */
  language: Language | null;
  title: string;
  sections: BriefingSectionId[];
  caseIds: string[];
  /** The chart the chart-export buttons write. */
  chart: 'cost-components' | 'province-caseload' | 'projection';
  /** The last generated briefing (HTML) and the inputs it was made from. */
  previewHtml: string | null;
  previewKey: string | null;
  generating: boolean;
  status: ExportStatus;
  set: (patch: Partial<Omit<BriefingSettingsState, 'set'>>) => void;
  toggleScenario: (id: string) => void;
  toggleSection: (id: BriefingSectionId) => void;
  toggleCase: (id: string) => void;
}

function toggle<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

export const useBriefingStore = create<BriefingSettingsState>((set) => ({
  scenarioIds: [],
  language: null,
  title: '',
  sections: [...BRIEFING_SECTIONS],
  caseIds: ['hunan-flood', 'hebei-care'],
  chart: 'cost-components',
  previewHtml: null,
  previewKey: null,
  generating: false,
  status: { kind: 'idle' },
  set: (patch) => set(patch),
  toggleScenario: (id) => set((state) => ({ scenarioIds: toggle(state.scenarioIds, id) })),
  toggleSection: (id) =>
    set((state) => ({
      sections: BRIEFING_SECTIONS.filter((s) => (s === id ? !state.sections.includes(s) : state.sections.includes(s))),
    })),
  toggleCase: (id) => set((state) => ({ caseIds: toggle(state.caseIds, id) })),
}));
