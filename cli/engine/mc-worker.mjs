// Worker-thread entry for Monte Carlo replications: registers tsx (hooks are per thread), then loads the TypeScript body.
import { register } from 'tsx/esm/api';

register();
await import('./mc-worker.ts');
