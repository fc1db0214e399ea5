// State of the simulation engine as the UI shows it: busy flag, the last run's timing (exposed for end-to-end
// reporting), the last crash message and how many times the worker was restarted.
import { create } from 'zustand';
import type { Bilingual } from '../i18n/i18n.ts';

/** Timing of one engine run: time inside the worker and the full round trip seen by the UI. */
export interface EngineRun {
  kind: string;
  ms: number;
  roundTripMs: number;
  at: number;
}

export interface EngineState {
  busy: boolean;
  /** Last completed run of any kind. */
  lastRun: EngineRun | null;
  /** Last completed baseline + scenario year run (what a slider move costs). */
  lastYearRun: EngineRun | null;
  /** Shown until dismissed: the worker crashed and was restarted. */
  crash: Bilingual | null;
  restarts: number;
  dismissCrash: () => void;
}

export const useEngineStore = create<EngineState>((set) => ({
  busy: false,
  lastRun: null,
  lastYearRun: null,
  crash: null,
  restarts: 0,
  dismissCrash: () => set({ crash: null }),
}));
