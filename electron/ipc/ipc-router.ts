// The typed IPC handler map and its registration: every invoke is checked for its sender (our window's main frame on
// the app:// origin) and its payload (the channel's zod schema) before a handler runs; results go back in an envelope.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNELS, ipcRequestSchemas } from '../../contract/ipc-contract.ts';
import type { IpcChannel, IpcRequest, IpcResponses, IpcResult } from '../../contract/ipc-contract.ts';
import type { HostErrorInfo } from '../../contract/host-api.ts';
import { isAppUrl } from '../security/hardening.ts';

/** What a handler knows about the call besides the request: the calling web contents' id. */
export interface IpcCallContext {
  senderId: number;
}

/** One handler per channel, typed by the contract. */
export type IpcHandlers = {
  [C in IpcChannel]: (request: IpcRequest<C>, context: IpcCallContext) => Promise<IpcResponses[C]>;
};

/** An error a handler throws to send a specific code and bilingual message back to the renderer. */
export class HostError extends Error {
  /** Builds the error from its code and bilingual message. */
  constructor(readonly info: HostErrorInfo) {
    super(`${info.messageZh} / ${info.messageEn}`);
  }
}

/** The subset of the invoke event the sender check reads. */
export type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/**
 * True when the call comes from the main frame of one of `trustedIds` (our windows' web contents) and that frame shows
 * an app:// page; anything else (another window, a subframe, a navigated-away page) is refused.
 */
export function isTrustedSender(event: SenderEvent, trustedIds: ReadonlySet<number>): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame === undefined) return false;
  if (!trustedIds.has(event.sender.id)) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

/** Formats zod issues as `path: message` lines for the error text. */
function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

/** Validates and dispatches one call; never throws (errors become `{ ok: false }`). */
export async function dispatchIpc<C extends IpcChannel>(
  channel: C,
  event: SenderEvent,
  payload: unknown,
  handlers: IpcHandlers,
  trustedIds: ReadonlySet<number>,
): Promise<IpcResult<C>> {
  if (!isTrustedSender(event, trustedIds)) {
    const url = event.senderFrame?.url ?? '(unknown)';
    return {
      ok: false,
      error: {
        code: 'forbidden-sender',
        messageZh: `拒绝来自非本应用页面的请求（${channel}，来源 ${url}）`,
        messageEn: `refused a request from a page that is not this app (${channel}, from ${url})`,
      },
    };
  }
  const parsed = ipcRequestSchemas[channel].safeParse(payload);
  if (!parsed.success) {
    const detail = describeIssues(parsed.error.issues);
    return {
      ok: false,
      error: {
        code: 'invalid-request',
        messageZh: `请求格式无效（${channel}）：${detail}`,
        messageEn: `invalid request (${channel}): ${detail}`,
      },
    };
  }
  const handler = handlers[channel] as (request: unknown, context: IpcCallContext) => Promise<IpcResponses[C]>;
  try {
    return { ok: true, value: await handler(parsed.data, { senderId: event.sender.id }) };
  } catch (error) {
    if (error instanceof HostError) return { ok: false, error: error.info };
    const text = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: {
        code: 'internal',
        messageZh: `操作失败（${channel}）：${text}`,
        messageEn: `operation failed (${channel}): ${text}`,
      },
    };
  }
}

/** Registers every channel of the contract on `ipcMain`; returns a function that removes them again. */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: IpcHandlers,
  trustedIds: ReadonlySet<number>,
): () => void {
  for (const channel of IPC_CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown) => dispatchIpc(channel, event, payload, handlers, trustedIds));
  }
  return () => IPC_CHANNELS.forEach((channel) => ipcMain.removeHandler(channel));
}
