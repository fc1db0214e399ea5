// The IPC gate: calls from unexpected senders and calls with bad payloads are refused with clear bilingual errors
// before any handler runs; good calls reach their typed handler.
import { describe, expect, it } from 'vitest';
import type { IpcResult } from '../../contract/ipc-contract.ts';
import { FakeWebContents, FakeWebFrame } from '../testing/fake-electron.ts';
import { HostError, dispatchIpc, registerIpcHandlers } from './ipc-router.ts';
import type { IpcHandlers, SenderEvent } from './ipc-router.ts';

/** Handlers that record what reached them. */
function recordingHandlers() {
  const calls: { channel: string; request: unknown }[] = [];
  const record =
    <T>(channel: string, value: T) =>
    async (request: unknown) => {
      calls.push({ channel, request });
      return value;
    };
  const handlers: IpcHandlers = {
    'host:open-dataset-files': record('host:open-dataset-files', null),
    'host:save-file': record('host:save-file', { saved: true, path: '/tmp/x.csv' }),
    'host:print-to-pdf': record('host:print-to-pdf', { saved: false }),
    'host:load-document': record('host:load-document', { data: { a: 1 } }),
    'host:save-document': async () => {
      throw new HostError({ code: 'too-large', messageZh: '太大', messageEn: 'too large' });
    },
    'host:set-language': record('host:set-language', null),
    'host:open-external': async () => {
      throw new Error('boom');
    },
  };
  return { handlers, calls };
}

const ours = new FakeWebContents({});
ours.mainFrame.url = 'app://safetynet/index.html';
const trusted = new Set([ours.id]);
const asEvent = (sender: FakeWebContents, frame: FakeWebFrame | null = sender.mainFrame) =>
  ({ sender, senderFrame: frame }) as unknown as SenderEvent;

describe('IPC sender validation', () => {
  it('refuses another web contents, a subframe, a foreign page and a missing frame', async () => {
    const { handlers, calls } = recordingHandlers();
    const stranger = new FakeWebContents({});
    stranger.mainFrame.url = 'app://safetynet/index.html';
    const foreign = new FakeWebFrame('https://evil.example/');
    const fileFrame = new FakeWebFrame('file:///tmp/x.html');
    const otherHost = new FakeWebFrame('app://safetynet.evil/index.html');
    const subframe = new FakeWebFrame('app://safetynet/index.html', ours.mainFrame);
    const events = [
      asEvent(stranger),
      asEvent(ours, foreign),
      asEvent(ours, fileFrame),
      asEvent(ours, otherHost),
      asEvent(ours, subframe),
      asEvent(ours, null),
    ];
    for (const event of events) {
      const result = await dispatchIpc('host:load-document', event, { kind: 'settings' }, handlers, trusted);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('forbidden-sender');
        expect(result.error.messageZh).toContain('拒绝');
        expect(result.error.messageEn).toContain('refused');
      }
    }
    expect(calls).toEqual([]);
  });

  it('lets our own app page through', async () => {
    const { handlers, calls } = recordingHandlers();
    const result = await dispatchIpc('host:load-document', asEvent(ours), { kind: 'settings' }, handlers, trusted);
    expect(result).toEqual({ ok: true, value: { data: { a: 1 } } });
    expect(calls).toEqual([{ channel: 'host:load-document', request: { kind: 'settings' } }]);
  });
});

describe('IPC payload validation', () => {
  it('refuses bad payloads with the channel and field path named', async () => {
    const { handlers, calls } = recordingHandlers();
    const bad: [Parameters<typeof dispatchIpc>[0], unknown, string][] = [
      ['host:load-document', { kind: 'passwords' }, 'kind'],
      ['host:load-document', { kind: 'settings', extra: 1 }, 'extra'],
      ['host:load-document', 'settings', '(root)'],
      ['host:save-file', { suggestedName: '../../etc/passwd', mimeType: 'text/plain', data: 'x' }, 'suggestedName'],
      ['host:save-file', { suggestedName: 'a.csv', mimeType: 'text/csv', data: 42 }, 'data'],
      ['host:print-to-pdf', { suggestedName: 'b.pdf', landscape: 'yes' }, 'landscape'],
      ['host:set-language', { language: 'fr' }, 'language'],
      ['host:open-external', { url: 'x'.repeat(5000) }, 'url'],
      ['host:save-document', { kind: 'workspace', data: () => 1 }, 'data'],
      ['host:open-dataset-files', { path: '/etc/passwd' }, 'path'],
    ];
    for (const [channel, payload, field] of bad) {
      const result: IpcResult<typeof channel> = await dispatchIpc(channel, asEvent(ours), payload, handlers, trusted);
      expect(result.ok, channel).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid-request');
        expect(result.error.messageEn).toContain(channel);
        expect(result.error.messageEn, channel).toContain(field);
        expect(result.error.messageZh).toContain('请求格式无效');
      }
    }
    expect(calls).toEqual([]);
  });

  it('passes host errors through and wraps unexpected ones', async () => {
    const { handlers } = recordingHandlers();
    const tooLarge = await dispatchIpc(
      'host:save-document',
      asEvent(ours),
      { kind: 'workspace', data: {} },
      handlers,
      trusted,
    );
    expect(tooLarge).toEqual({ ok: false, error: { code: 'too-large', messageZh: '太大', messageEn: 'too large' } });
    const boom = await dispatchIpc(
      'host:open-external',
      asEvent(ours),
      { url: 'https://github.com/' },
      handlers,
      trusted,
    );
    expect(boom.ok).toBe(false);
    if (!boom.ok)
      expect(boom.error).toMatchObject({ code: 'internal', messageEn: 'operation failed (host:open-external): boom' });
  });
});

describe('registerIpcHandlers', () => {
  it('registers every channel and removes them again', async () => {
    const registered = new Map<string, (event: unknown, payload: unknown) => unknown>();
    const ipcMain = {
      handle: (channel: string, listener: (event: unknown, payload: unknown) => unknown) => {
        registered.set(channel, listener);
      },
      removeHandler: (channel: string) => {
        registered.delete(channel);
      },
    };
    const { handlers } = recordingHandlers();
    const remove = registerIpcHandlers(ipcMain as never, handlers, trusted);
    expect([...registered.keys()].sort()).toEqual(Object.keys(handlers).sort());
    const result = await registered.get('host:set-language')?.(asEvent(ours), { language: 'en' });
    expect(result).toEqual({ ok: true, value: null });
    remove();
    expect(registered.size).toBe(0);
  });
});
