// The preload's failure path: a host error crosses the context bridge as a typed value (code, both languages, file,
// field paths) that the renderer turns into text with the one conversion; an Error would have lost all but its message.
import { describe, expect, it } from 'vitest';
import { errorText, errorTextBoth, isErrorInfo } from '../sim/index.ts';
import type { HostApi } from '../contract/host-api.ts';
import type { IpcResult } from '../contract/ipc-contract.ts';
import { createPreloadApi } from './preload-api.ts';
import { acrossBridge } from './testing/fake-electron.ts';

/** A preload over an `ipcRenderer` whose every invoke answers `result`, as the page sees it across the bridge. */
function pageApi(result: IpcResult<'host:save-document'>): HostApi {
  const ipcRenderer = {
    invoke: async () => structuredClone(result),
    on: () => ipcRenderer,
    removeListener: () => ipcRenderer,
  };
  return acrossBridge(createPreloadApi(ipcRenderer as never)) as HostApi;
}

describe('host errors across the preload', () => {
  it('arrive as values with their code, both languages and their place', async () => {
    const api = pageApi({
      ok: false,
      error: {
        code: 'io-failed',
        messageZh: '无法保存文档',
        messageEn: 'could not save the document',
        file: '/data/workspace.json',
        paths: ['workspace'],
      },
    });
    const failure = await api.saveDocument('workspace', {}).catch((error: unknown) => error);
    expect(failure).toEqual({
      name: 'HostError',
      code: 'io-failed',
      messageZh: '无法保存文档',
      messageEn: 'could not save the document',
      message: '无法保存文档（/data/workspace.json） / could not save the document (/data/workspace.json)',
      file: '/data/workspace.json',
      paths: ['workspace'],
    });
    expect(isErrorInfo(failure)).toBe(true);
    if (!isErrorInfo(failure)) return;
    expect(errorText(failure, 'zh')).toBe('无法保存文档（/data/workspace.json）');
    expect(errorText(failure, 'en')).toBe('could not save the document (/data/workspace.json)');
    expect(errorTextBoth(failure)).toBe((failure as unknown as { message: string }).message);
  });

  it('pass successful results through unchanged', async () => {
    const api = pageApi({ ok: true, value: { saved: true, path: '/data/workspace.json' } });
    expect(await api.saveDocument('workspace', {})).toEqual({ saved: true, path: '/data/workspace.json' });
  });

  it('would lose the code and the other language if thrown as an Error (why they cross as values)', () => {
    const thrown = Object.assign(new Error('无法保存 / could not save'), { code: 'io-failed', messageZh: '无法保存' });
    const received = acrossBridge(thrown);
    expect(received).toBeInstanceOf(Error);
    expect(isErrorInfo(received)).toBe(false);
    expect((received as Error).message).toBe('无法保存 / could not save');
  });
});
