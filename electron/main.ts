// Entry of the Electron main process (compiled to dist-electron/main.cjs): starts the hardened shell.
import { startApp, defaultAppPaths } from './app/start-app.ts';

startApp(defaultAppPaths(__dirname)).catch((error: unknown) => {
  console.error('启动失败 / failed to start:', error);
  process.exit(1);
});
