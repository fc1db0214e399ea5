// The projection and inverse screens rendered in jsdom with the real stores before any dataset is loaded: they say so
// in the reader's language and lead to the Data screen, without calling the engine.
// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useUiStore } from '../../store/ui-store.ts';
import { useWorkspaceStore } from '../../store/workspace-store.ts';
import { ProjectionScreen } from './ProjectionScreen.tsx';
import { InverseScreen } from '../inverse/InverseScreen.tsx';

const initial = useWorkspaceStore.getState();

beforeEach(() => {
  useWorkspaceStore.setState(initial, true);
  useUiStore.setState({ language: 'zh', screen: 'projection' });
});
afterEach(cleanup);

describe('exploration screens without a dataset', () => {
  it('projection explains and navigates to the Data screen', () => {
    render(<ProjectionScreen />);
    const notice = screen.getByTestId('projection-no-dataset');
    expect(notice.textContent).toContain('尚未加载数据集');
    fireEvent.click(screen.getByRole('button', { name: '前往数据页' }));
    expect(useUiStore.getState().screen).toBe('data');
  });

  it('inverse explains in English when English is chosen', () => {
    useUiStore.setState({ language: 'en' });
    render(<InverseScreen />);
    expect(screen.getByTestId('inverse-no-dataset').textContent).toContain('No dataset loaded yet');
  });
});
