// Worker-thread entry of the CLI's engine workers: registers tsx (hooks are per thread), then loads the TypeScript body.
import { register } from 'tsx/esm/api';

register();
await import('./engine-worker.ts');
