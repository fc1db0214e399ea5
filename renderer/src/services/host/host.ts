// The host the renderer runs in: the Electron preload's `window.safetyNetHost` when present, else the browser host.
import { HOST_GLOBAL_NAME, type HostApi } from '../../../../contract/host-api.ts';
import { createBrowserHost } from './browser-host.ts';

let host: HostApi | null = null;

/** Returns the one HostApi of this window (created on first use). */
export function getHost(): HostApi {
  if (host) return host;
  const exposed = (window as unknown as Record<string, HostApi | undefined>)[HOST_GLOBAL_NAME];
  host = exposed ?? createBrowserHost();
  return host;
}

/** Replaces the host (tests only: an in-memory browser host). */
export function setHostForTesting(replacement: HostApi | null): void {
  host = replacement;
}
