// The one engine client of the window, wired to the engine store (busy, timings, crash and restart notices).
import { useEngineStore } from '../../store/engine-store.ts';
import { EngineClient } from './engine-client.ts';

let client: EngineClient | null = null;

/** Returns the shared engine client (its worker starts on first use). */
export function getEngine(): EngineClient {
  client ??= new EngineClient({
    onBusy: (busy) => useEngineStore.setState({ busy }),
    onRun: ({ kind, ms, roundTripMs }) => {
      const run = { kind, ms, roundTripMs, at: Date.now() };
      useEngineStore.setState(kind === 'year' ? { lastRun: run, lastYearRun: run } : { lastRun: run });
    },
    onCrash: (error) => useEngineStore.setState((state) => ({ crash: error, restarts: state.restarts + 1 })),
  });
  return client;
}
