// The "no dataset" notice says "loading" while a dataset loads, and names the screen's own message otherwise.
// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { useWorkspaceStore } from '../store/workspace-store.ts';
import { NoDatasetNotice } from './NoDatasetNotice.tsx';

const initial = useWorkspaceStore.getState();
afterEach(() => {
  cleanup();
  useWorkspaceStore.setState(initial, true);
});

describe('NoDatasetNotice', () => {
  it('says the demo is loading rather than that nothing is loaded', () => {
    useWorkspaceStore.getState().upsertDataset({
      id: 'demo',
      name: '演示数据',
      source: 'demo',
      synthetic: true,
      files: [],
      status: 'loading',
    });
    render(<NoDatasetNotice message="尚未载入数据。" />);
    expect(screen.getByTestId('dataset-loading').textContent).toContain('正在载入数据集“演示数据”');
    expect(screen.queryByTestId('no-dataset')).toBeNull();
  });
  it('shows the screen message when no dataset is loading', () => {
    render(<NoDatasetNotice message="尚未载入数据。" />);
    expect(screen.getByTestId('no-dataset').textContent).toBe('尚未载入数据。');
  });
});
