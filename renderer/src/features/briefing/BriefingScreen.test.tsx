// The Briefing & export screen without a dataset: every export button is present with its test id, data exports
// wait for a dataset while the scenario file can still be saved, and choosing sections updates the settings.
// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { BriefingScreen } from './BriefingScreen.tsx';
import { useBriefingStore } from './briefing-store.ts';
import { BRIEFING_SECTIONS } from '../../exports/briefing/model.ts';

afterEach(cleanup);

describe('BriefingScreen', () => {
  it('shows every export button and waits for a dataset before exporting data', () => {
    render(<BriefingScreen />);
    expect(screen.getByTestId('briefing-no-dataset')).toBeTruthy();
    for (const format of ['html', 'pdf', 'xlsx', 'csv', 'arrow', 'parquet']) {
      expect(screen.getByTestId(`export-${format}`).hasAttribute('disabled')).toBe(true);
    }
    expect(screen.getByTestId('export-scenario-json').hasAttribute('disabled')).toBe(false);
    expect(screen.getByTestId('open-scenario').hasAttribute('disabled')).toBe(false);
    expect(screen.getByTestId('briefing-generate').hasAttribute('disabled')).toBe(true);
  });

  it('toggles sections in print order', () => {
    render(<BriefingScreen />);
    fireEvent.click(screen.getByTestId('briefing-section-charts'));
    expect(useBriefingStore.getState().sections).toEqual(BRIEFING_SECTIONS.filter((s) => s !== 'charts'));
    fireEvent.click(screen.getByTestId('briefing-section-charts'));
    expect(useBriefingStore.getState().sections).toEqual([...BRIEFING_SECTIONS]);
  });
});
