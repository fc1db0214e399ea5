#!/usr/bin/env node
// Launcher for the `safetynet` command line: registers tsx so the TypeScript sources run directly, then hands over.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
