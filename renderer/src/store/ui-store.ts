// Small serialisable UI state: language and the active screen. Restored with the workspace on restart.
import { create } from 'zustand';
import type { Language } from '../i18n/i18n.ts';

export type ScreenId =
  'data' | 'scenario' | 'results' | 'projection' | 'compare' | 'inverse' | 'household' | 'sql' | 'briefing';

export const SCREENS: readonly ScreenId[] = [
  'data',
  'scenario',
  'results',
  'projection',
  'compare',
  'inverse',
  'household',
  'sql',
  'briefing',
];

interface UiState {
  language: Language;
  screen: ScreenId;
  setLanguage: (language: Language) => void;
  setScreen: (screen: ScreenId) => void;
}

export const useUiStore = create<UiState>((set) => ({
  language: 'zh',
  screen: 'data',
  setLanguage: (language) => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    set({ language });
  },
  setScreen: (screen) => set({ screen }),
}));
