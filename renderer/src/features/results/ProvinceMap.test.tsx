// The tile map in jsdom: 31 tiles, suppressed provinces grey with no value, indicator switch, click to drill down.
// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useUiStore } from '../../store/ui-store.ts';
import { ProvinceMap } from './ProvinceMap.tsx';
import { provinceRows } from './result-model.ts';
import { sampleComparison } from './comparison-fixture.ts';
import { MAP_INDICATORS, tileValue } from './map-indicators.ts';

afterEach(cleanup);

describe('ProvinceMap', () => {
  it('draws 31 tiles, hides suppressed provinces and drills down on click', () => {
    useUiStore.setState({ language: 'zh' });
    const onSelect = vi.fn();
    const rows = provinceRows(sampleComparison());
    render(<ProvinceMap rows={rows} minCell={10} selected={null} onSelect={onSelect} />);
    expect(screen.getByTestId('province-map').querySelectorAll('.tile')).toHaveLength(31);
    const beijing = screen.getByTestId('tile-11');
    expect(beijing.getAttribute('data-value')).toBe('');
    expect(beijing.textContent).toContain('▪');
    const yunnan = screen.getByTestId('tile-53');
    expect(Number(yunnan.getAttribute('data-value'))).toBeCloseTo(100_000);
    expect(yunnan.textContent).toContain('+10.0');
    fireEvent.change(screen.getByTestId('map-indicator'), { target: { value: 'cost' } });
    expect(Number(screen.getByTestId('tile-53').getAttribute('data-value'))).toBeCloseTo(3.6e9);
    fireEvent.mouseEnter(screen.getByTestId('tile-53'));
    expect(screen.getByTestId('map-hover').textContent).toContain('36.0亿元');
    // The scenario's standards: Yunnan's average standard 700 → 840 yuan/person/month.
    fireEvent.change(screen.getByTestId('map-indicator'), { target: { value: 'standard' } });
    expect(Number(screen.getByTestId('tile-53').getAttribute('data-value'))).toBeCloseTo(840);
    fireEvent.change(screen.getByTestId('map-indicator'), { target: { value: 'dStandard' } });
    expect(Number(screen.getByTestId('tile-53').getAttribute('data-value'))).toBeCloseTo(140);
    fireEvent.mouseEnter(screen.getByTestId('tile-53'));
    expect(screen.getByTestId('map-hover').textContent).toContain('元');
    fireEvent.click(screen.getByTestId('tile-53'));
    expect(onSelect).toHaveBeenCalledWith('53');
  });
});

describe('tileValue', () => {
  it('is NaN for missing and small-sample rows', () => {
    const rows = provinceRows(sampleComparison());
    const indicator = MAP_INDICATORS.find((i) => i.id === 'cashPersons')!;
    expect(tileValue(undefined, indicator, 10)).toBeNaN();
    expect(tileValue(rows[0], indicator, 10)).toBeNaN();
    expect(tileValue(rows[0], indicator, 5)).toBe(10_000);
  });
});
