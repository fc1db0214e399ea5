// The editor rendered in jsdom with the real catalogue and the real workspace store: every parameter appears,
// editing the baseline forks a new scenario, typed values land in the document, out-of-range entry is refused
// inline, bulk rules and per-province overrides write the scenario, undo restores.
// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { PARAM_CATALOGUE, parseScenario } from '../../../../sim/index.ts';
import { BASELINE_SCENARIO_ID, selectActiveScenario, useWorkspaceStore } from '../../store/workspace-store.ts';
import { useUiStore } from '../../store/ui-store.ts';
import { ScenarioScreen } from './ScenarioScreen.tsx';
import { getParamValue, getRegionParam, getStandardOverride } from './param-form.ts';

const initial = useWorkspaceStore.getState();

beforeEach(() => {
  useWorkspaceStore.setState(initial, true);
  useUiStore.setState({ language: 'zh' });
});
afterEach(cleanup);

const active = () => selectActiveScenario(useWorkspaceStore.getState());

describe('ScenarioScreen', () => {
  it('shows every catalogue parameter with a control', () => {
    render(<ScenarioScreen />);
    for (const def of PARAM_CATALOGUE) expect(screen.getByTestId(`param-${def.id}`)).toBeTruthy();
    expect(screen.getByTestId('baseline-notice').textContent).toContain('基线');
    expect(screen.getByTestId('region-table').querySelectorAll('tbody tr')).toHaveLength(31);
  });

  it('forks the baseline on the first edit and writes the exact typed value', () => {
    render(<ScenarioScreen />);
    fireEvent.click(screen.getByTestId('param-standard.useConsumptionRatio-toggle'));
    expect(active().id).not.toBe(BASELINE_SCENARIO_ID);
    expect(active().name).toBe('新方案 1 / New scenario 1');
    fireEvent.change(screen.getByTestId('param-standard.consumptionRatioRural-input'), { target: { value: '45' } });
    expect(getParamValue(active().document, 'standard.useConsumptionRatio')).toBe(1);
    expect(getParamValue(active().document, 'standard.consumptionRatioRural')).toBeCloseTo(0.45);
    expect(parseScenario(active().document).ok).toBe(true);
  });

  it('refuses out-of-range entry inline without changing the scenario', () => {
    render(<ScenarioScreen />);
    fireEvent.change(screen.getByTestId('param-dibao.assetMonths-input'), { target: { value: '30' } });
    const before = active().document;
    fireEvent.change(screen.getByTestId('param-dibao.assetMonths-input'), { target: { value: '9999' } });
    expect(screen.getByTestId('param-dibao.assetMonths-error').textContent).toContain('不得大于');
    expect(active().document).toEqual(before);
  });

  it('applies a bulk rule to ticked provinces and undoes it', () => {
    render(<ScenarioScreen />);
    fireEvent.click(screen.getByTestId('region-53-select'));
    fireEvent.change(screen.getByTestId('bulk-rule'), { target: { value: 'scale' } });
    fireEvent.change(screen.getByTestId('bulk-pct-input'), { target: { value: '15' } });
    fireEvent.click(screen.getByTestId('bulk-apply-selected'));
    expect(getRegionParam(active().document, '53', 'both', 'standard.scalePct')).toBe(15);
    expect(getRegionParam(active().document, '11', 'both', 'standard.scalePct')).toBeUndefined();
    fireEvent.change(screen.getByTestId('region-11-rural-absolute'), { target: { value: '1500' } });
    expect(parseScenario(active().document).ok).toBe(true);
    fireEvent.click(screen.getByTestId('undo'));
    fireEvent.click(screen.getByTestId('undo'));
    expect(getRegionParam(active().document, '53', 'both', 'standard.scalePct')).toBeUndefined();
  });

  it('applies a rural-only consumption rule to every province, leaving urban standards untouched', () => {
    render(<ScenarioScreen />);
    fireEvent.change(screen.getByTestId('bulk-rule'), { target: { value: 'consumption' } });
    fireEvent.change(screen.getByTestId('bulk-area'), { target: { value: 'rural' } });
    expect(screen.queryByTestId('bulk-urban-input')).toBeNull();
    fireEvent.change(screen.getByTestId('bulk-rural-input'), { target: { value: '40%' } });
    fireEvent.click(screen.getByTestId('bulk-apply-all'));
    const doc = active().document;
    expect(getParamValue(doc, 'standard.useConsumptionRatio')).toBe(0);
    for (const code of ['11', '43', '62', '65']) {
      expect(getRegionParam(doc, code, 'rural', 'standard.useConsumptionRatio')).toBe(1);
      expect(getRegionParam(doc, code, 'rural', 'standard.consumptionRatioRural')).toBe(0.4);
      expect(getRegionParam(doc, code, 'urban', 'standard.useConsumptionRatio')).toBeUndefined();
    }
    expect(parseScenario(doc).ok).toBe(true);
  });

  it('applies standards pasted from a spreadsheet as absolute standards of the chosen area, refusing bad lines', () => {
    render(<ScenarioScreen />);
    fireEvent.change(screen.getByTestId('paste-text'), { target: { value: '火星\t600' } });
    fireEvent.click(screen.getByTestId('paste-apply'));
    expect(screen.getByTestId('paste-errors').textContent).toContain('第 1 行');
    expect(active().id).toBe(BASELINE_SCENARIO_ID);
    fireEvent.change(screen.getByTestId('paste-text'), { target: { value: '甘肃\t600\n青海\t620' } });
    fireEvent.click(screen.getByTestId('paste-apply'));
    expect(getStandardOverride(active().document, '62', 'rural')).toBe(600);
    expect(getStandardOverride(active().document, '63', 'rural')).toBe(620);
    expect(getStandardOverride(active().document, '62', 'urban')).toBeUndefined();
    expect(parseScenario(active().document).ok).toBe(true);
  });

  it('imports a scenario file, refusing an invalid one with the file and field named', async () => {
    render(<ScenarioScreen />);
    const input = screen.getByTestId('scenario-import-input');
    const bad = new File(
      [JSON.stringify({ schemaVersion: 1, name: 'Bad', params: { dibao: { assetMonths: 500 } } })],
      'bad.json',
    );
    fireEvent.change(input, { target: { files: [bad] } });
    await waitFor(() => expect(screen.getByTestId('scenario-file-errors').textContent).toContain('bad.json'), {
      timeout: 5000,
    });
    expect(active().id).toBe(BASELINE_SCENARIO_ID);
    const good = new File(
      [JSON.stringify({ schemaVersion: 1, name: '农村 40%', params: { standard: { useConsumptionRatio: true } } })],
      'good.json',
    );
    fireEvent.change(input, { target: { files: [good] } });
    await waitFor(() => expect(active().name).toBe('农村 40%'), { timeout: 5000 });
    expect(getParamValue(active().document, 'standard.useConsumptionRatio')).toBe(1);
  });

  it('switches to English', () => {
    useUiStore.setState({ language: 'en' });
    render(<ScenarioScreen />);
    expect(screen.getByText('Policy scenario editor')).toBeTruthy();
    expect(screen.getByTestId('section-standard').textContent).toContain('Rural ratio to previous-year consumption');
  });
});
